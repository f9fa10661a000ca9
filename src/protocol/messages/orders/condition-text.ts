import { EncodeError } from "../../errors.js";
import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { type OrderCondition, OrderConditionType } from "../../models/order-condition.js";
import { pythonFloatText } from "../../values.js";

/**
 * The text body of one order condition after its type id (`OrderCondition.make_fields` and the subclasses),
 * as PLACE_ORDER writes it and OPEN_ORDER / COMPLETED_ORDER carry it:
 * - every kind starts with the conjunction, `a` (AND) or `o` (OR);
 * - Price: isMore, price, conId, exchange, triggerMethod · Time: isMore, time · Margin: isMore, percent;
 * - Volume / PercentChange: isMore, value, conId, exchange · Execution: secType, exchange, symbol.
 * The threshold goes out as text (`valueToString`): Python's `str()` of the value. Prices and percent changes are
 * floats there (`101.5`, `100.0`); the margin percent and the volume are whole numbers (protobuf has them as
 * int32), so they are written without a fraction when they have none.
 */

/** `str()` of a value the official classes hold as an int when it is whole. */
function wholeOrFloatText(v: number): string {
  return Number.isInteger(v) ? String(v) : pythonFloatText(v);
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new EncodeError(`an order condition's ${what} must be set to be sent as text`);
  return value;
}

/** Writes the type id and the body of one condition. */
export function writeConditionText(w: FieldWriter, c: OrderCondition): void {
  w.int(c.condType).string(c.isConjunctionConnection === false ? "o" : "a");
  switch (c.condType) {
    case OrderConditionType.Price:
      w.bool(c.isMore).string(pythonFloatText(need(c.price, "price")));
      w.int(c.conId ?? 0)
        .string(c.exchange)
        .int(need(c.triggerMethod, "triggerMethod"));
      return;
    case OrderConditionType.Time:
      w.bool(c.isMore).string(need(c.time, "time"));
      return;
    case OrderConditionType.Margin:
      w.bool(c.isMore).string(wholeOrFloatText(need(c.percent, "percent")));
      return;
    case OrderConditionType.Execution:
      w.string(c.secType).string(c.exchange).string(c.symbol);
      return;
    case OrderConditionType.Volume:
      w.bool(c.isMore).string(wholeOrFloatText(need(c.volume, "volume")));
      w.int(c.conId ?? 0).string(c.exchange);
      return;
    case OrderConditionType.PercentChange:
      w.bool(c.isMore).string(pythonFloatText(need(c.changePercent, "changePercent")));
      w.int(c.conId ?? 0).string(c.exchange);
      return;
    default:
      throw new EncodeError(`unknown order condition type ${(c as { condType: unknown }).condType}`);
  }
}

function readNumberText(r: FieldReader, what: string): number {
  const text = r.readString();
  const v = Number(text);
  if (text.trim() === "" || Number.isNaN(v)) throw new Error(`order condition ${what} ${JSON.stringify(text)}`);
  return v;
}

/**
 * Reads one condition: its type id, then the body. Every field of the kind is set on the result (the
 * conjunction too), as the official decoder sets them.
 */
export function readConditionText(r: FieldReader): OrderCondition {
  const condType = r.readInt();
  const isConjunctionConnection = r.readString() === "a";
  switch (condType) {
    case OrderConditionType.Price: {
      const isMore = r.readBool();
      const price = readNumberText(r, "price");
      return {
        condType,
        isConjunctionConnection,
        isMore,
        price,
        conId: r.readInt(),
        exchange: r.readString(),
        triggerMethod: r.readInt(),
      };
    }
    case OrderConditionType.Time:
      return { condType, isConjunctionConnection, isMore: r.readBool(), time: r.readString() };
    case OrderConditionType.Margin:
      return { condType, isConjunctionConnection, isMore: r.readBool(), percent: readNumberText(r, "percent") };
    case OrderConditionType.Execution:
      return {
        condType,
        isConjunctionConnection,
        secType: r.readString(),
        exchange: r.readString(),
        symbol: r.readString(),
      };
    case OrderConditionType.Volume: {
      const isMore = r.readBool();
      const volume = readNumberText(r, "volume");
      return { condType, isConjunctionConnection, isMore, volume, conId: r.readInt(), exchange: r.readString() };
    }
    case OrderConditionType.PercentChange: {
      const isMore = r.readBool();
      const changePercent = readNumberText(r, "changePercent");
      return { condType, isConjunctionConnection, isMore, changePercent, conId: r.readInt(), exchange: r.readString() };
    }
    default:
      // The official decoder would build no condition and lose its place in the message.
      throw new Error(`unknown order condition type ${condType}`);
  }
}
