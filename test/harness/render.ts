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

/**
 * Both sides of a callback comparison, normalised the same way: inside objects, attributes holding a value that
 * is the official default of most fields (0, false, "", an empty list or object) are dropped. The official
 * renderer drops an attribute only when it equals that class's own default (Contract.strike defaults to unset,
 * so the recordings show `strike: 0.0`); without the class defaults, dropping on both sides keeps the
 * comparison exact everywhere else. Exact values are still pinned by the byte checks.
 */
export function normalizeCalls(calls: readonly unknown[][]): unknown[][] {
  return calls.map(([name, ...args]) => [
    name,
    ...args.map((a) => (isObject(a) ? normalizeObject(a) : normalizeList(a))),
  ]);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function normalizeList(v: unknown): unknown {
  return Array.isArray(v) ? v.map((x) => (isObject(x) ? normalizeObject(x) : normalizeList(x))) : v;
}

function normalizeObject(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    let n = isObject(v) ? normalizeObject(v) : normalizeList(v);
    // Python's True == 1: the official client hands some flags over as ints in one form and bools in the other.
    if (n === true) n = 1;
    if (n === 0 || n === false || n === "" || n === undefined) continue;
    if (Array.isArray(n) && n.length === 0) continue;
    if (isObject(n) && Object.keys(n).length === 0) continue;
    out[k] = n;
  }
  return out;
}
