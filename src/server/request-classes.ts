import type { OutgoingMessageName } from "../protocol/message-ids.js";

/**
 * What each request is, for the host's rules: the feature it belongs to (named in the error a client gets while
 * the host does not serve that feature yet), its kind (read-only mode refuses `order` and `config` requests, as
 * TWS refuses placing, modifying, cancelling and binding orders and configuration updates), and where its request
 * id sits, so an error can carry the id the client is waiting on even when the request cannot be decoded.
 */
export type RequestKind = "session" | "data" | "order" | "config";

export interface RequestClass {
  readonly feature: string;
  readonly kind: RequestKind;
  /** Index of the request (or order) id among the text fields after the message id, when it has one. */
  readonly textId?: 0 | 1;
  /** Whether protobuf field 1 is the request (or order) id. */
  readonly protobufId: boolean;
}

type Row = readonly [feature: string, kind: RequestKind, textId: 0 | 1 | undefined, protobufId?: boolean];

const SESSION = "the session";
const MARKET_DATA = "market data";
const OPTION_CALC = "option calculations";
const ORDERS = "orders";
const EXECUTIONS = "orders and executions";
const ACCOUNT = "accounts and positions";
const CONTRACTS = "contract details";
const HISTORICAL = "historical data";
const NEWS = "news";
const SCANNER = "market scanners";
const FA = "financial advisor configuration";
const DISPLAY_GROUPS = "display groups";
const VERIFY = "API verification";
const WSH = "Wall Street Horizon events";
const CONFIG = "API configuration";

