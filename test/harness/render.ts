/**
 * Renders EWrapper calls the way the official-client harness and the gw1040 recordings render them, so our
 * callbacks can be compared with theirs: unset values as "MAX", objects as the attributes that differ from a
 * fresh instance (approximated here by dropping undefined, false, 0, "" and empty lists), bigints as numbers.
 */
export function renderCalls(calls: readonly (readonly unknown[])[]): unknown[][] {
  return calls.map(([name, ...args]) => [name, ...args.map(renderArg)]);
}

function renderArg(v: unknown): unknown {
  if (v === undefined) return "MAX";
  return renderValue(v);
}

function renderValue(v: unknown): unknown {
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v === Number.POSITIVE_INFINITY) return "Infinity";
  if (Array.isArray(v)) return v.map(renderValue);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined || x === false || x === 0 || x === "" || (Array.isArray(x) && x.length === 0)) continue;
      out[k] = renderValue(x);
    }
    return out;
  }
  return v;
}
