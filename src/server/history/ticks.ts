import type { IncomingMessageName } from "../../protocol/message-ids.js";
import { TickByTickType } from "../../protocol/messages/depth-and-bars/tick-by-tick.js";
import type { ReqHistoricalTicksMessage } from "../../protocol/messages/historical/ticks-request.js";
import {
  isTradingDay,
  localDay,
  type MarketEngine,
  type MarketInstrument,
  sessionDayOf,
  tradingDay,
} from "../engine/market/index.js";
import { TapeReader, ticksAt } from "../streams/tape.js";
import { parseDateTime } from "./dates.js";
import { type HistoryError, invalid, invalidDateTime, noMarketData } from "./errors.js";
import { hmdsName, WHAT_TO_SHOW } from "./what-to-show.js";

/**
 * REQ_HISTORICAL_TICKS (docs 21.06): up to 1000 ticks from startDateTime forward or back from endDateTime, from one
 * trading session only, read off the tape the tick-by-tick streams and the bars read (one trade per second, a
 * BidAsk tick when the quote moves, a MidPoint tick when the mid moves). TRADES answers HISTORICAL_TICKS_LAST,
 * BID_ASK HISTORICAL_TICKS_BID_ASK, MIDPOINT HISTORICAL_TICKS, all in one message with `done` set.
 */

const REPLIES: Record<string, { reply: IncomingMessageName; type: number }> = {
  TRADES: { reply: "HISTORICAL_TICKS_LAST", type: TickByTickType.LAST },
  BID_ASK: { reply: "HISTORICAL_TICKS_BID_ASK", type: TickByTickType.BID_ASK },
  MIDPOINT: { reply: "HISTORICAL_TICKS", type: TickByTickType.MID_POINT },
};

/** A checked REQ_HISTORICAL_TICKS. */
export interface TickQuery {
  readonly instrument: MarketInstrument;
  readonly what: string;
  readonly reply: IncomingMessageName;
  readonly type: number;
  /** Epoch ms; one or both set. */
  readonly start: number | undefined;
  readonly end: number | undefined;
  readonly count: number;
  readonly rth: boolean;
  readonly ignoreSize: boolean;
}

export function validateTicks(
  m: ReqHistoricalTicksMessage,
  engine: MarketEngine,
  now: number,
  zone: string,
): TickQuery | HistoryError {
  const what = m.whatToShow.trim().toUpperCase();
  const r = REPLIES[what];
  // Assumed texts: the docs name the rules (TRADES, BID_ASK or MIDPOINT; one of the two times; at most 1000).
  if (!r) return invalid(`Historical ticks whatToShow [${m.whatToShow}] is invalid: use TRADES, BID_ASK or MIDPOINT.`);
  if (m.numberOfTicks < 1 || m.numberOfTicks > 1000) {
    return invalid(`Historical ticks numberOfTicks [${m.numberOfTicks}] is invalid: 1 to 1000 per request.`);
  }
  if (m.startDateTime.trim() === "" && m.endDateTime.trim() === "") {
    return invalid("Historical ticks need a start or an end date/time.");
  }
  const start = m.startDateTime.trim() === "" ? undefined : parseDateTime(m.startDateTime, now, zone);
  if (m.startDateTime.trim() !== "" && start === undefined) return invalidDateTime("Start Date/Time");
  const end = m.endDateTime.trim() === "" ? undefined : parseDateTime(m.endDateTime, now, zone);
  if (m.endDateTime.trim() !== "" && end === undefined) return invalidDateTime("End Date/Time");
  const instrument = engine.instrumentOf(m.contract);
  if (!instrument) return { code: 200, text: "No security definition has been found for the request" };
  if (!WHAT_TO_SHOW.get(what)!.secTypes.has(instrument.secType)) {
    // Recorded by users for a forex pair's trades: "... EUR/CASH@IDEALPRO AllLast 0".
    const name = what === "TRADES" ? "AllLast" : hmdsName(what);
    return noMarketData(instrument.symbol, instrument.secType, instrument.exchange, name, false);
  }
  return {
    instrument,
    what,
    ...r,
    start,
    end,
    count: m.numberOfTicks,
    rth: m.useRth !== 0,
    ignoreSize: m.ignoreSize,
  };
}

