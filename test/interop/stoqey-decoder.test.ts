import { afterEach, describe, expect, it } from "vitest";
import type { ContractDataMessage } from "../../src/protocol/messages/contracts/contract-data.js";
import type { DeltaNeutralValidationMessage } from "../../src/protocol/messages/contracts/delta-neutral-validation.js";
import type { SecurityDefinitionOptionParameterMessage } from "../../src/protocol/messages/contracts/option-chains.js";
import type {
  FamilyCodesMessage,
  SoftDollarTiersMessage,
} from "../../src/protocol/messages/contracts/reference-data.js";
import type { SymbolSamplesMessage } from "../../src/protocol/messages/contracts/symbol-samples.js";
import type { MktDepthExchangesMessage } from "../../src/protocol/messages/depth-and-bars/depth-exchanges.js";
import type {
  MarketDepthL2Message,
  MarketDepthMessage,
} from "../../src/protocol/messages/depth-and-bars/market-depth.js";
import type { RealTimeBarMessage } from "../../src/protocol/messages/depth-and-bars/real-time-bars.js";
import type { TickByTickMessage } from "../../src/protocol/messages/depth-and-bars/tick-by-tick.js";
import type {
  HistoricalDataMessage,
  HistoricalDataUpdateMessage,
} from "../../src/protocol/messages/historical/bars.js";
import type { HistogramDataMessage } from "../../src/protocol/messages/historical/histogram.js";
import type { HistoricalScheduleMessage } from "../../src/protocol/messages/historical/schedule.js";
import type {
  HistoricalTicksBidAskMessage,
  HistoricalTicksLastMessage,
  HistoricalTicksMessage,
} from "../../src/protocol/messages/historical/ticks.js";
import { encodeMessage, specByName } from "../../src/protocol/messages/index.js";
import type { MarketRuleMessage } from "../../src/protocol/messages/market-data/market-rules.js";
import type { TickOptionComputationMessage } from "../../src/protocol/messages/market-data/option-computation.js";
import type { SmartComponentsMessage } from "../../src/protocol/messages/market-data/smart-components.js";
import type { TickEfpMessage, TickNewsMessage } from "../../src/protocol/messages/market-data/tick-extras.js";
import type { TickPriceMessage } from "../../src/protocol/messages/market-data/ticks.js";
import type { NewsProvidersMessage } from "../../src/protocol/messages/news-and-scanners/news-replies.js";
import type { ScannerDataMessage } from "../../src/protocol/messages/news-and-scanners/scanner-replies.js";
import type { ErrorMessage } from "../../src/protocol/messages/session/error-message.js";
import type { ContractDetails } from "../../src/protocol/models/contract-details.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { connectStoqey, type StoqeyPeer } from "../harness/stoqey-peer.js";

/**
 * @stoqey/ib 1.6.10 as an outside decoder: our host-side text replies at server versions 176 and 193 are fed to
 * its decoder and must arrive with the values we encoded.
 *
 * Each case is a message value we encode with our spec (text form) and send through a scripted host; stoqey's
 * events are compared argument by argument with what the value carries. Only the representation is normalised:
 * our Decimal text is its number, our unset is its `undefined` (or the official "not computed" markers -1 / -2,
 * which it maps to `undefined` as the official client maps them to None), bigint/epoch numbers are its numbers.
 *
 * Where stoqey reads a field differently from the official client (a stoqey bug), the expectation says what
 * stoqey makes of it, with a `STOQEY:` comment giving what the official Python client 10.46.01 gets from the same
 * bytes. Nothing here bends an expectation to fit our encoder.
 */

const VERSIONS = [176, 193] as const;

let peer: StoqeyPeer | undefined;
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

/** Our Decimal text as stoqey's number. */
const num = (d: string | undefined): number | undefined => (d === undefined ? undefined : Number(d));

/** The frame of one reply, encoded by our spec as text. */
function frameOf(message: string, value: unknown, sv: number): Buffer {
  const spec = specByName("host", message);
  if (!spec) throw new Error(`no spec for ${message}`);
  return Buffer.from(encodeMessage(spec, value, sv, undefined, "text"));
}

let marker = 1_700_000_000;

/**
 * Sends the frames, then a CURRENT_TIME marker, and returns the events stoqey emitted before the marker (errors as
 * `{ error: message }`): a frame that makes no event, or a decoding complaint of stoqey's, shows up as such.
 */
async function deliver(p: StoqeyPeer, frames: Buffer[], sv: number): Promise<unknown[][]> {
  const from = p.events.length;
  const time = ++marker;
  // One write: stoqey must split the frames itself (and Nagle does not hold the marker back).
  p.conn.send(Buffer.concat([...frames, frameOf("CURRENT_TIME", { time }, sv)]));
  const end = await p.waitForEvent((e) => e[0] === "currentTime" && e[1] === time, from);
  return p.events.slice(from, end).map((e) => e.map((a) => (a instanceof Error ? { error: a.message } : a)));
}

/** One reply: the value we encode and the events stoqey must emit for it. */
interface Case {
  readonly name: string;
  readonly message: string;
  readonly value: unknown;
  readonly events: unknown[][];
}

// ---------------------------------------------------------------------------------------------------------------
// Session and errors

