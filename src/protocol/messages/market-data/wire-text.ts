import { FieldError } from "../../errors.js";
import type { FieldReader } from "../../field-reader.js";

/**
 * Field helpers shared by the market-data specs for values whose exact spelling must survive a round trip.
 */

const DOUBLE_TEXT_RE = /^[+-]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i;

/**
 * Reads a double field as its text, checked to be a number Python's `float()` accepts (empty included, which
 * the official decoder reads as 0). Used where protobuf carries the same value as text (TICK_REQ_PARAMS
 * minTick), so one message type holds both forms without losing digits.
 */
export function readDoubleText(r: FieldReader): string {
  const index = r.index;
  const text = r.readString();
  if (text !== "" && !DOUBLE_TEXT_RE.test(text)) throw new FieldError("double", text, index);
  return text;
}

/** The number the official decoder makes of a double's text (`float(text or 0)`). */
export function doubleOfText(text: string): number {
  if (text === "") return 0;
  const lower = text.toLowerCase();
  if (lower.endsWith("inf") || lower.endsWith("infinity")) {
    return lower.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (lower.endsWith("nan")) return Number.NaN;
  return Number(text);
}

/** True when `text` is a spelling {@link readDoubleText} accepts. */
export function isDoubleText(text: string): boolean {
  return text === "" || DOUBLE_TEXT_RE.test(text);
}
