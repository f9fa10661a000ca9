import type { Decimal } from "../values.js";
import type { TickAttribBidAsk, TickAttribLast } from "./tick-attrib.js";

/** A historical MIDPOINT tick (the official `HistoricalTick`). */
export interface HistoricalTick {
  /** Epoch seconds. */
  time: number;
  price: number;
  size: Decimal | undefined;
}

/** A historical BID_ASK tick (the official `HistoricalTickBidAsk`). */
export interface HistoricalTickBidAsk {
  /** Epoch seconds. */
  time: number;
  tickAttribBidAsk: TickAttribBidAsk;
  priceBid: number;
  priceAsk: number;
  sizeBid: Decimal | undefined;
  sizeAsk: Decimal | undefined;
}

/** A historical TRADES tick (the official `HistoricalTickLast`). */
export interface HistoricalTickLast {
  /** Epoch seconds. */
  time: number;
  tickAttribLast: TickAttribLast;
  price: number;
  size: Decimal | undefined;
  exchange: string;
  specialConditions: string;
}

/** One price level of a histogram (the official `HistogramData`): the size traded at that price. */
export interface HistogramEntry {
  price: number;
  size: Decimal | undefined;
}

/** One trading session of a historical schedule (whatToShow SCHEDULE). */
export interface HistoricalSession {
  startDateTime: string;
  endDateTime: string;
  /** The trading day the session belongs to (`yyyyMMdd`). */
  refDate: string;
}
