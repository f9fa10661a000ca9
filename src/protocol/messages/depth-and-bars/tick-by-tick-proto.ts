import type { TickByTickData } from "../../proto/index.js";
import type { TickByTickFields } from "./tick-by-tick.js";

/**
 * The protobuf oneof of TICK_BY_TICK (`tick: { $case, value }` as ts-proto generates it) and the message's
 * `time` + `tick`. The time lives inside each oneof member on the wire; the message keeps it beside the tick,
 * where the text form has it. Every field is copied only when present, so a decoded frame re-encodes to its
 * bytes (official `decodeHistoricalTickLast` / `decodeHistoricalTickBidAsk` / `decodeHistoricalTick` read the
 * same fields with the same presence checks).
 */

type ProtoTick = TickByTickData["tick"];

const toLong = (time: number | undefined) => (time === undefined ? undefined : BigInt(time));
const fromLong = (time: bigint | undefined) => (time === undefined ? undefined : Number(time));

/** The oneof for a message's tick and time (no oneof when there is no tick). */
export function tickToProto(tick: TickByTickFields | undefined, time: number | undefined): ProtoTick {
  if (!tick) return undefined;
  switch (tick.kind) {
    case "last":
      return {
        $case: "historicalTickLast",
        value: {
          time: toLong(time),
          tickAttribLast: tick.tickAttribLast && { ...tick.tickAttribLast },
          price: tick.price,
          size: tick.size,
          exchange: tick.exchange,
          specialConditions: tick.specialConditions,
        },
      };
    case "bidAsk":
      return {
        $case: "historicalTickBidAsk",
        value: {
          time: toLong(time),
          tickAttribBidAsk: tick.tickAttribBidAsk && { ...tick.tickAttribBidAsk },
          priceBid: tick.bidPrice,
          priceAsk: tick.askPrice,
          sizeBid: tick.bidSize,
          sizeAsk: tick.askSize,
        },
      };
    case "midPoint":
      return { $case: "historicalTickMidPoint", value: { time: toLong(time), price: tick.midPoint, size: tick.size } };
  }
}

/** The message's time and tick for a oneof. */
export function tickFromProto(p: ProtoTick): { time: number | undefined; tick: TickByTickFields | undefined } {
  if (!p) return { time: undefined, tick: undefined };
  switch (p.$case) {
    case "historicalTickLast": {
      const v = p.value;
      const a = v.tickAttribLast;
      return {
        time: fromLong(v.time),
        tick: {
          kind: "last",
          price: v.price,
          size: v.size,
          tickAttribLast: a && { pastLimit: a.pastLimit, unreported: a.unreported },
          exchange: v.exchange,
          specialConditions: v.specialConditions,
        },
      };
    }
    case "historicalTickBidAsk": {
      const v = p.value;
      const a = v.tickAttribBidAsk;
      return {
        time: fromLong(v.time),
        tick: {
          kind: "bidAsk",
          bidPrice: v.priceBid,
          askPrice: v.priceAsk,
          bidSize: v.sizeBid,
          askSize: v.sizeAsk,
          tickAttribBidAsk: a && { bidPastLow: a.bidPastLow, askPastHigh: a.askPastHigh },
        },
      };
    }
    case "historicalTickMidPoint": {
      const v = p.value;
      return { time: fromLong(v.time), tick: { kind: "midPoint", midPoint: v.price, size: v.size } };
    }
  }
}
