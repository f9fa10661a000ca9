import { ServerVersionError } from "../../errors.js";
import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import type { ComboLeg, Contract, DeltaNeutralContract, TagValue } from "../../models/contract.js";
import type {
  ComboLeg as ComboLegProto,
  Contract as ContractProto,
  DeltaNeutralContract as DeltaNeutralProto,
} from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { UNSET_DOUBLE, UNSET_INTEGER } from "../../values.js";

/**
 * Contract fields shared by many messages: the text sequences the official client writes, and the mappings to
 * and from the protobuf `Contract`.
 */

/** Refuses a contract field the negotiated version cannot carry (the official client's error 503). */
export function requireVersion(sv: number, min: number, present: boolean, feature: string): void {
  if (present && sv < min) throw new ServerVersionError(min, sv, feature);
}

/**
 * The 11 fields after conId in market-data style requests: symbol, secType, lastTradeDateOrContractMonth,
 * strike (empty when unset), right, multiplier, exchange, primaryExchange, currency, localSymbol, then
 * tradingClass (MIN_SERVER_VER_TRADING_CLASS).
 */
export function writeContractBody(w: FieldWriter, c: Contract, sv: number): void {
  w.string(c.symbol)
    .string(c.secType)
    .string(c.lastTradeDateOrContractMonth)
    .doubleMax(c.strike)
    .string(c.right)
    .string(c.multiplier)
    .string(c.exchange)
    .string(c.primaryExchange)
    .string(c.currency)
    .string(c.localSymbol);
  if (sv >= ServerVersion.TRADING_CLASS) w.string(c.tradingClass);
}

/** Reads what {@link writeContractBody} writes into `c`. */
export function readContractBody(r: FieldReader, c: Contract, sv: number): Contract {
  c.symbol = r.readString();
  c.secType = r.readString();
  c.lastTradeDateOrContractMonth = r.readString();
  c.strike = r.readDoubleMax();
  c.right = r.readString();
  c.multiplier = r.readString();
  c.exchange = r.readString();
  c.primaryExchange = r.readString();
  c.currency = r.readString();
  c.localSymbol = r.readString();
  if (sv >= ServerVersion.TRADING_CLASS) c.tradingClass = r.readString();
  return c;
}

/** Combo legs of a BAG in data requests: count, then conId, ratio, action, exchange per leg. */
export function writeDataComboLegs(w: FieldWriter, c: Contract): void {
  const legs = c.comboLegs ?? [];
  w.int(legs.length);
  for (const leg of legs)
    w.int(leg.conId ?? 0)
      .int(leg.ratio ?? 0)
      .string(leg.action)
      .string(leg.exchange);
}

/** Reads what {@link writeDataComboLegs} writes. */
export function readDataComboLegs(r: FieldReader): ComboLeg[] {
  const n = r.readInt();
  const legs: ComboLeg[] = [];
  for (let i = 0; i < n; i++) {
    legs.push({ conId: r.readInt(), ratio: r.readInt(), action: r.readString(), exchange: r.readString() });
  }
  return legs;
}

/** A TagValue list as one text field (`tag=value;` per pair), as the official client writes option lists. */
export function tagValueText(list: readonly TagValue[] | undefined): string {
  return (list ?? []).map((t) => `${t.tag}=${t.value};`).join("");
}

/** Parses a `tag=value;` text field. */
export function parseTagValueText(text: string): TagValue[] {
  if (!text) return [];
  return text
    .split(";")
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf("=");
      return eq < 0 ? { tag: pair, value: "" } : { tag: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
}

/**
 * A TagValue list as a protobuf map, keys sorted: the official protobuf runtime writes map entries in key order,
 * so sorting here gives its bytes. (JavaScript enumerates integer-like keys first whatever the insertion order,
 * so a tag such as "3" among names would still come out in a different place: TWS option tags are names.)
 */
export function tagValueMap(list: readonly TagValue[] | undefined): { [key: string]: string } | undefined {
  if (!list || list.length === 0) return undefined;
  const map: { [key: string]: string } = {};
  for (const t of [...list].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))) map[t.tag] = t.value;
  return map;
}

