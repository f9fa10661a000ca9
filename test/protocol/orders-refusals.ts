import type { OutgoingMessageName } from "../../src/protocol/message-ids.js";

/** Requests the official client 10.46.01 refuses with error 503 (checked with pyharness): name, sv, message value. */
export const officialRefusals: [OutgoingMessageName, number, unknown][] = [
  [
    "PLACE_ORDER",
    102,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, modelCode: "m", cashQty: 0.0 },
    },
  ],
  [
    "PLACE_ORDER",
    104,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: {
        action: "BUY",
        totalQuantity: "100",
        orderType: "LMT",
        lmtPrice: 101.25,
        extOperator: "x",
        cashQty: 0.0,
      },
    },
  ],
  [
    "PLACE_ORDER",
    105,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: {
        action: "BUY",
        totalQuantity: "100",
        orderType: "LMT",
        lmtPrice: 101.25,
        softDollarTier: { name: "n", value: "", displayName: "" },
        cashQty: 0.0,
      },
    },
  ],
  [
    "PLACE_ORDER",
    110,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25 },
    },
  ],
  [
    "PLACE_ORDER",
    137,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, mifid2DecisionAlgo: "a" },
    },
  ],
  [
    "PLACE_ORDER",
    138,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, mifid2ExecutionTrader: "t" },
    },
  ],
  [
    "PLACE_ORDER",
    140,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: {
        action: "BUY",
        totalQuantity: "100",
        orderType: "LMT",
        lmtPrice: 101.25,
        dontUseAutoPriceForHedge: true,
      },
    },
  ],
  [
    "PLACE_ORDER",
    144,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, isOmsContainer: true },
    },
  ],
  [
    "PLACE_ORDER",
    150,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, usePriceMgmtAlgo: true },
    },
  ],
  [
    "PLACE_ORDER",
    157,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, duration: 1 },
    },
  ],
  [
    "PLACE_ORDER",
    159,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, postToAts: 0 },
    },
  ],
  [
    "PLACE_ORDER",
    161,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, autoCancelParent: true },
    },
  ],
  [
    "PLACE_ORDER",
    165,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, advancedErrorOverride: "x" },
    },
  ],
  [
    "PLACE_ORDER",
    168,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, manualOrderTime: "t" },
    },
  ],
  [
    "PLACE_ORDER",
    169,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, midOffsetAtHalf: 0.5 },
    },
  ],
  [
    "PLACE_ORDER",
    182,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, customerAccount: "c" },
    },
  ],
  [
    "PLACE_ORDER",
    183,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, professionalCustomer: true },
    },
  ],
  [
    "PLACE_ORDER",
    188,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, includeOvernight: true },
    },
  ],
  [
    "PLACE_ORDER",
    191,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, manualOrderIndicator: 0 },
    },
  ],
  [
    "PLACE_ORDER",
    198,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, imbalanceOnly: true },
    },
  ],
  [
    "PLACE_ORDER",
    203,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, postOnly: true },
    },
  ],
  [
    "PLACE_ORDER",
    215,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, deactivate: true },
    },
  ],
  [
    "PLACE_ORDER",
    216,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, routeMarketableToBbo: false },
    },
  ],
  [
    "PLACE_ORDER",
    216,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, whatIfType: 0 },
    },
  ],
  [
    "PLACE_ORDER",
    222,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, hedgeMaxSize: 1 },
    },
  ],
  [
    "PLACE_ORDER",
    217,
    {
      orderId: 11,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      order: { action: "BUY", totalQuantity: "100", orderType: "LMT", lmtPrice: 101.25, slOrderId: 1 },
    },
  ],
  ["CANCEL_ORDER", 168, { orderId: 1, orderCancel: { manualOrderCancelTime: "t" } }],
  ["CANCEL_ORDER", 191, { orderId: 1, orderCancel: { extOperator: "x" } }],
  ["REQ_GLOBAL_CANCEL", 191, { orderCancel: { manualOrderIndicator: 0 } }],
  [
    "EXERCISE_OPTIONS",
    179,
    {
      reqId: 5,
      contract: {
        symbol: "AAPL",
        secType: "OPT",
        lastTradeDateOrContractMonth: "20250117",
        strike: 150.0,
        right: "C",
        multiplier: "100",
        exchange: "SMART",
        currency: "USD",
        localSymbol: "AAPL  250117C00150000",
        tradingClass: "AAPL",
      },
      exerciseAction: 1,
      exerciseQuantity: 2,
      account: "DU1",
      override: 0,
      manualOrderTime: "t",
      customerAccount: "",
      professionalCustomer: false,
    },
  ],
  [
    "EXERCISE_OPTIONS",
    182,
    {
      reqId: 5,
      contract: {
        symbol: "AAPL",
        secType: "OPT",
        lastTradeDateOrContractMonth: "20250117",
        strike: 150.0,
        right: "C",
        multiplier: "100",
        exchange: "SMART",
        currency: "USD",
        localSymbol: "AAPL  250117C00150000",
        tradingClass: "AAPL",
      },
      exerciseAction: 1,
      exerciseQuantity: 2,
      account: "DU1",
      override: 0,
      manualOrderTime: "",
      customerAccount: "c",
      professionalCustomer: false,
    },
  ],
  [
    "EXERCISE_OPTIONS",
    183,
    {
      reqId: 5,
      contract: {
        symbol: "AAPL",
        secType: "OPT",
        lastTradeDateOrContractMonth: "20250117",
        strike: 150.0,
        right: "C",
        multiplier: "100",
        exchange: "SMART",
        currency: "USD",
        localSymbol: "AAPL  250117C00150000",
        tradingClass: "AAPL",
      },
      exerciseAction: 1,
      exerciseQuantity: 2,
      account: "DU1",
      override: 0,
      manualOrderTime: "",
      customerAccount: "",
      professionalCustomer: true,
    },
  ],
];
