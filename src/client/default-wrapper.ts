import type { EWrapper } from "./ewrapper.js";

/** Where {@link DefaultEWrapper} writes: one line per callback nobody handles. */
export type WrapperLogger = (line: string) => void;

/**
 * A wrapper that logs every callback its subclass (or the object it is given) does not implement, as the official
 * `EWrapper` base classes do: subclass it and implement only what you need, and nothing arrives unseen.
 *
 * ```ts
 * class Quotes extends DefaultEWrapper {
 *   tickPrice(reqId: number, tickType: number, price: number) { ... }
 * }
 * ```
 */
export class DefaultEWrapper implements EWrapper {
  constructor(log: WrapperLogger = (line) => console.error(line)) {
    // The client looks callbacks up by name when a message arrives; answer every name it asks for that the
    // subclass does not define with a function that logs the call.
    // biome-ignore lint/correctness/noConstructorReturn: returning the Proxy is what makes unknown callbacks visible
    return new Proxy(this, {
      get(target, prop, receiver) {
        const own = Reflect.get(target, prop, receiver);
        if (own !== undefined || typeof prop !== "string" || prop === "then" || prop === "constructor") return own;
        return (...args: unknown[]) => log(`tws-ts: unhandled ${prop}(${args.map(describe).join(", ")})`);
      },
    });
  }
}

function describe(v: unknown): string {
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "string") return JSON.stringify(v);
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `${x}n` : x)) ?? String(v);
  } catch {
    return String(v);
  }
}
