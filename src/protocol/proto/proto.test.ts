import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readRecording, sharedPath } from "../../../test/harness/shared.js";
import {
  Contract,
  ErrorMessage,
  HistoricalData,
  OpenOrder,
  type Order,
  type OrderState,
  OrderStatus,
  TickPrice,
} from "./index.js";

/**
 * The generated codecs against real IB Gateway 10.40 traffic (../shared/recordings/gw1040/codec, server version 214):
 * each recorded protobuf frame decodes to what the official client library 10.46.01 reported (`callbacks`) and
 * encodes back to the very same bytes. `raw_b64` is one message without its length prefix: a 4-byte big-endian
 * id (base id + 200), then the protobuf body.
 */

interface Frame {
  where: string;
  id: number;
  body: Uint8Array;
  callbacks: unknown[][];
}

function recordedFrames(): Frame[] {
  const dir = sharedPath("recordings", "gw1040", "codec"); // throws (test fails) when ../shared is missing
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".jsonl"))
    .sort();
  const frames: Frame[] = [];
  for (const name of names) {
    for (const r of readRecording(`gw1040/codec/${name}`).records) {
      if (r.leg !== "api_in" || !r.raw_b64 || !r.callbacks) continue;
      const raw = Buffer.from(r.raw_b64, "base64");
      if (raw.length < 4) continue;
      const id = raw.readUInt32BE(0);
      if (id <= 200 || id > 400) continue; // text frames (the handshake reply) carry no binary id
      frames.push({ where: `${name} seq ${r.seq}`, id, body: raw.subarray(4), callbacks: r.callbacks });
    }
  }
  return frames;
}

const frames = recordedFrames();
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");

interface Codec<T> {
  encode(message: T): { finish(): Uint8Array };
  decode(input: Uint8Array): T;
}

/** Decodes every recorded frame with `wireId`, checks it with `check`, and checks that it re-encodes byte for byte. */
function eachFrame<T>(wireId: number, codec: Codec<T>, check: (msg: T, callbacks: unknown[][], where: string) => void) {
  const mine = frames.filter((f) => f.id === wireId);
  expect(mine.length, `recorded frames with id ${wireId}`).toBeGreaterThan(0);
  for (const f of mine) {
    const msg = codec.decode(f.body);
    check(msg, f.callbacks, f.where);
    expect(hex(codec.encode(msg).finish()), `${f.where}: re-encoded`).toBe(hex(f.body));
  }
  return mine.length;
}

/** A value the official Python library reported next to the decoded protobuf value. */
function expectSame(decoded: unknown, reported: unknown, what: string): void {
  if (typeof decoded === "bigint") expect(decoded, what).toBe(BigInt(reported as number));
  else expect(decoded, what).toStrictEqual(reported);
}

/** Python objects are reported with only the attributes that differ from a new object; each must match. */
function expectFields(
  decoded: object,
  reported: Record<string, unknown>,
  what: string,
  rename = {} as Record<string, string>,
) {
  const d = decoded as Record<string, unknown>;
  for (const [key, value] of Object.entries(reported)) {
    expectSame(d[rename[key] ?? key], value, `${what}.${key}`);
  }
}

/** Python TagValue lists are protobuf map<string,string> fields. */
const tagValues = (map: Record<string, string> | undefined) =>
  Object.entries(map ?? {}).map(([tag, value]) => ({ tag, value }));

function expectContract(c: Contract | undefined, reported: Record<string, unknown>, what: string): void {
  expect(c, what).toBeDefined();
  const { comboLegs, deltaNeutralContract, ...plain } = reported;
  expectFields(c!, plain, what);
  if (comboLegs !== undefined) {
    const legs = comboLegs as Record<string, unknown>[];
    expect(c!.comboLegs?.length, `${what}.comboLegs`).toBe(legs.length);
    legs.forEach((leg, i) => {
      expectFields(c!.comboLegs![i]!, leg, `${what}.comboLegs[${i}]`, { shortSaleSlot: "shortSalesSlot" });
    });
  }
  if (deltaNeutralContract !== undefined) {
    expectFields(c!.deltaNeutralContract!, deltaNeutralContract as Record<string, unknown>, `${what}.deltaNeutral`);
  }
}

function expectOrder(o: Order | undefined, c: Contract | undefined, reported: Record<string, unknown>, what: string) {
  expect(o, what).toBeDefined();
  const { softDollarTier, smartComboRoutingParams, algoParams, orderMiscOptions, orderComboLegs, ...plain } = reported;
  expectFields(o!, plain, what);
  if (softDollarTier !== undefined) {
    expectFields(o!.softDollarTier ?? {}, softDollarTier as Record<string, unknown>, `${what}.softDollarTier`, {
      val: "value",
    });
  }
  if (smartComboRoutingParams !== undefined) {
    expect(tagValues(o!.smartComboRoutingParams), `${what}.smartComboRoutingParams`).toEqual(smartComboRoutingParams);
  }
  if (algoParams !== undefined) expect(tagValues(o!.algoParams), `${what}.algoParams`).toEqual(algoParams);
  if (orderMiscOptions !== undefined) {
    expect(tagValues(o!.orderMiscOptions), `${what}.orderMiscOptions`).toEqual(orderMiscOptions);
  }
  if (orderComboLegs !== undefined) {
    // Per-leg prices travel in Contract.comboLegs[].perLegPrice.
    const want = (c?.comboLegs ?? []).map((leg) => (leg.perLegPrice === undefined ? {} : { price: leg.perLegPrice }));
    expect(want, `${what}.orderComboLegs`).toEqual(orderComboLegs);
  }
}

