/**
 * `tws-ts`: the high-level API, models and builders. Curated: only what a user of the library needs is exported
 * here; the layers have their own entry points (`tws-ts/protocol`, `tws-ts/client`, `tws-ts/server`).
 */

export { TWS_PORTS } from "./protocol/ports.js";
export { type Decimal, type DecimalInput, NO_VALID_ID } from "./protocol/values.js";
