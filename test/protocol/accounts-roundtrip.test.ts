import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  accountSummary,
  accountSummaryEnd,
  cancelAccountSummary,
  reqAccountSummary,
} from "../../src/protocol/messages/accounts/account-summary.js";
import {
  accountDownloadEnd,
  accountUpdateTime,
  accountValue,
  portfolioValue,
  reqAccountUpdates,
} from "../../src/protocol/messages/accounts/account-updates.js";
import {
  accountUpdateMulti,
  accountUpdateMultiEnd,
  cancelAccountUpdatesMulti,
  reqAccountUpdatesMulti,
} from "../../src/protocol/messages/accounts/account-updates-multi.js";
import { commissionAndFeesReport } from "../../src/protocol/messages/accounts/commission.js";
import { reqExecutions } from "../../src/protocol/messages/accounts/execution-request.js";
import {
  type ExecutionDataMessage,
  executionData,
  executionDataEnd,
} from "../../src/protocol/messages/accounts/executions.js";
import {
  cancelPnL,
  cancelPnLSingle,
  pnl,
  pnlSingle,
  reqPnL,
  reqPnLSingle,
} from "../../src/protocol/messages/accounts/pnl.js";
import {
  cancelPositions,
  positionData,
  positionEnd,
  reqPositions,
} from "../../src/protocol/messages/accounts/positions.js";
import {
  cancelPositionsMulti,
  positionMulti,
  positionMultiEnd,
  reqPositionsMulti,
} from "../../src/protocol/messages/accounts/positions-multi.js";
import {
  decodeMessage,
  encodeMessage,
  type MessageSpec,
  specRegistry,
  type WireForm,
} from "../../src/protocol/messages/index.js";
import type { Contract } from "../../src/protocol/models/contract.js";
import type { Execution, ExecutionFilter } from "../../src/protocol/models/execution.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { UNSET_INTEGER } from "../../src/protocol/values.js";
import { checkRoundTrip } from "../harness/roundtrip.js";

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** In text replies every field is present; in protobuf any may be absent. */
const field = <T>(arb: fc.Arbitrary<T>, form: WireForm) => (form === "text" ? arb : maybe(arb));
const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
/** Ints an optional protobuf field or a "not unset" text field can carry (UNSET_INTEGER means "not set"). */
const setInt32 = fc.integer({ min: -(2 ** 31), max: UNSET_INTEGER - 1 });
const long = fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n });
/** Finite doubles other than the max double (the unset sentinel) and -0 (text reads it back as 0). */
const double = fc
  .double({ noNaN: true, noDefaultInfinity: true })
  .filter((x) => x !== Number.MAX_VALUE)
  .map((x) => (Object.is(x, -0) ? 0 : x));