/** The session [first, end) in seconds that holds `second`, or the next one (forward) or the last one (back). */
function sessionAround(
  engine: MarketEngine,
  q: TickQuery,
  second: number,
  forward: boolean,
): [number, number] | undefined {
  const hours = engine.hours(q.instrument);
  // Looking back starts from tomorrow: an overnight session of tomorrow may already hold `second`.
  const today = localDay(hours.timeZone, second * 1000);
  for (let n = 0; n < 9; n++) {
    const day = tradingDay(hours, forward ? today + n : today + 1 - n);
    if (!isTradingDay(day)) continue;
    const open = Math.ceil((q.rth ? day.liquidOpen : day.open) / 1000);
    const close = Math.ceil((q.rth ? day.liquidClose : day.close) / 1000);
    if (forward ? second < close : second >= open) return [open, close];
  }
  return undefined;
}

/** The ticks of a query, oldest first, as the reply's tick values. */
export function historicalTicksOf(engine: MarketEngine, q: TickQuery): Record<string, unknown>[] {
  const tape = new TapeReader(engine, q.instrument);
  const found: { time: number; tick: Record<string, unknown> }[] = [];
  const take = (s: number) => {
    for (const t of ticksAt(tape, q.type, s, q.ignoreSize)) found.push(t as (typeof found)[number]);
  };
  if (q.start !== undefined) {
    const from = Math.ceil(q.start / 1000);
    const session = sessionAround(engine, q, from, true);
    if (session) {
      const until = Math.min(session[1], q.end === undefined ? session[1] : Math.ceil(q.end / 1000));
      // Whole seconds: the last second's ticks all come, even past the count (docs 21.06).
      for (let s = Math.max(from, session[0]); s < until && found.length < q.count; s++) take(s);
    }
  } else {
    const to = Math.ceil(q.end! / 1000);
    const session = sessionAround(engine, q, to - 1, false);
    if (session) {
      const ticks: (typeof found)[] = [];
      let n = 0;
      for (let s = Math.min(to, session[1]) - 1; s >= session[0] && n < q.count; s--) {
        const before = found.length;
        take(s);
        const got = found.splice(before);
        ticks.push(got);
        n += got.length;
      }
      for (const group of ticks.reverse()) found.push(...group);
    }
  }
  return found.map((t) => tickValue(engine, q, t.time, t.tick));
}

/** A tick in the reply's shape, with its attributes against the day so far. */
function tickValue(engine: MarketEngine, q: TickQuery, time: number, tick: Record<string, unknown>) {
  if (q.type === TickByTickType.LAST) {
    // Every tape trade is a regular, reported trade.
    return {
      time,
      tickAttribLast: { pastLimit: false, unreported: false },
      price: tick.price,
      size: tick.size,
      exchange: tick.exchange,
      specialConditions: tick.specialConditions,
    };
  }
  if (q.type === TickByTickType.BID_ASK) {
    const hours = engine.hours(q.instrument);
    const day = engine.tapeOf(q.instrument, sessionDayOf(hours, time * 1000).day).totalsBefore(time);
    const bid = tick.bidPrice as number;
    const ask = tick.askPrice as number;
    return {
      time,
      // Below the day's low / above its high so far (the liquid hours' range, as level-1 reports it).
      tickAttribBidAsk: { bidPastLow: bid < day.low, askPastHigh: ask > day.high },
      priceBid: bid,
      priceAsk: ask,
      sizeBid: tick.bidSize,
      sizeAsk: tick.askSize,
    };
  }
  // Midpoint ticks carry size 0 (TWS's wire value; the docs show none).
  return { time, price: tick.midPoint, size: "0" };
}
