/** Attributes of a TICK_PRICE, unpacked from its `attrMask`: read-only, one shared frozen value per combination. */
export interface TickAttrib {
  /** Bit 0: the quote can be executed automatically. */
  readonly canAutoExecute: boolean;
  /** Bit 1 (MIN_SERVER_VER_PAST_LIMIT): the bid is below the day's low or the ask above the day's high. */
  readonly pastLimit: boolean;
  /** Bit 2 (MIN_SERVER_VER_PRE_OPEN_BID_ASK): the quote is from the pre-open session. */
  readonly preOpen: boolean;
}

/** Attributes of a last-trade tick (tick-by-tick Last/AllLast, historical Last ticks). */
export interface TickAttribLast {
  /** The trade is outside the day's limits. */
  readonly pastLimit: boolean;
  /** The trade was not reported to the tape. */
  unreported: boolean;
}

/** Attributes of a bid/ask tick (tick-by-tick BidAsk, historical BidAsk ticks). */
export interface TickAttribBidAsk {
  /** The bid is below the day's low. */
  bidPastLow: boolean;
  /** The ask is above the day's high. */
  askPastHigh: boolean;
}