function expectOrderState(s: OrderState | undefined, reported: Record<string, unknown>, what: string) {
  expect(s, what).toBeDefined();
  const d = s as Record<string, unknown>;
  for (const [key, value] of Object.entries(reported)) {
    // Python keeps the margin values as str(float): compare them as numbers.
    if (typeof value === "string" && typeof d[key] === "number") expect(d[key], `${what}.${key}`).toBe(Number(value));
    else expectSame(d[key], value, `${what}.${key}`);
  }
}

/** TickPrice.size also produces a tickSize callback, of the size type that belongs to the price type. */
const SIZE_TICK_OF_PRICE_TICK: Record<number, number> = { 1: 0, 2: 3, 4: 5, 66: 69, 67: 70, 68: 71 };

describe("generated protobuf codecs against recorded IB Gateway frames", () => {
  it("finds the recorded protobuf frames", () => {
    expect(frames.length).toBeGreaterThan(500);
  });

  it("TICK_PRICE (201) decodes to tickPrice/tickSize and re-encodes identically", () => {
    let withSize = 0;
    eachFrame(201, TickPrice, (m, cbs, where) => {
      const [price, size, ...rest] = cbs;
      expect(rest, where).toEqual([]);
      const mask = m.attrMask ?? 0;
      const attrib: Record<string, boolean> = {};
      if (mask & 1) attrib["canAutoExecute"] = true;
      if (mask & 2) attrib["pastLimit"] = true;
      if (mask & 4) attrib["preOpen"] = true;
      expect(["tickPrice", m.reqId, m.tickType, m.price, attrib], where).toStrictEqual(price);
      const sizeTick = SIZE_TICK_OF_PRICE_TICK[m.tickType ?? -1];
      if (m.size !== undefined && sizeTick !== undefined) {
        withSize++;
        expect(["tickSize", m.reqId, sizeTick, m.size], where).toStrictEqual(size);
      } else {
        expect(size, where).toBeUndefined();
      }
    });
    expect(withSize).toBeGreaterThan(0);
  });

  it("ORDER_STATUS (203) decodes to orderStatus and re-encodes identically", () => {
    eachFrame(203, OrderStatus, (m, cbs, where) => {
      expect(cbs.length, where).toBe(1);
      const [name, ...args] = cbs[0]!;
      expect(name).toBe("orderStatus");
      const fields = [
        m.orderId,
        m.status,
        m.filled,
        m.remaining,
        m.avgFillPrice,
        m.permId,
        m.parentId,
        m.lastFillPrice,
        m.clientId,
        m.whyHeld ?? "", // the only field TWS leaves out here; the library reports it as ""
        m.mktCapPrice,
      ] as const;
      fields.forEach((v, i) => {
        expectSame(v, args[i], `${where} orderStatus arg ${i + 1}`);
      });
    });
  });

  it("OPEN_ORDER (205) decodes to openOrder and re-encodes identically", () => {
    eachFrame(205, OpenOrder, (m, cbs, where) => {
      expect(cbs.length, where).toBe(1);
      const [name, orderId, contract, order, state] = cbs[0]! as [
        string,
        number,
        Record<string, unknown>,
        Record<string, unknown>,
        Record<string, unknown>,
      ];
      expect(name).toBe("openOrder");
      expect(m.orderId, where).toBe(orderId);
      expectContract(m.contract, contract, `${where} contract`);
      expectOrder(m.order, m.contract, order, `${where} order`);
      expectOrderState(m.orderState, state, `${where} orderState`);
    });
  });

  it("ERR_MSG (204) decodes to error and re-encodes identically", () => {
    eachFrame(204, ErrorMessage, (m, cbs, where) => {
      expect(cbs.length, where).toBe(1);
      const [name, id, errorTime, code, text, json] = cbs[0]!;
      expect(name).toBe("error");
      expect(m.id, where).toBe(id);
      // The recordings blank the time (it differs on every run); the frame still carries it.
      if (errorTime === null) expect(typeof m.errorTime, where).toBe("bigint");
      else expectSame(m.errorTime, errorTime, where);
      expect(m.errorCode, where).toBe(code);
      expect(m.errorMsg, where).toBe(text);
      expect(m.advancedOrderRejectJson ?? "", where).toBe(json);
    });
  });

  it("HISTORICAL_DATA (217) decodes to historicalData bars and re-encodes identically", () => {
    eachFrame(217, HistoricalData, (m, cbs, where) => {
      const bars = m.historicalDataBars ?? [];
      expect(bars.length, where).toBe(cbs.length);
      bars.forEach((bar, i) => {
        const [name, reqId, reported] = cbs[i]! as [string, number, Record<string, unknown>];
        expect(name).toBe("historicalData");
        expect(m.reqId, where).toBe(reqId);
        expectFields(bar, reported, `${where} bar ${i}`, { wap: "WAP" });
      });
    });
  });

  it("writes explicitly set zero values (proto3 optional presence) and leaves absent fields undefined", () => {
    expect(hex(Contract.encode({ conId: 0 }).finish())).toBe("0800");
    expect(hex(TickPrice.encode({ attrMask: 0 }).finish())).toBe("2800");
    const empty = TickPrice.decode(new Uint8Array(0));
    expect(empty.reqId).toBeUndefined();
    expect(empty.price).toBeUndefined();
    expect(Contract.decode(Uint8Array.of(0x08, 0x00)).conId).toBe(0);
  });
});
