/**
 * The times of historical news. TWS writes a headline's time as `yyyy-MM-dd HH:mm:ss.0` (the spec of
 * HISTORICAL_NEWS); the request's bounds come as `yyyy-MM-dd HH:mm:ss` (API documentation, "Requesting Historical
 * News"), and clients often send the `.0` back. Assumed: both are UTC (the documentation names no zone).
 */

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** `2026-09-28 13:30:05.0` (UTC). */
export function newsTime(epochMs: number): string {
  const d = new Date(epochMs);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.0`
  );
}

const FORMS = [
  /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d+)?$/,
  /^(\d{4})(\d{2})(\d{2})[ -](\d{2}):(\d{2}):(\d{2})$/,
];

/** Epoch ms of a request bound (UTC), or undefined when it reads as neither form. */
export function parseNewsTime(text: string): number | undefined {
  const t = text.trim();
  for (const form of FORMS) {
    const m = form.exec(t);
    if (!m) continue;
    const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
    const ms = Date.UTC(y, mo - 1, d, h, mi, s);
    const back = new Date(ms);
    // Date.UTC rolls 2026-02-30 over to March: such a date is no date.
    if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
    return ms;
  }
  return undefined;
}
