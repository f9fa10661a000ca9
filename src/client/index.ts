/** `tws-ts/client`: the low-level client (EClient, EReader, EWrapper). */
export { DEFAULT_CLIENT_RANGE, type VersionRange } from "../protocol/handshake.js";
export { TWS_PORTS } from "../protocol/ports.js";