/** A protobuf map as a TagValue list. */
export function tagValueList(map: { [key: string]: string } | undefined): TagValue[] {
  return map ? Object.entries(map).map(([tag, value]) => ({ tag, value })) : [];
}

const set = (s: string | undefined) => (s ? s : undefined);
const validInt = (n: number | undefined) => (n === undefined || n === UNSET_INTEGER ? undefined : n);
const validDouble = (n: number | undefined) => (n === undefined || n === UNSET_DOUBLE ? undefined : n);

/**
 * A contract as the official client puts it in protobuf requests (`createContractProto`): conId always (its
 * default 0 included), strings when non-empty, strike when set, multiplier as a double, includeExpired only when
 * true, combo legs with per-leg prices from the order.
 */
export function contractToRequestProto(c: Contract, legPrices?: readonly (number | undefined)[]): ContractProto {
  const legs = c.comboLegs ?? [];
  return {
    conId: validInt(c.conId ?? 0),
    symbol: set(c.symbol),
    secType: set(c.secType),
    lastTradeDateOrContractMonth: set(c.lastTradeDateOrContractMonth),
    strike: validDouble(c.strike),
    right: set(c.right),
    multiplier: c.multiplier ? Number(c.multiplier) : undefined,
    exchange: set(c.exchange),
    primaryExch: set(c.primaryExchange),
    currency: set(c.currency),
    localSymbol: set(c.localSymbol),
    tradingClass: set(c.tradingClass),
    secIdType: set(c.secIdType),
    secId: set(c.secId),
    description: set(c.description),
    issuerId: set(c.issuerId),
    deltaNeutralContract: c.deltaNeutralContract ? deltaNeutralToRequestProto(c.deltaNeutralContract) : undefined,
    includeExpired: c.includeExpired ? true : undefined,
    comboLegsDescrip: set(c.comboLegsDescrip),
    comboLegs: legs.length > 0 ? legs.map((leg, i) => comboLegToRequestProto(leg, legPrices?.[i])) : undefined,
  };
}

function comboLegToRequestProto(leg: ComboLeg, price: number | undefined): ComboLegProto {
  return {
    conId: validInt(leg.conId ?? 0),
    ratio: validInt(leg.ratio ?? 0),
    action: set(leg.action),
    exchange: set(leg.exchange),
    openClose: validInt(leg.openClose ?? 0),
    shortSalesSlot: validInt(leg.shortSaleSlot ?? 0),
    designatedLocation: set(leg.designatedLocation),
    exemptCode: validInt(leg.exemptCode ?? -1),
    perLegPrice: validDouble(price),
  };
}

function deltaNeutralToRequestProto(d: DeltaNeutralContract): DeltaNeutralProto {
  return { conId: validInt(d.conId ?? 0), delta: validDouble(d.delta ?? 0), price: validDouble(d.price ?? 0) };
}

/**
 * A protobuf contract as a model: every field present on the wire is set, nothing else. (The official decoder
 * reads the same fields and turns the multiplier double into text the way `floatMaxString` does.)
 */