const ROWS: Record<OutgoingMessageName, Row> = {
  START_API: [SESSION, "session", undefined],
  REQ_CURRENT_TIME: [SESSION, "session", undefined],
  REQ_CURRENT_TIME_IN_MILLIS: [SESSION, "session", undefined],
  REQ_IDS: [SESSION, "session", undefined],
  REQ_MANAGED_ACCTS: [SESSION, "session", undefined],
  SET_SERVER_LOGLEVEL: [SESSION, "session", undefined],
  REQ_USER_INFO: [SESSION, "session", 0],
  REQ_MKT_DATA: [MARKET_DATA, "data", 1],
  CANCEL_MKT_DATA: [MARKET_DATA, "data", 1],
  REQ_MARKET_DATA_TYPE: [MARKET_DATA, "data", undefined],
  REQ_SMART_COMPONENTS: [MARKET_DATA, "data", 0],
  REQ_MARKET_RULE: [MARKET_DATA, "data", undefined],
  REQ_TICK_BY_TICK_DATA: [MARKET_DATA, "data", 0],
  CANCEL_TICK_BY_TICK_DATA: [MARKET_DATA, "data", 0],
  REQ_MKT_DEPTH: [MARKET_DATA, "data", 1],
  CANCEL_MKT_DEPTH: [MARKET_DATA, "data", 1],
  REQ_MKT_DEPTH_EXCHANGES: [MARKET_DATA, "data", undefined],
  REQ_REAL_TIME_BARS: [MARKET_DATA, "data", 1],
  CANCEL_REAL_TIME_BARS: [MARKET_DATA, "data", 1],
  REQ_CALC_IMPLIED_VOLAT: [OPTION_CALC, "data", 1],
  CANCEL_CALC_IMPLIED_VOLAT: [OPTION_CALC, "data", 1],
  REQ_CALC_OPTION_PRICE: [OPTION_CALC, "data", 1],
  CANCEL_CALC_OPTION_PRICE: [OPTION_CALC, "data", 1],
  PLACE_ORDER: [ORDERS, "order", 1],
  CANCEL_ORDER: [ORDERS, "order", 1],
  REQ_GLOBAL_CANCEL: [ORDERS, "order", undefined],
  EXERCISE_OPTIONS: [ORDERS, "order", 1],
  // reqAutoOpenOrders(true) binds orders entered in TWS to client 0: TWS refuses binding in read-only mode.
  REQ_AUTO_OPEN_ORDERS: [ORDERS, "order", undefined],
  REQ_OPEN_ORDERS: [ORDERS, "data", undefined],
  REQ_ALL_OPEN_ORDERS: [ORDERS, "data", undefined],
  REQ_COMPLETED_ORDERS: [ORDERS, "data", undefined],
  REQ_EXECUTIONS: [EXECUTIONS, "data", 1],
  REQ_ACCT_DATA: [ACCOUNT, "data", undefined],
  REQ_ACCOUNT_SUMMARY: [ACCOUNT, "data", 1],
  CANCEL_ACCOUNT_SUMMARY: [ACCOUNT, "data", 1],
  REQ_POSITIONS: [ACCOUNT, "data", undefined],
  CANCEL_POSITIONS: [ACCOUNT, "data", undefined],
  REQ_POSITIONS_MULTI: [ACCOUNT, "data", 1],
  CANCEL_POSITIONS_MULTI: [ACCOUNT, "data", 1],
  REQ_ACCOUNT_UPDATES_MULTI: [ACCOUNT, "data", 1],
  CANCEL_ACCOUNT_UPDATES_MULTI: [ACCOUNT, "data", 1],
  REQ_PNL: [ACCOUNT, "data", 0],
  CANCEL_PNL: [ACCOUNT, "data", 0],
  REQ_PNL_SINGLE: [ACCOUNT, "data", 0],
  CANCEL_PNL_SINGLE: [ACCOUNT, "data", 0],
  REQ_FAMILY_CODES: [ACCOUNT, "data", undefined],
  REQ_SOFT_DOLLAR_TIERS: [ACCOUNT, "data", 0],
  REQ_CONTRACT_DATA: [CONTRACTS, "data", 1],
  CANCEL_CONTRACT_DATA: [CONTRACTS, "data", undefined, true],
  REQ_SEC_DEF_OPT_PARAMS: [CONTRACTS, "data", 0],
  REQ_MATCHING_SYMBOLS: [CONTRACTS, "data", 0],
  REQ_HISTORICAL_DATA: [HISTORICAL, "data", 1],
  CANCEL_HISTORICAL_DATA: [HISTORICAL, "data", 1],
  REQ_HEAD_TIMESTAMP: [HISTORICAL, "data", 0],
  CANCEL_HEAD_TIMESTAMP: [HISTORICAL, "data", 0],
  REQ_HISTOGRAM_DATA: [HISTORICAL, "data", 0],
  CANCEL_HISTOGRAM_DATA: [HISTORICAL, "data", 0],
  REQ_HISTORICAL_TICKS: [HISTORICAL, "data", 0],
  CANCEL_HISTORICAL_TICKS: [HISTORICAL, "data", undefined, true],
  REQ_NEWS_BULLETINS: [NEWS, "data", undefined],
  CANCEL_NEWS_BULLETINS: [NEWS, "data", undefined],
  REQ_NEWS_PROVIDERS: [NEWS, "data", undefined],
  REQ_NEWS_ARTICLE: [NEWS, "data", 0],
  REQ_HISTORICAL_NEWS: [NEWS, "data", 0],
  REQ_SCANNER_PARAMETERS: [SCANNER, "data", undefined],
  REQ_SCANNER_SUBSCRIPTION: [SCANNER, "data", 1],
  CANCEL_SCANNER_SUBSCRIPTION: [SCANNER, "data", 1],
  REQ_FUNDAMENTAL_DATA: ["fundamental data", "data", 1],
  CANCEL_FUNDAMENTAL_DATA: ["fundamental data", "data", 1],
  REQ_FA: [FA, "data", undefined],
  REPLACE_FA: [FA, "data", undefined, true],
  QUERY_DISPLAY_GROUPS: [DISPLAY_GROUPS, "data", 1],
  SUBSCRIBE_TO_GROUP_EVENTS: [DISPLAY_GROUPS, "data", 1],
  UPDATE_DISPLAY_GROUP: [DISPLAY_GROUPS, "data", 1],
  UNSUBSCRIBE_FROM_GROUP_EVENTS: [DISPLAY_GROUPS, "data", 1],
  VERIFY_REQUEST: [VERIFY, "data", undefined],
  VERIFY_MESSAGE: [VERIFY, "data", undefined],
  VERIFY_AND_AUTH_REQUEST: [VERIFY, "data", undefined],
  VERIFY_AND_AUTH_MESSAGE: [VERIFY, "data", undefined],
  REQ_WSH_META_DATA: [WSH, "data", 0],
  CANCEL_WSH_META_DATA: [WSH, "data", 0],
  REQ_WSH_EVENT_DATA: [WSH, "data", 0],
  CANCEL_WSH_EVENT_DATA: [WSH, "data", 0],
  REQ_CONFIG: [CONFIG, "data", undefined, true],
  UPDATE_CONFIG: [CONFIG, "config", undefined, true],
};

const CLASSES = new Map<string, RequestClass>(
  Object.entries(ROWS).map(([name, [feature, kind, textId, pb]]) => [
    name,
    { feature, kind, ...(textId === undefined ? {} : { textId }), protobufId: pb ?? textId !== undefined },
  ]),
);

/** The class of a request by name; unknown names are data requests of an unnamed feature. */
export function requestClass(name: string): RequestClass {
  return CLASSES.get(name) ?? { feature: name, kind: "data", protobufId: false };
}