function sessionCases(): Case[] {
  const farmOk: ErrorMessage = {
    reqId: -1,
    errorCode: 2104,
    errorString: "Market data farm connection is OK:usfarm",
    advancedOrderRejectJson: "",
    errorTime: undefined,
  };
  const delayed: ErrorMessage = {
    reqId: 9003,
    errorCode: 10167,
    errorString: "Requested market data is not subscribed. Displaying delayed market data.",
    advancedOrderRejectJson: "",
    errorTime: undefined,
  };
  const rejected: ErrorMessage = {
    reqId: 12,
    errorCode: 201,
    errorString: "Order rejected - reason:Exchange closed ≥ 16:00",
    advancedOrderRejectJson: '{"rejectReason":"Exchange closed","code":"EXCH_CLOSED"}',
    errorTime: undefined,
  };
  const latin1: ErrorMessage = {
    reqId: 9004,
    errorCode: 200,
    errorString: "No security definition has been found: Société Générale",
    advancedOrderRejectJson: "",
    errorTime: undefined,
  };
  const multiline: ErrorMessage = {
    reqId: 79,
    errorCode: 399,
    errorString: "Order Message:\nBUY 1 AAPL NASDAQ.NMS",
    advancedOrderRejectJson: "",
    errorTime: undefined,
  };
  return [
    // stoqey reports id -1 as `info` (message, code), anything else as `error` (Error, code, reqId, parsed JSON).
    { name: "a notice (id -1)", message: "ERR_MSG", value: farmOk, events: [["info", farmOk.errorString, 2104]] },
    {
      name: "a request's warning",
      message: "ERR_MSG",
      value: delayed,
      events: [["error", { error: delayed.errorString }, 10167, 9003, undefined]],
    },
    {
      // The texts are escaped to 7-bit ASCII from ENCODE_MSG_ASCII7 (153); stoqey un-escapes `\uXXXX` as TWS
      // writes them for "≥".
      name: "an order rejection with non-ASCII text and its advancedOrderRejectJson",
      message: "ERR_MSG",
      value: rejected,
      events: [
        ["error", { error: rejected.errorString }, 201, 12, { rejectReason: "Exchange closed", code: "EXCH_CLOSED" }],
      ],
    },
    {
      // Our encoder escapes non-ASCII as `\uXXXX`, as TWS does: stoqey's un-escaping (a port of the Java
      // client's decodeUnicodeEscapedString, which knows only `\u`) and Python's unicode-escape both read it.
      name: "a text with Latin-1 letters",
      message: "ERR_MSG",
      value: latin1,
      events: [["error", { error: "No security definition has been found: Société Générale" }, 200, 9004, undefined]],
    },
    {
      // STOQEY: its un-escaping knows only `\uXXXX` (a port of the Java client's decodeUnicodeEscapedString), so
      // the `\n` escape stays two characters; the official Python decoder (`unicode-escape`) gives the newline.
      name: "a multi-line order message",
      message: "ERR_MSG",
      value: multiline,
      events: [["error", { error: "Order Message:\\nBUY 1 AAPL NASDAQ.NMS" }, 399, 79, undefined]],
    },
    { name: "", message: "CURRENT_TIME", value: { time: 1790451980 }, events: [["currentTime", 1790451980]] },
    { name: "", message: "NEXT_VALID_ID", value: { orderId: 42 }, events: [["nextValidId", 42]] },
    {
      name: "",
      message: "MANAGED_ACCTS",
      value: { accountsList: "DU1234567,DU7654321" },
      events: [["managedAccounts", "DU1234567,DU7654321"]],
    },
    {
      name: "",
      message: "USER_INFO",
      value: { reqId: 9001, whiteBrandingId: "wb-123" },
      events: [["userInfo", 9001, "wb-123"]],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Market data

function marketDataCases(): Case[] {
  const bid: TickPriceMessage = { reqId: 1, tickType: 1, price: 185.25, size: "300", attrMask: 1 };
  const ask: TickPriceMessage = { reqId: 1, tickType: 2, price: 185.3, size: "0.5", attrMask: 2 };
  const delayedLast: TickPriceMessage = { reqId: 1, tickType: 68, price: 185.27, size: "100", attrMask: 4 };
  const close: TickPriceMessage = { reqId: 2, tickType: 9, price: 184.9, size: undefined, attrMask: 0 };
  const lastNoSize: TickPriceMessage = { reqId: 2, tickType: 4, price: 185.2, size: undefined, attrMask: 0 };
  const model: TickOptionComputationMessage = {
    reqId: 7,
    tickType: 13,
    tickAttrib: 1,
    impliedVol: 0.25,
    delta: 0.5,
    optPrice: 1.5,
    pvDividend: 0,
    gamma: 0.1,
    vega: 0.2,
    theta: -0.05,
    undPrice: 100,
  };
  const notComputed: TickOptionComputationMessage = {
    reqId: 7,
    tickType: 10,
    tickAttrib: 0,
    impliedVol: -1,
    delta: -2,
    optPrice: -1,
    pvDividend: -1,
    gamma: -2,
    vega: -2,
    theta: -2,
    undPrice: -1,
  };
  const efp: TickEfpMessage = {
    reqId: 5,
    tickType: 38,
    basisPoints: 12.5,
    formattedBasisPoints: "12.50",
    totalDividends: 0.75,
    holdDays: 30,
    futureLastTradeDate: "20261218",
    dividendImpact: 0.1,
    dividendsToLastTradeDate: 0.2,
  };
  const news: TickNewsMessage = {
    tickerId: 9001,
    timeStamp: 1700000000000,
    providerCode: "BRFG",
    articleId: "BRFG$12345",
    headline: "Company reports record quarter",
    extraData: "K:n/a;C:0.5",
  };
  const rule: MarketRuleMessage = {
    marketRuleId: 26,
    priceIncrements: [
      { lowEdge: 0, increment: 0.01 },
      { lowEdge: 1, increment: 0.05 },
      { lowEdge: 100, increment: 0.1 },
    ],
  };
  const components: SmartComponentsMessage = {
    reqId: 9490,
    smartComponents: [
      { bitNumber: 0, exchange: "AMEX", exchangeLetter: "A" },
      { bitNumber: 1, exchange: "BEX", exchangeLetter: "B" },
      { bitNumber: 16, exchange: "NYSE", exchangeLetter: "N" },
    ],
  };
  return [
    {
      // STOQEY: it synthesises no size for a BID: BID_SIZE is tick type 0 and it tests `if (sizeTickType)`; the
      // official client calls tickSize(1, 0, "300").
      name: "BID with canAutoExecute",
      message: "TICK_PRICE",
      value: bid,
      events: [["tickPrice", 1, 1, 185.25, true]],
    },
    {
      // STOQEY: its attribute is `!!attrMask` (any bit), reported as canAutoExecute; the official client unpacks
      // the bits: canAutoExecute false, pastLimit true.
      name: "ASK with pastLimit, and its synthesised ASK_SIZE",
      message: "TICK_PRICE",
      value: ask,
      events: [
        ["tickPrice", 1, 2, 185.3, true],
        ["tickSize", 1, 3, 0.5],
      ],
    },
    {
      // STOQEY: as above, preOpen (bit 2) comes out as canAutoExecute true.
      name: "DELAYED_LAST with preOpen, and its synthesised DELAYED_LAST_SIZE",
      message: "TICK_PRICE",
      value: delayedLast,
      events: [
        ["tickPrice", 1, 68, 185.27, true],
        ["tickSize", 1, 71, 100],
      ],
    },
    { name: "CLOSE (no size tick)", message: "TICK_PRICE", value: close, events: [["tickPrice", 2, 9, 184.9, false]] },
    {
      // A host writes an unset Decimal as an empty field, which both the official decoder and stoqey read as unset.
      name: "LAST without a size",
      message: "TICK_PRICE",
      value: lastNoSize,
      events: [
        ["tickPrice", 2, 4, 185.2, false],
        ["tickSize", 2, 5, undefined],
      ],
    },
    {
      name: "VOLUME",
      message: "TICK_SIZE",
      value: { reqId: 1, tickType: 8, size: "12345.5" },
      events: [["tickSize", 1, 8, 12345.5]],
    },
    {
      name: "RT_VOLUME",
      message: "TICK_STRING",
      value: { reqId: 1, tickType: 48, value: "101.5;100;1700000000000;1000;100.9;true" },
      events: [["tickString", 1, 48, "101.5;100;1700000000000;1000;100.9;true"]],
    },
    {
      name: "SHORTABLE",
      message: "TICK_GENERIC",
      value: { reqId: 1, tickType: 46, value: 3 },
      events: [["tickGeneric", 1, 46, 3]],
    },
    {
      name: "HALTED 0",
      message: "TICK_GENERIC",
      value: { reqId: 1, tickType: 49, value: 0 },
      events: [["tickGeneric", 1, 49, 0]],
    },
    {
      name: "a model computation",
      message: "TICK_OPTION_COMPUTATION",
      value: model,
      events: [["tickOptionComputation", 7, 13, 1, 0.25, 0.5, 1.5, 0, 0.1, 0.2, -0.05, 100]],
    },
    {
      // -1 / -2 are TWS's "not computed" markers: the official client reports them as None, stoqey as undefined.
      name: "nothing computed yet",
      message: "TICK_OPTION_COMPUTATION",
      value: notComputed,
      events: [
        [
          "tickOptionComputation",
          7,
          10,
          0,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
        ],
      ],
    },
    {
      name: "",
      message: "TICK_EFP",
      value: efp,
      events: [["tickEFP", 5, 38, 12.5, "12.50", 0.75, 30, "20261218", 0.1, 0.2]],
    },
    { name: "", message: "TICK_SNAPSHOT_END", value: { reqId: 9001 }, events: [["tickSnapshotEnd", 9001]] },
    {
      name: "",
      message: "MARKET_DATA_TYPE",
      value: { reqId: 9001, marketDataType: 3 },
      events: [["marketDataType", 9001, 3]],
    },
    {
      // STOQEY: it reads minTick as an int (parseInt("0.01") = 0); the official client reads a float, 0.01.
      name: "",
      message: "TICK_REQ_PARAMS",
      value: { tickerId: 9001, minTick: "0.01", bboExchange: "9c0001", snapshotPermissions: 3 },
      events: [["tickReqParams", 9001, 0, "9c0001", 3]],
    },
    {
      name: "an integral minTick",
      message: "TICK_REQ_PARAMS",
      value: { tickerId: 9002, minTick: "5", bboExchange: "", snapshotPermissions: 0 },
      events: [["tickReqParams", 9002, 5, "", 0]],
    },
    {
      name: "",
      message: "TICK_NEWS",
      value: news,
      events: [["tickNews", 9001, 1700000000000, "BRFG", "BRFG$12345", news.headline, "K:n/a;C:0.5"]],
    },
    {
      name: "",
      message: "REROUTE_MKT_DATA_REQ",
      value: { reqId: 9001, conId: 12087792, exchange: "IDEALPRO" },
      events: [["rerouteMktDataReq", 9001, 12087792, "IDEALPRO"]],
    },
    {
      name: "",
      message: "REROUTE_MKT_DEPTH_REQ",
      value: { reqId: 9002, conId: 12087793, exchange: "IDEALPRO" },
      events: [["rerouteMktDepthReq", 9002, 12087793, "IDEALPRO"]],
    },
    {
      name: "",
      message: "MARKET_RULE",
      value: rule,
      events: [["marketRule", 26, rule.priceIncrements]],
    },
    {
      name: "",
      message: "SMART_COMPONENTS",
      value: components,
      events: [
        [
          "smartComponents",
          9490,
          new Map([
            [0, ["AMEX", "A"]],
            [1, ["BEX", "B"]],
            [16, ["NYSE", "N"]],
          ]),
        ],
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Depth, tick-by-tick and real-time bars

function depthAndBarsCases(): Case[] {
  const depth: MarketDepthMessage = { reqId: 7, position: 3, operation: 1, side: 0, price: 185.3, size: "0.5" };
  const l2: MarketDepthL2Message = {
    reqId: 8,
    position: 2,
    marketMaker: "ARCA",
    operation: 0,
    side: 1,
    price: 185.25,
    size: "1200",
    isSmartDepth: true,
  };
  const exchanges: MktDepthExchangesMessage = {
    depthMktDataDescriptions: [
      { exchange: "NYSE", secType: "STK", listingExch: "NYSE", serviceDataType: "Deep", aggGroup: 1 },
      { exchange: "ISLAND", secType: "STK", listingExch: "", serviceDataType: "Deep2", aggGroup: 2 },
      { exchange: "CME", secType: "FUT", listingExch: "", serviceDataType: "Deep", aggGroup: undefined },
    ],
  };
  const last: TickByTickMessage = {
    reqId: 9,
    tickType: 1,
    time: 1700000000,
    tick: {
      kind: "last",
      price: 185.25,
      size: "100",
      tickAttribLast: { pastLimit: true, unreported: false },
      exchange: "ISLAND",
      specialConditions: " T",
    },
  };
  const allLast: TickByTickMessage = {
    reqId: 9,
    tickType: 2,
    time: 1700000001,
    tick: {
      kind: "last",
      price: 185.5,
      size: "0.5",
      tickAttribLast: { pastLimit: false, unreported: true },
      exchange: "NYSE",
      specialConditions: "",
    },
  };
  const bidAsk: TickByTickMessage = {
    reqId: 10,
    tickType: 3,
    time: 1700000002,
    tick: {
      kind: "bidAsk",
      bidPrice: 185.2,
      askPrice: 185.3,
      bidSize: "100",
      askSize: "200",
      tickAttribBidAsk: { bidPastLow: false, askPastHigh: true },
    },
  };
  const midPoint: TickByTickMessage = {
    reqId: 11,
    tickType: 4,
    time: 1700000003,
    tick: { kind: "midPoint", midPoint: 185.25 },
  };
  const bar: RealTimeBarMessage = {
    reqId: 4,
    time: 1700000000,
    open: 185,
    high: 185.5,
    low: 184.75,
    close: 185.25,
    volume: "1200",
    wap: "185.125",
    count: 37,
  };
  return [
    {
      name: "",
      message: "MARKET_DEPTH",
      value: depth,
      events: [["updateMktDepth", 7, 3, 1, 0, 185.3, 0.5]],
    },
    {
      name: "",
      message: "MARKET_DEPTH_L2",
      value: l2,
      events: [["updateMktDepthL2", 8, 2, "ARCA", 0, 1, 185.25, 1200, true]],
    },
    {
      name: "",
      message: "MKT_DEPTH_EXCHANGES",
      value: exchanges,
      events: [["mktDepthExchanges", exchanges.depthMktDataDescriptions]],
    },
    {
      // stoqey hands the time over as the text it read (the official client: an int).
      name: "Last",
      message: "TICK_BY_TICK",
      value: last,
      events: [
        ["tickByTickAllLast", 9, 1, "1700000000", 185.25, 100, { pastLimit: true, unreported: false }, "ISLAND", " T"],
      ],
    },
    {
      name: "AllLast",
      message: "TICK_BY_TICK",
      value: allLast,
      events: [
        ["tickByTickAllLast", 9, 2, "1700000001", 185.5, 0.5, { pastLimit: false, unreported: true }, "NYSE", ""],
      ],
    },
    {
      name: "BidAsk",
      message: "TICK_BY_TICK",
      value: bidAsk,
      events: [
        ["tickByTickBidAsk", 10, "1700000002", 185.2, 185.3, 100, 200, { bidPastLow: false, askPastHigh: true }],
      ],
    },
    {
      name: "MidPoint",
      message: "TICK_BY_TICK",
      value: midPoint,
      events: [["tickByTickMidPoint", 11, "1700000003", 185.25]],
    },
    {
      // Tick type None carries nothing after the time; neither client makes a callback.
      name: "None",
      message: "TICK_BY_TICK",
      value: { reqId: 12, tickType: 0, time: 1700000004, tick: undefined } satisfies TickByTickMessage,
      events: [],
    },
    {
      name: "",
      message: "REAL_TIME_BARS",
      value: bar,
      events: [["realtimeBar", 4, 1700000000, 185, 185.5, 184.75, 185.25, 1200, 185.125, 37]],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// Contracts and reference data

/** A full AAPL ContractDetails as TWS sends it (every field the text form carries at `sv`). */
function aaplDetails(sv: number): ContractDetails {
  return {
    contract: {
      symbol: "AAPL",
      secType: "STK",
      lastTradeDateOrContractMonth: "",
      ...(sv >= ServerVersion.LAST_TRADE_DATE ? { lastTradeDate: "" } : {}),
      strike: 0,
      right: "",
      exchange: "SMART",
      currency: "USD",
      localSymbol: "AAPL",
      tradingClass: "NMS",
      conId: 265598,
      multiplier: "",
      primaryExchange: "NASDAQ",
    },
    marketName: "NMS",
    minTick: 0.01,
    orderTypes: "ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AON,AVGCOST,BASKET,LMT,MKT,MOC,REL,STP,STPLMT,TRAIL,WHATIF",
    validExchanges: "SMART,AMEX,NYSE,CBOE,PHLX,ISE,CHX,ARCA,ISLAND,DRCTEDGE,BEX,BATS,EDGEA,IEX,MEMX,OVERNIGHT",
    priceMagnifier: 1,
    underConId: 0,
    longName: "APPLE INC",
    contractMonth: "",
    industry: "Technology",
    category: "Computers",
    subcategory: "Computers",
    timeZoneId: "US/Eastern",
    tradingHours: "20251015:0400-20251015:2000;20251016:0400-20251016:2000;20251018:CLOSED",
    liquidHours: "20251015:0930-20251015:1600;20251016:0930-20251016:1600;20251018:CLOSED",
    evRule: "",
    evMultiplier: 0,
    secIdList: [{ tag: "ISIN", value: "US0378331005" }],
    aggGroup: 1,
    underSymbol: "",
    underSecType: "",
    marketRuleIds: "26,26,26,26,26,26,26,26,26,26,26,26,26,26,26,26",
    realExpirationDate: "",
    stockType: "COMMON",
    minSize: "0.0001",
    sizeIncrement: "0.0001",
    suggestedSizeIncrement: "100",
    ...(sv >= ServerVersion.INELIGIBILITY_REASONS
      ? { ineligibilityReasonList: [{ id: "MARGIN", description: "Not marginable in this account" }] }
      : {}),
  };
}

/** What stoqey makes of {@link aaplDetails}: its field names (primaryExch) and numbers (multiplier, Decimals). */
function stoqeyAaplDetails(d: ContractDetails, sv: number): unknown {
  const c = d.contract;
  return {
    contract: {
      symbol: c.symbol,
      secType: c.secType,
      // stoqey leaves an empty expiry unset (it only assigns what its split finds).
      ...(sv >= ServerVersion.LAST_TRADE_DATE ? { lastTradeDate: c.lastTradeDate } : {}),
      strike: c.strike,
      // stoqey keeps a right only when it is one of its OptionType values; "" becomes undefined.
      right: undefined,
      exchange: c.exchange,
      currency: c.currency,
      localSymbol: c.localSymbol,
      tradingClass: c.tradingClass,
      conId: c.conId,
      // A double in stoqey's model: our unset multiplier "" reads as 0 (the official client keeps the text "").
      multiplier: 0,
      primaryExch: c.primaryExchange,
    },
    marketName: d.marketName,
    minTick: d.minTick,
    orderTypes: d.orderTypes,
    validExchanges: d.validExchanges,
    priceMagnifier: d.priceMagnifier,
    underConId: d.underConId,
    longName: d.longName,
    contractMonth: d.contractMonth,
    industry: d.industry,
    category: d.category,
    subcategory: d.subcategory,
    timeZoneId: d.timeZoneId,
    tradingHours: d.tradingHours,
    liquidHours: d.liquidHours,
    evRule: d.evRule,
    evMultiplier: d.evMultiplier,
    secIdList: d.secIdList,
    aggGroup: d.aggGroup,
    underSymbol: d.underSymbol,
    underSecType: d.underSecType,
    marketRuleIds: d.marketRuleIds,
    realExpirationDate: d.realExpirationDate,
    stockType: d.stockType,
    minSize: num(d.minSize),
    sizeIncrement: num(d.sizeIncrement),
    suggestedSizeIncrement: num(d.suggestedSizeIncrement),
    ...(sv >= ServerVersion.INELIGIBILITY_REASONS ? { ineligibilityReasonList: d.ineligibilityReasonList } : {}),
  };
}

/** An option, a fund (from FUND_DATA_FIELDS, 179) and a non-ASCII long name. */
function otherDetailsCases(sv: number): Case[] {
  const option: ContractDataMessage = {
    reqId: 9002,
    contractDetails: {
      ...aaplDetails(sv),
      contract: {
        symbol: "AAPL",
        secType: "OPT",
        lastTradeDateOrContractMonth: "20251017",
        ...(sv >= ServerVersion.LAST_TRADE_DATE ? { lastTradeDate: "20251017" } : {}),
        strike: 212.5,
        right: "C",
        exchange: "SMART",
        currency: "USD",
        localSymbol: "AAPL  251017C00212500",
        tradingClass: "AAPL",
        conId: 801234567,
        multiplier: "100",
        primaryExchange: "",
      },
      marketName: "AAPL",
      longName: "Soci\\u00e9t\\u00e9 G\\u00e9n\\u00e9rale",
      underConId: 265598,
      contractMonth: "202510",
      underSymbol: "AAPL",
      underSecType: "STK",
      realExpirationDate: "20251017",
      stockType: "",
      minSize: "1",
      sizeIncrement: "1",
      suggestedSizeIncrement: "1",
    },
  };
  const od = option.contractDetails!;
  const cases: Case[] = [
    {
      // The long name goes as TWS escapes it from ENCODE_MSG_ASCII7 (the message keeps it as sent); both clients
      // un-escape it.
      name: "an option with an escaped long name",
      message: "CONTRACT_DATA",
      value: option,
      events: [
        [
          "contractDetails",
          9002,
          {
            ...(stoqeyAaplDetails(od, sv) as object),
            contract: {
              symbol: "AAPL",
              secType: "OPT",
              lastTradeDateOrContractMonth: "20251017",
              ...(sv >= ServerVersion.LAST_TRADE_DATE ? { lastTradeDate: "20251017" } : {}),
              strike: 212.5,
              right: "C",
              exchange: "SMART",
              currency: "USD",
              localSymbol: "AAPL  251017C00212500",
              tradingClass: "AAPL",
              conId: 801234567,
              multiplier: 100,
              primaryExch: "",
            },
            longName: "Société Générale",
          },
        ],
      ],
    },
  ];
  if (sv >= ServerVersion.FUND_DATA_FIELDS) {
    const fund: ContractDataMessage = {
      reqId: 9003,
      contractDetails: {
        ...aaplDetails(sv),
        contract: {
          symbol: "VFIAX",
          secType: "FUND",
          lastTradeDateOrContractMonth: "",
          ...(sv >= ServerVersion.LAST_TRADE_DATE ? { lastTradeDate: "" } : {}),
          strike: 0,
          right: "",
          exchange: "FUNDSERV",
          currency: "USD",
          localSymbol: "VFIAX",
          tradingClass: "VFIAX",
          conId: 12345678,
          multiplier: "",
          primaryExchange: "FUNDSERV",
        },
        fundName: "Vanguard 500 Index Admiral",
        fundFamily: "Vanguard",
        fundType: "Open-End",
        fundFrontLoad: "0",
        fundBackLoad: "0",
        fundBackLoadTimeInterval: "",
        fundManagementFee: "0.04",
        fundClosed: false,
        fundClosedForNewInvestors: true,
        fundClosedForNewMoney: false,
        fundNotifyAmount: "1000",
        fundMinimumInitialPurchase: "3000",
        fundSubsequentMinimumPurchase: "1",
        fundBlueSkyStates: "CA,NY",
        fundBlueSkyTerritories: "PR",
        fundDistributionPolicyIndicator: "Y",
        fundAssetType: "004",
      },
    };
    const fd = fund.contractDetails!;
    cases.push({
      name: "a fund with its fund fields",
      message: "CONTRACT_DATA",
      value: fund,
      events: [
        [
          "contractDetails",
          9003,
          {
            ...(stoqeyAaplDetails(fd, sv) as object),
            contract: {
              ...((stoqeyAaplDetails(fd, sv) as { contract: object }).contract as object),
              symbol: "VFIAX",
              secType: "FUND",
              exchange: "FUNDSERV",
              localSymbol: "VFIAX",
              tradingClass: "VFIAX",
              conId: 12345678,
              primaryExch: "FUNDSERV",
            },
            fundName: fd.fundName,
            fundFamily: fd.fundFamily,
            fundType: fd.fundType,
            fundFrontLoad: fd.fundFrontLoad,
            fundBackLoad: fd.fundBackLoad,
            fundBackLoadTimeInterval: fd.fundBackLoadTimeInterval,
            fundManagementFee: fd.fundManagementFee,
            fundClosed: false,
            fundClosedForNewInvestors: true,
            fundClosedForNewMoney: false,
            fundNotifyAmount: fd.fundNotifyAmount,
            fundMinimumInitialPurchase: fd.fundMinimumInitialPurchase,
            fundSubsequentMinimumPurchase: fd.fundSubsequentMinimumPurchase,
            fundBlueSkyStates: fd.fundBlueSkyStates,
            fundBlueSkyTerritories: fd.fundBlueSkyTerritories,
            // Both stoqey and the message keep the codes; the official client maps them to enum names.
            fundDistributionPolicyIndicator: "Y",
            fundAssetType: "004",
          },
        ],
      ],
    });
  }
  return cases;
}

function contractCases(sv: number): Case[] {
  const aapl: ContractDataMessage = { reqId: 9001, contractDetails: aaplDetails(sv) };
  const bondDetails: ContractDetails = {
    contract: {
      symbol: "IBM",
      secType: "BOND",
      exchange: "SMART",
      currency: "USD",
      tradingClass: "",
      conId: 230949810,
    },
    cusip: "459200HU8",
    coupon: 3.45,
    maturity: "20260219",
    issueDate: "20160219",
    ratings: "A3/A-",
    bondType: "CORP",
    couponType: "FIXED",
    convertible: false,
    callable: true,
    putable: false,
    descAppend: "IBM 3.45 02/19/26",
    marketName: "CORP",
    minTick: 0.001,
    orderTypes: "DAY,GTC,LMT,MKT,WHATIF",
    validExchanges: "SMART,IBCORP",
    nextOptionDate: "20251119",
    nextOptionType: "Call",
    nextOptionPartial: false,
    notes: "Make whole call",
    longName: "INTL BUSINESS MACHINES CORP",
    ...(sv >= ServerVersion.BOND_TRADING_HOURS
      ? {
          timeZoneId: "US/Eastern",
          tradingHours: "20251015:0800-20251015:1700;20251018:CLOSED",
          liquidHours: "20251015:0930-20251015:1600;20251018:CLOSED",
        }
      : {}),
    evRule: "",
    evMultiplier: 0,
    secIdList: [
      { tag: "CUSIP", value: "459200HU8" },
      { tag: "ISIN", value: "US459200HU86" },
    ],
    aggGroup: 8,
    marketRuleIds: "1035,1035",
    minSize: "1000",
    sizeIncrement: "1000",
    suggestedSizeIncrement: "1000",
  };
  const bond: ContractDataMessage = { reqId: 9005, contractDetails: bondDetails };
  const stoqeyBond = (d: ContractDetails, maturity: Record<string, string>) => ({
    contract: {
      symbol: d.contract.symbol,
      secType: d.contract.secType,
      exchange: d.contract.exchange,
      currency: d.contract.currency,
      tradingClass: d.contract.tradingClass,
      conId: d.contract.conId,
    },
    cusip: d.cusip,
    coupon: d.coupon,
    ...maturity,
    issueDate: d.issueDate,
    ratings: d.ratings,
    bondType: d.bondType,
    couponType: d.couponType,
    convertible: d.convertible,
    callable: d.callable,
    putable: d.putable,
    descAppend: d.descAppend,
    marketName: d.marketName,
    minTick: d.minTick,
    orderTypes: d.orderTypes,
    validExchanges: d.validExchanges,
    nextOptionDate: d.nextOptionDate,
    nextOptionType: d.nextOptionType,
    nextOptionPartial: d.nextOptionPartial,
    notes: d.notes,
    longName: d.longName,
    ...(sv >= ServerVersion.BOND_TRADING_HOURS
      ? { timeZoneId: d.timeZoneId, tradingHours: d.tradingHours, liquidHours: d.liquidHours }
      : {}),
    evRule: d.evRule,
    evMultiplier: d.evMultiplier,
    secIdList: d.secIdList,
    aggGroup: d.aggGroup,
    marketRuleIds: d.marketRuleIds,
    minSize: num(d.minSize),
    sizeIncrement: num(d.sizeIncrement),
    suggestedSizeIncrement: num(d.suggestedSizeIncrement),
  });
  const bondWithTime: ContractDataMessage = {
    reqId: 9006,
    contractDetails: { ...bondDetails, maturity: "20260219 16:00:00 America/New_York" },
  };
  const samples: SymbolSamplesMessage = {
    reqId: 9101,
    contractDescriptions: [
      {
        contract: {
          conId: 265598,
          symbol: "AAPL",
          secType: "STK",
          primaryExchange: "NASDAQ",
          currency: "USD",
          description: "APPLE INC",
          issuerId: "",
        },
        derivativeSecTypes: ["CFD", "OPT", "IOPT", "WAR", "BAG"],
      },
      {
        contract: {
          conId: 493546048,
          symbol: "AAPL",
          secType: "BOND",
          primaryExchange: "",
          currency: "USD",
          description: "Apple Inc",
          issuerId: "e1359061",
        },
        derivativeSecTypes: [],
      },
    ],
  };
  const chain: SecurityDefinitionOptionParameterMessage = {
    reqId: 9201,
    exchange: "SMART",
    underlyingConId: 265598,
    tradingClass: "AAPL",
    multiplier: "100",
    expirations: ["20251017", "20251024", "20251121"],
    strikes: [200, 205, 210, 212.5, 215],
  };
  const families: FamilyCodesMessage = {
    familyCodes: [
      { accountID: "U1234567", familyCodeStr: "F7654321" },
      { accountID: "U2345678", familyCodeStr: "" },
    ],
  };
  const tiers: SoftDollarTiersMessage = {
    reqId: 9301,
    tiers: [
      { name: "COMMDOLLARS", value: "0.5", displayName: "Commission Dollars 0.5" },
      { name: "RESEARCH", value: "1", displayName: "Research 1 cent" },
    ],
  };
  const dnv: DeltaNeutralValidationMessage = {
    reqId: 9401,
    deltaNeutralContract: { conId: 265598, delta: 0.5, price: 252.75 },
  };
  return [
    {
      name: "a full AAPL stock",
      message: "CONTRACT_DATA",
      value: aapl,
      events: [["contractDetails", 9001, stoqeyAaplDetails(aapl.contractDetails!, sv)]],
    },
    ...otherDetailsCases(sv),
    {
      name: "an IBM bond",
      message: "BOND_CONTRACT_DATA",
      value: bond,
      events: [["bondContractDetails", 9005, stoqeyBond(bondDetails, { maturity: "20260219" })]],
    },
    {
      // STOQEY: its readLastTradeDate splits on the literal text `\s+` (`String.split("\\s+")` is no regex in
      // JavaScript), so the whole field lands in maturity; the official decoder splits on whitespace: maturity
      // "20260219", lastTradeTime "16:00:00", timeZoneId "America/New_York" (at 193 then replaced by the
      // timeZoneId field of BOND_TRADING_HOURS).
      name: "a bond whose maturity carries a time and zone",
      message: "BOND_CONTRACT_DATA",
      value: bondWithTime,
      events: [
        [
          "bondContractDetails",
          9006,
          stoqeyBond(bondWithTime.contractDetails!, { maturity: "20260219 16:00:00 America/New_York" }),
        ],
      ],
    },
    { name: "", message: "CONTRACT_DATA_END", value: { reqId: 9001 }, events: [["contractDetailsEnd", 9001]] },
    {
      name: "",
      message: "DELTA_NEUTRAL_VALIDATION",
      value: dnv,
      events: [["deltaNeutralValidation", 9401, { conId: 265598, delta: 0.5, price: 252.75 }]],
    },
    {
      name: "",
      message: "SYMBOL_SAMPLES",
      value: samples,
      events: [
        [
          "symbolSamples",
          9101,
          samples.contractDescriptions.map(({ contract: { primaryExchange, ...c }, derivativeSecTypes }) => ({
            contract: { ...c, primaryExch: primaryExchange },
            derivativeSecTypes,
          })),
        ],
      ],
    },
    {
      name: "",
      message: "SECURITY_DEFINITION_OPTION_PARAMETER",
      value: chain,
      // stoqey reads the multiplier as a double (the official client: the text "100").
      events: [
        ["securityDefinitionOptionParameter", 9201, "SMART", 265598, "AAPL", 100, chain.expirations, chain.strikes],
      ],
    },
    {
      name: "",
      message: "SECURITY_DEFINITION_OPTION_PARAMETER_END",
      value: { reqId: 9201 },
      events: [["securityDefinitionOptionParameterEnd", 9201]],
    },
    {
      name: "",
      message: "FAMILY_CODES",
      value: families,
      events: [
        ["familyCodes", families.familyCodes.map((f) => ({ accountID: f.accountID, familyCode: f.familyCodeStr }))],
      ],
    },
    { name: "", message: "SOFT_DOLLAR_TIERS", value: tiers, events: [["softDollarTiers", 9301, tiers.tiers]] },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// History

function historicalCases(): Case[] {
  const bars: HistoricalDataMessage = {
    reqId: 9540,
    startDateStr: "20240102 09:30:00 US/Eastern",
    endDateStr: "20240102 16:00:00 US/Eastern",
    bars: [
      {
        date: "20240102 09:30:00 US/Eastern",
        open: 187.15,
        high: 188.44,
        low: 186.81,
        close: 187.72,
        volume: "4162000",
        wap: "187.6125",
        barCount: 21000,
      },
      {
        date: "20240102 10:30:00 US/Eastern",
        open: 187.72,
        high: 188,
        low: 185.5,
        close: 185.64,
        volume: "0.5",
        wap: "186.1",
        barCount: 3,
      },
    ],
  };
  const update: HistoricalDataUpdateMessage = {
    reqId: 9541,
    bar: {
      date: "1704229140",
      open: 187.1,
      high: 187.45,
      low: 186.9,
      close: 187.3,
      volume: "1200",
      wap: "187.2",
      barCount: 8,
    },
  };
  const histogram: HistogramDataMessage = {
    reqId: 9600,
    histogram: [
      { price: 187.5, size: "1200" },
      { price: 187.55, size: "300" },
      { price: 188, size: "0.5" },
    ],
  };
  const midpoints: HistoricalTicksMessage = {
    reqId: 9700,
    ticks: [
      { time: 1704205800, price: 187.5, size: "0" },
      { time: 1704205801, price: 187.505, size: "0" },
    ],
    done: false,
  };
  const bidAsks: HistoricalTicksBidAskMessage = {
    reqId: 9701,
    ticks: [
      {
        time: 1704205800,
        tickAttribBidAsk: { bidPastLow: false, askPastHigh: false },
        priceBid: 187.49,
        priceAsk: 187.51,
        sizeBid: "300",
        sizeAsk: "200",
      },
      {
        time: 1704205801,
        tickAttribBidAsk: { bidPastLow: false, askPastHigh: true },
        priceBid: 187.5,
        priceAsk: 187.52,
        sizeBid: "100",
        sizeAsk: "400",
      },
      {
        time: 1704205802,
        tickAttribBidAsk: { bidPastLow: true, askPastHigh: false },
        priceBid: 187.48,
        priceAsk: 187.5,
        sizeBid: "100",
        sizeAsk: "0",
      },
    ],
    done: true,
  };
  const trades: HistoricalTicksLastMessage = {
    reqId: 9702,
    ticks: [
      {
        time: 1704205800,
        tickAttribLast: { pastLimit: false, unreported: false },
        price: 187.5,
        size: "100",
        exchange: "NASDAQ",
        specialConditions: "",
      },
      {
        time: 1704205800,
        tickAttribLast: { pastLimit: true, unreported: false },
        price: 187.51,
        size: "5",
        exchange: "ARCA",
        specialConditions: "  I",
      },
      {
        time: 1704205801,
        tickAttribLast: { pastLimit: false, unreported: true },
        price: 187.52,
        size: "0.5",
        exchange: "FINRA",
        specialConditions: "4 I",
      },
    ],
    done: true,
  };
  const schedule: HistoricalScheduleMessage = {
    reqId: 9542,
    startDateTime: "20240102-09:30:00",
    endDateTime: "20240103-16:00:00",
    timeZone: "US/Eastern",
    sessions: [
      { startDateTime: "20240102-09:30:00", endDateTime: "20240102-16:00:00", refDate: "20240102" },
      { startDateTime: "20240103-09:30:00", endDateTime: "20240103-16:00:00", refDate: "20240103" },
    ],
  };
  const ub = update.bar!;
  return [
    {
      // stoqey reports the period as a last historicalData event with "finished-<start>-<end>" and -1 prices (the
      // official client: historicalDataEnd(reqId, start, end)); no hasGaps from SYNT_REALTIME_BARS (124) on.
      name: "two bars and the period",
      message: "HISTORICAL_DATA",
      value: bars,
      events: [
        ...bars.bars.map((b) => [
          "historicalData",
          9540,
          b.date,
          b.open,
          b.high,
          b.low,
          b.close,
          num(b.volume),
          b.barCount,
          num(b.wap),
          undefined,
        ]),
        ["historicalData", 9540, `finished-${bars.startDateStr}-${bars.endDateStr}`, -1, -1, -1, -1, -1, -1, -1, false],
      ],
    },
    {
      name: "",
      message: "HISTORICAL_DATA_UPDATE",
      value: update,
      events: [
        ["historicalDataUpdate", 9541, ub.date, ub.open, ub.high, ub.low, ub.close, num(ub.volume), 8, num(ub.wap)],
      ],
    },
    {
      name: "",
      message: "HEAD_TIMESTAMP",
      value: { reqId: 9544, headTimestamp: "19801212-14:30:00" },
      events: [["headTimestamp", 9544, "19801212-14:30:00"]],
    },
    {
      name: "",
      message: "HISTOGRAM_DATA",
      value: histogram,
      events: [["histogramData", 9600, histogram.histogram.map((h) => ({ price: h.price, size: num(h.size) }))]],
    },
    {
      name: "",
      message: "HISTORICAL_TICKS",
      value: midpoints,
      events: [["historicalTicks", 9700, midpoints.ticks.map((t) => ({ ...t, size: num(t.size) })), false]],
    },
    {
      // STOQEY: it unpacks the historical mask like tick-by-tick's (bit 0 bidPastLow, bit 1 askPastHigh); the
      // historical one is the other way round (official decoder: askPastHigh = mask & 1, bidPastLow = mask & 2),
      // so stoqey swaps the two flags. Our frame carries them as the official client reads them.
      name: "",
      message: "HISTORICAL_TICKS_BID_ASK",
      value: bidAsks,
      events: [
        [
          "historicalTicksBidAsk",
          9701,
          bidAsks.ticks.map((t) => ({
            ...t,
            tickAttribBidAsk: {
              bidPastLow: t.tickAttribBidAsk.askPastHigh,
              askPastHigh: t.tickAttribBidAsk.bidPastLow,
            },
            sizeBid: num(t.sizeBid),
            sizeAsk: num(t.sizeAsk),
          })),
          true,
        ],
      ],
    },
    {
      name: "",
      message: "HISTORICAL_TICKS_LAST",
      value: trades,
      events: [["historicalTicksLast", 9702, trades.ticks.map((t) => ({ ...t, size: num(t.size) })), true]],
    },
    {
      name: "",
      message: "HISTORICAL_SCHEDULE",
      value: schedule,
      events: [
        ["historicalSchedule", 9542, schedule.startDateTime, schedule.endDateTime, "US/Eastern", schedule.sessions],
      ],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// News and scanners

function newsAndScannerCases(): Case[] {
  const providers: NewsProvidersMessage = {
    newsProviders: [
      { code: "BRFG", name: "Briefing.com General Market Columns" },
      { code: "BRFUPDN", name: "Briefing.com Analyst Actions" },
      { code: "DJNL", name: "Dow Jones Newsletters" },
    ],
  };
  const scan: ScannerDataMessage = {
    reqId: 9007,
    elements: [
      {
        rank: 0,
        contract: {
          conId: 714365297,
          symbol: "AAPL",
          secType: "OPT",
          lastTradeDateOrContractMonth: "20261016",
          strike: 255,
          right: "C",
          exchange: "SMART",
          currency: "USD",
          localSymbol: "AAPL  261016C00255000",
          tradingClass: "AAPL",
        },
        marketName: "AAPL",
        distance: "",
        benchmark: "",
        projection: "",
        legsStr: "",
      },
      {
        rank: 1,
        contract: {
          conId: 265598,
          symbol: "AAPL",
          secType: "STK",
          lastTradeDateOrContractMonth: "",
          strike: 0,
          right: "",
          exchange: "SMART",
          currency: "USD",
          localSymbol: "AAPL",
          tradingClass: "NMS",
        },
        marketName: "NMS",
        distance: "0.5",
        benchmark: "bench",
        projection: "proj",
        legsStr: "legs",
      },
    ],
  };
  const stoqeyRow = (row: ScannerDataMessage["elements"][number]) => {
    const c = row.contract!;
    return [
      "scannerData",
      9007,
      row.rank,
      {
        contract: {
          conId: c.conId,
          symbol: c.symbol,
          secType: c.secType,
          // stoqey leaves an empty expiry and a right that is not C/P unset.
          ...(c.lastTradeDateOrContractMonth ? { lastTradeDateOrContractMonth: c.lastTradeDateOrContractMonth } : {}),
          strike: c.strike,
          right: c.right || undefined,
          exchange: c.exchange,
          currency: c.currency,
          localSymbol: c.localSymbol,
          tradingClass: c.tradingClass,
        },
        marketName: row.marketName,
      },
      row.distance,
      row.benchmark,
      row.projection,
      row.legsStr,
    ];
  };
  const xml =
    '<?xml version="1.0" encoding="UTF-8"?><ScanParameterResponse><InstrumentList varName="instrumentList"/></ScanParameterResponse>';
  return [
    {
      name: "",
      message: "NEWS_PROVIDERS",
      value: providers,
      events: [["newsProviders", providers.newsProviders.map((p) => ({ providerCode: p.code, providerName: p.name }))]],
    },
    {
      name: "",
      message: "NEWS_ARTICLE",
      value: { reqId: 7, articleType: 0, articleText: "<p>Shares of XYZ rose 5% after earnings.</p>" },
      events: [["newsArticle", 7, 0, "<p>Shares of XYZ rose 5% after earnings.</p>"]],
    },
    {
      name: "",
      message: "HISTORICAL_NEWS",
      value: {
        requestId: 12,
        time: "2026-09-25 21:13:00.0",
        providerCode: "BRFG",
        articleId: "BRFG$1a2b3c4d",
        headline: "Stocks close higher as chips rally",
      },
      events: [
        ["historicalNews", 12, "2026-09-25 21:13:00.0", "BRFG", "BRFG$1a2b3c4d", "Stocks close higher as chips rally"],
      ],
    },
    {
      name: "",
      message: "HISTORICAL_NEWS_END",
      value: { reqId: 12, hasMore: true },
      events: [["historicalNewsEnd", 12, true]],
    },
    {
      name: "",
      message: "NEWS_BULLETINS",
      value: { msgId: 1001, msgType: 1, newsMessage: "Trading in XYZ is halted.", originExch: "NYSE" },
      events: [["updateNewsBulletin", 1001, 1, "Trading in XYZ is halted.", "NYSE"]],
    },
    { name: "", message: "SCANNER_PARAMETERS", value: { xml }, events: [["scannerParameters", xml]] },
    {
      name: "two rows",
      message: "SCANNER_DATA",
      value: scan,
      events: [...scan.elements.map(stoqeyRow), ["scannerDataEnd", 9007]],
    },
    {
      name: "no rows",
      message: "SCANNER_DATA",
      value: { reqId: 9008, elements: [] } satisfies ScannerDataMessage,
      events: [["scannerDataEnd", 9008]],
    },
  ];
}

function allCases(sv: number): Case[] {
  return [
    ...sessionCases(),
    ...marketDataCases(),
    ...depthAndBarsCases(),
    ...contractCases(sv),
    ...historicalCases(),
    ...newsAndScannerCases(),
  ];
}

describe.each(VERSIONS)("our text replies at server version %i, read by @stoqey/ib 1.6.10", (sv) => {
  it.each(allCases(sv).map((c) => [`${c.message}${c.name ? `: ${c.name}` : ""}`, c] as const))("%s", async (_, c) => {
    peer = await connectStoqey(sv);
    expect(peer.api.serverVersion).toBe(sv);
    const events = await deliver(peer, [frameOf(c.message, c.value, sv)], sv);
    expect(events).toEqual(c.events);
  });

  it("every reply of the session back to back, on one connection", async () => {
    // The same frames in one stream: stoqey keeps frame boundaries and its state between messages.
    const cases = allCases(sv);
    peer = await connectStoqey(sv);
    const events = await deliver(
      peer,
      cases.map((c) => frameOf(c.message, c.value, sv)),
      sv,
    );
    expect(events).toEqual(cases.flatMap((c) => c.events));
  });
});