export function contractFromProto(p: ContractProto | undefined): Contract {
  const c: Contract = {};
  if (!p) return c;
  if (p.conId !== undefined) c.conId = p.conId;
  if (p.symbol !== undefined) c.symbol = p.symbol;
  if (p.secType !== undefined) c.secType = p.secType;
  if (p.lastTradeDateOrContractMonth !== undefined) c.lastTradeDateOrContractMonth = p.lastTradeDateOrContractMonth;
  if (p.strike !== undefined) c.strike = p.strike;
  if (p.right !== undefined) c.right = p.right;
  if (p.multiplier !== undefined) c.multiplier = floatMaxText(p.multiplier);
  if (p.exchange !== undefined) c.exchange = p.exchange;
  if (p.primaryExch !== undefined) c.primaryExchange = p.primaryExch;
  if (p.currency !== undefined) c.currency = p.currency;
  if (p.localSymbol !== undefined) c.localSymbol = p.localSymbol;
  if (p.tradingClass !== undefined) c.tradingClass = p.tradingClass;
  if (p.secIdType !== undefined) c.secIdType = p.secIdType;
  if (p.secId !== undefined) c.secId = p.secId;
  if (p.description !== undefined) c.description = p.description;
  if (p.issuerId !== undefined) c.issuerId = p.issuerId;
  if (p.includeExpired !== undefined) c.includeExpired = p.includeExpired;
  if (p.comboLegsDescrip !== undefined) c.comboLegsDescrip = p.comboLegsDescrip;
  if (p.lastTradeDate !== undefined) c.lastTradeDate = p.lastTradeDate;
  if (p.comboLegs && p.comboLegs.length > 0) {
    c.comboLegs = p.comboLegs.map((l) => {
      const leg: ComboLeg = {};
      if (l.conId !== undefined) leg.conId = l.conId;
      if (l.ratio !== undefined) leg.ratio = l.ratio;
      if (l.action !== undefined) leg.action = l.action;
      if (l.exchange !== undefined) leg.exchange = l.exchange;
      if (l.openClose !== undefined) leg.openClose = l.openClose;
      if (l.shortSalesSlot !== undefined) leg.shortSaleSlot = l.shortSalesSlot;
      if (l.designatedLocation !== undefined) leg.designatedLocation = l.designatedLocation;
      if (l.exemptCode !== undefined) leg.exemptCode = l.exemptCode;
      return leg;
    });
  }
  if (p.deltaNeutralContract) {
    const d = p.deltaNeutralContract;
    c.deltaNeutralContract = {};
    if (d.conId !== undefined) c.deltaNeutralContract.conId = d.conId;
    if (d.delta !== undefined) c.deltaNeutralContract.delta = d.delta;
    if (d.price !== undefined) c.deltaNeutralContract.price = d.price;
  }
  return c;
}

/** Per-leg prices carried in a protobuf contract's legs (open orders). */
export function legPricesFromProto(p: ContractProto | undefined): (number | undefined)[] {
  return (p?.comboLegs ?? []).map((l) => l.perLegPrice);
}

/**
 * A model contract as a host writes it in protobuf replies: every field that is set, nothing else, so a decoded
 * reply re-encodes to the same bytes.
 */
export function contractToProto(c: Contract, legPrices?: readonly (number | undefined)[]): ContractProto {
  const legs = c.comboLegs ?? [];
  return {
    conId: c.conId,
    symbol: c.symbol,
    secType: c.secType,
    lastTradeDateOrContractMonth: c.lastTradeDateOrContractMonth,
    strike: c.strike,
    right: c.right,
    multiplier: c.multiplier === undefined || c.multiplier === "" ? undefined : Number(c.multiplier),
    exchange: c.exchange,
    primaryExch: c.primaryExchange,
    currency: c.currency,
    localSymbol: c.localSymbol,
    tradingClass: c.tradingClass,
    secIdType: c.secIdType,
    secId: c.secId,
    description: c.description,
    issuerId: c.issuerId,
    deltaNeutralContract: c.deltaNeutralContract
      ? {
          conId: c.deltaNeutralContract.conId,
          delta: c.deltaNeutralContract.delta,
          price: c.deltaNeutralContract.price,
        }
      : undefined,
    includeExpired: c.includeExpired,
    comboLegsDescrip: c.comboLegsDescrip,
    comboLegs:
      legs.length > 0
        ? legs.map((l, i) => ({
            conId: l.conId,
            ratio: l.ratio,
            action: l.action,
            exchange: l.exchange,
            openClose: l.openClose,
            shortSalesSlot: l.shortSaleSlot,
            designatedLocation: l.designatedLocation,
            exemptCode: l.exemptCode,
            perLegPrice: legPrices?.[i],
          }))
        : undefined,
    lastTradeDate: c.lastTradeDate,
  };
}

/** `floatMaxString`: a double as text with at most 8 decimals and no trailing zeros (`100.0` → `"100"`). */
export function floatMaxText(v: number): string {
  if (v === UNSET_DOUBLE) return "";
  let s = v.toFixed(8);
  if (s.includes(".")) s = s.replace(/0+$/, "").replace(/\.$/, "");
  return s;
}
