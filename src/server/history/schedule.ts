import type { HistoricalSession } from "../../protocol/models/historical-ticks.js";
import { isTradingDay, localDay, type SessionHours, tradingDay } from "../engine/market/index.js";
import { dashText, dayText } from "./dates.js";

/**
 * whatToShow SCHEDULE: the instrument's sessions of each trading day in the period (docs 21.04.10: daily bars only,
 * no prices), as HISTORICAL_SCHEDULE. Times are `yyyyMMdd-HH:mm:ss` in the instrument's zone, which the message
 * names (assumed layout: the docs give the fields, not an example); the liquid hours with useRTH, else the whole
 * trading day.
 */
export interface Schedule {
  readonly startDateTime: string;
  readonly endDateTime: string;
  readonly timeZone: string;
  readonly sessions: HistoricalSession[];
}

export function scheduleOf(hours: SessionHours, start: number, end: number, rth: boolean): Schedule {
  const zone = hours.timeZone;
  const sessions: HistoricalSession[] = [];
  for (let d = localDay(zone, start); d <= localDay(zone, end - 1); d++) {
    const day = tradingDay(hours, d);
    if (!isTradingDay(day)) continue;
    const open = rth ? day.liquidOpen : day.open;
    const close = rth ? day.liquidClose : day.close;
    // A session belongs to the period when it starts before its end and ends after its start.
    if (open >= end || close <= start) continue;
    sessions.push({ startDateTime: dashText(open, zone), endDateTime: dashText(close, zone), refDate: dayText(d) });
  }
  return {
    startDateTime: sessions[0]?.startDateTime ?? dashText(start, zone),
    endDateTime: sessions[sessions.length - 1]?.endDateTime ?? dashText(end, zone),
    timeZone: zone,
    sessions,
  };
}