/** A reply double read "unset when max": undefined is written as the max-double literal. */
const unsetOr = maybe(double);
/** Decimal quantities as TWS writes them. */
const decimal = fc
  .tuple(fc.integer({ min: -1_000_000, max: 1_000_000 }), maybe(fc.integer({ min: 0, max: 99_999 })))
  .map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`));
/** What a client may put in a request string: printable ASCII. */
const ascii = fc.string({ unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)), maxLength: 12 });
/** Free text as TWS may send it. */
const text = fc.string({ unit: "grapheme", maxLength: 8 }).filter((s) => !s.includes("\0"));
/** A multiplier that survives the protobuf double (`floatMaxString`): an integer's text. */
const multiplier = fc.integer({ min: 1, max: 10_000 }).map(String);

/** A contract as protobuf replies carry it (the fields the shared mapping round-trips). */
const protoContract: fc.Arbitrary<Contract> = fc.record(
  {
    conId: int32,
    symbol: text,
    secType: text,
    lastTradeDateOrContractMonth: text,
    strike: double,
    right: text,
    multiplier,
    exchange: text,
    primaryExchange: text,
    currency: text,
    localSymbol: text,
    tradingClass: text,
    lastTradeDate: text,
  },
  { requiredKeys: [] },
);

/** Round trips `arb` at one server version and form (for layouts below the shared ROUND_TRIP_VERSIONS). */
function roundTripAt<M>(spec: MessageSpec, sv: number, form: WireForm, arb: fc.Arbitrary<M>): void {
  const sender = spec.direction === "out" ? "client" : "host";
  fc.assert(
    fc.property(arb, (value) => {
      const frame = encodeMessage(spec, value, sv, undefined, form);
      expect(decodeMessage(specRegistry, sender, frame.subarray(4), sv).value).toEqual(value);
    }),
    { numRuns: 40 },
  );
}

describe("account requests: property round trips", () => {
  it("REQ_EXECUTIONS", () => {
    checkRoundTrip(reqExecutions, (sv, form) => {
      const days = form === "protobuf" || sv >= ServerVersion.PARAMETRIZED_DAYS_OF_EXECUTIONS;
      const execFilter: fc.Arbitrary<ExecutionFilter> = fc.record({
        clientId: int32,
        acctCode: ascii,
        time: ascii,
        symbol: ascii,
        secType: ascii,
        exchange: ascii,
        side: ascii,
        lastNDays: days ? maybe(setInt32) : fc.constant(undefined),
        specificDates: days ? maybe(fc.array(int32, { minLength: 1, maxLength: 4 })) : fc.constant(undefined),
      });
      return fc.record({ reqId: int32, execFilter });
    });
  });

  it("REQ_ACCT_DATA", () =>
    checkRoundTrip(reqAccountUpdates, () => fc.record({ subscribe: fc.boolean(), acctCode: ascii })));
  it("REQ_ACCOUNT_SUMMARY", () =>
    checkRoundTrip(reqAccountSummary, () => fc.record({ reqId: int32, groupName: ascii, tags: ascii })));
  it("REQ_POSITIONS", () => checkRoundTrip(reqPositions, () => fc.constant({})));
  it("CANCEL_POSITIONS", () => checkRoundTrip(cancelPositions, () => fc.constant({})));
  it("REQ_POSITIONS_MULTI", () =>
    checkRoundTrip(reqPositionsMulti, () => fc.record({ reqId: int32, account: ascii, modelCode: ascii })));
  it("REQ_ACCOUNT_UPDATES_MULTI", () =>
    checkRoundTrip(reqAccountUpdatesMulti, () =>
      fc.record({ reqId: int32, account: ascii, modelCode: ascii, ledgerAndNLV: fc.boolean() }),
    ));
  it("REQ_PNL", () => checkRoundTrip(reqPnL, () => fc.record({ reqId: int32, account: ascii, modelCode: ascii })));
  it("REQ_PNL_SINGLE", () =>
    checkRoundTrip(reqPnLSingle, () => fc.record({ reqId: int32, account: ascii, modelCode: ascii, conid: int32 })));

  it.each([cancelAccountSummary, cancelPositionsMulti, cancelAccountUpdatesMulti, cancelPnL, cancelPnLSingle])(
    "$name",
    (spec) => checkRoundTrip(spec, () => fc.record({ reqId: int32 })),
  );
});

/** The contract and execution of a text EXECUTION_DATA at layout version `v` (server version from 136). */
function textExecution(sv: number, v: number): fc.Arbitrary<ExecutionDataMessage> {
  const contract = fc.record({
    conId: int32,
    symbol: text,
    secType: text,
    lastTradeDateOrContractMonth: text,
    strike: unsetOr,
    right: text,
    ...(v >= 9 ? { multiplier: text } : {}),
    exchange: text,
    currency: text,
    localSymbol: text,
    ...(v >= 10 ? { tradingClass: text } : {}),
  }) as fc.Arbitrary<Contract>;
  const execution = fc.record({
    orderId: int32,
    execId: text,
    time: text,
    acctNumber: text,
    exchange: text,
    side: text,
    shares: maybe(decimal),
    price: unsetOr,
    permId: long,
    clientId: int32,
    liquidation: int32,
    ...(v >= 6 ? { cumQty: maybe(decimal), avgPrice: unsetOr } : {}),
    ...(v >= 8 ? { orderRef: text } : {}),
    ...(v >= 9 ? { evRule: text, evMultiplier: unsetOr } : {}),
    ...(sv >= ServerVersion.MODELS_SUPPORT ? { modelCode: text } : {}),
    ...(sv >= ServerVersion.LAST_LIQUIDITY ? { lastLiquidity: int32 } : {}),
    ...(sv >= ServerVersion.PENDING_PRICE_REVISION ? { pendingPriceRevision: fc.boolean() } : {}),
    ...(sv >= ServerVersion.SUBMITTER ? { submitter: text } : {}),
  }) as fc.Arbitrary<Execution>;
  return fc.record({
    ...(sv < ServerVersion.LAST_LIQUIDITY ? { version: fc.constant(v) } : {}),
    reqId: v >= 7 ? int32 : fc.constant(undefined),
    contract,
    execution,
  }) as fc.Arbitrary<ExecutionDataMessage>;
}

const protoExecution: fc.Arbitrary<Execution> = fc.record(
  {
    orderId: int32,
    execId: text,
    time: text,
    acctNumber: text,
    exchange: text,
    side: text,
    shares: decimal,
    price: double,
    permId: long,
    clientId: int32,
    liquidation: fc.constantFrom(0, 1),
    cumQty: decimal,
    avgPrice: double,
    orderRef: text,
    evRule: text,
    evMultiplier: double,
    modelCode: text,
    lastLiquidity: int32,
    pendingPriceRevision: fc.boolean(),
    submitter: text,
    optExerciseOrLapseType: int32,
  },
  { requiredKeys: [] },
);

describe("execution replies: property round trips", () => {
  it("EXECUTION_DATA (server versions from 136, both forms)", () => {
    checkRoundTrip(executionData, (sv, form) =>
      form === "text"
        ? textExecution(sv, sv)
        : fc.record({ reqId: maybe(int32), contract: maybe(protoContract), execution: maybe(protoExecution) }),
    );
  });

  it("EXECUTION_DATA text below MIN_SERVER_VER_LAST_LIQUIDITY, every message version", () => {
    for (const sv of [100, ServerVersion.MODELS_SUPPORT, ServerVersion.LAST_LIQUIDITY - 1]) {
      for (const v of [1, 5, 6, 7, 8, 9, 10, 11]) roundTripAt(executionData, sv, "text", textExecution(sv, v));
    }
  });

  it("EXECUTION_DATA_END", () =>
    checkRoundTrip(executionDataEnd, (_sv, form) => fc.record({ reqId: field(int32, form) })));

  it("COMMISSION_AND_FEES_REPORT", () => {
    checkRoundTrip(commissionAndFeesReport, (_sv, form) =>
      form === "text"
        ? fc.record({
            execId: text,
            commissionAndFees: unsetOr,
            currency: text,
            realizedPNL: unsetOr,
            yield: unsetOr,
            yieldRedemptionDate: int32,
          })
        : fc.record(
            {
              execId: text,
              commissionAndFees: double,
              currency: text,
              realizedPNL: double,
              yield: double,
              yieldRedemptionDate: fc.integer({ min: -1_000_000_000, max: 99_999_999 }),
            },
            { requiredKeys: [] },
          ),
    );
  });
});

describe("account replies: property round trips", () => {
  it("ACCT_VALUE", () =>
    checkRoundTrip(accountValue, (_sv, form) =>
      fc.record({
        key: field(text, form),
        value: field(text, form),
        currency: field(text, form),
        accountName: field(text, form),
      }),
    ));
  it("ACCT_UPDATE_TIME", () =>
    checkRoundTrip(accountUpdateTime, (_sv, form) => fc.record({ timeStamp: field(text, form) })));
  it("ACCT_DOWNLOAD_END", () =>
    checkRoundTrip(accountDownloadEnd, (_sv, form) => fc.record({ accountName: field(text, form) })));

  it("PORTFOLIO_VALUE (every message version in text)", () => {
    const values = {
      position: maybe(decimal),
      marketPrice: unsetOr,
      marketValue: unsetOr,
      averageCost: unsetOr,
      unrealizedPNL: unsetOr,
      realizedPNL: unsetOr,
    };
    const textMessage = fc.integer({ min: 1, max: 12 }).chain((version) =>
      fc.record({
        version: fc.constant(version),
        contract: fc.record({
          conId: int32,
          symbol: text,
          secType: text,
          lastTradeDateOrContractMonth: text,
          strike: unsetOr,
          right: text,
          ...(version >= 7 ? { multiplier: text, primaryExchange: text } : {}),
          currency: text,
          localSymbol: text,
          ...(version >= 8 ? { tradingClass: text } : {}),
        }) as fc.Arbitrary<Contract>,
        ...values,
        accountName: text,
      }),
    );
    checkRoundTrip(portfolioValue, (_sv, form) =>
      form === "text"
        ? textMessage
        : fc.record({
            contract: maybe(protoContract),
            position: maybe(decimal),
            marketPrice: maybe(double),
            marketValue: maybe(double),
            averageCost: maybe(double),
            unrealizedPNL: maybe(double),
            realizedPNL: maybe(double),
            accountName: maybe(text),
          }),
    );
    // Version 6 at server version 39 ends with primaryExchange.
    roundTripAt(
      portfolioValue,
      ServerVersion.PTA_ORDERS,
      "text",
      fc.record({
        version: fc.constant(6),
        contract: fc.record({
          conId: int32,
          symbol: text,
          secType: text,
          lastTradeDateOrContractMonth: text,
          strike: unsetOr,
          right: text,
          currency: text,
          localSymbol: text,
          primaryExchange: text,
        }),
        ...values,
        accountName: text,
      }),
    );
  });

  it("ACCOUNT_SUMMARY", () =>
    checkRoundTrip(accountSummary, (_sv, form) =>
      fc.record({
        reqId: field(int32, form),
        account: field(text, form),
        tag: field(text, form),
        value: field(text, form),
        currency: field(text, form),
      }),
    ));
  it("ACCOUNT_SUMMARY_END", () =>
    checkRoundTrip(accountSummaryEnd, (_sv, form) => fc.record({ reqId: field(int32, form) })));
});

/** The contract of POSITION_DATA and POSITION_MULTI text replies. */
function positionContract(withTradingClass: boolean): fc.Arbitrary<Contract> {
  return fc.record({
    conId: int32,
    symbol: text,
    secType: text,
    lastTradeDateOrContractMonth: text,
    strike: unsetOr,
    right: text,
    multiplier: text,
    exchange: text,
    currency: text,
    localSymbol: text,
    ...(withTradingClass ? { tradingClass: text } : {}),
  }) as fc.Arbitrary<Contract>;
}

describe("position replies: property round trips", () => {
  it("POSITION_DATA (every message version in text)", () => {
    checkRoundTrip(positionData, (_sv, form) =>
      form === "text"
        ? fc.integer({ min: 1, max: 6 }).chain((version) =>
            fc.record({
              version: fc.constant(version),
              account: text,
              contract: positionContract(version >= 2),
              position: maybe(decimal),
              avgCost: version >= 3 ? unsetOr : fc.constant(undefined),
            }),
          )
        : fc.record({
            account: maybe(text),
            contract: maybe(protoContract),
            position: maybe(decimal),
            avgCost: maybe(double),
          }),
    );
  });

  it("POSITION_END", () => checkRoundTrip(positionEnd, () => fc.constant({})));

  it("POSITION_MULTI", () => {
    checkRoundTrip(positionMulti, (_sv, form) =>
      fc.record({
        reqId: field(int32, form),
        account: field(text, form),
        contract: form === "text" ? positionContract(true) : maybe(protoContract),
        position: maybe(decimal),
        avgCost: form === "text" ? unsetOr : maybe(double),
        modelCode: field(text, form),
      }),
    );
  });

  it("POSITION_MULTI_END", () =>
    checkRoundTrip(positionMultiEnd, (_sv, form) => fc.record({ reqId: field(int32, form) })));

  it("ACCOUNT_UPDATE_MULTI", () =>
    checkRoundTrip(accountUpdateMulti, (_sv, form) =>
      fc.record({
        reqId: field(int32, form),
        account: field(text, form),
        modelCode: field(text, form),
        key: field(text, form),
        value: field(text, form),
        currency: field(text, form),
      }),
    ));

  it("ACCOUNT_UPDATE_MULTI_END", () =>
    checkRoundTrip(accountUpdateMultiEnd, (_sv, form) => fc.record({ reqId: field(int32, form) })));
});

describe("P&L replies: property round trips", () => {
  const later = (sv: number, form: WireForm, d: fc.Arbitrary<number | undefined>) => ({
    unrealizedPnL: form === "protobuf" || sv >= ServerVersion.UNREALIZED_PNL ? d : fc.constant(undefined),
    realizedPnL: form === "protobuf" || sv >= ServerVersion.REALIZED_PNL ? d : fc.constant(undefined),
  });
  const dbl = (form: WireForm) => (form === "text" ? unsetOr : maybe(double));

  it("PNL", () => {
    const arb = (sv: number, form: WireForm) =>
      fc.record({ reqId: field(int32, form), dailyPnL: dbl(form), ...later(sv, form, dbl(form)) });
    checkRoundTrip(pnl, arb);
    for (const sv of [ServerVersion.PNL, ServerVersion.UNREALIZED_PNL, ServerVersion.REALIZED_PNL]) {
      roundTripAt(pnl, sv, "text", arb(sv, "text"));
    }
  });

  it("PNL_SINGLE", () => {
    const arb = (sv: number, form: WireForm) =>
      fc.record({
        reqId: field(int32, form),
        pos: maybe(decimal),
        dailyPnL: dbl(form),
        ...later(sv, form, dbl(form)),
        value: dbl(form),
      });
    checkRoundTrip(pnlSingle, arb);
    for (const sv of [ServerVersion.PNL, ServerVersion.UNREALIZED_PNL, ServerVersion.REALIZED_PNL]) {
      roundTripAt(pnlSingle, sv, "text", arb(sv, "text"));
    }
  });
});
