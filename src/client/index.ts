/** `tws-ts/client`: the low-level client (EClient, EReader, EWrapper). */
export { DEFAULT_CLIENT_RANGE, type VersionRange } from "../protocol/handshake.js";
export { TWS_PORTS } from "../protocol/ports.js";
export { ClientError, sendErrorCode } from "./client-errors.js";
export { DefaultEWrapper, type WrapperLogger } from "./default-wrapper.js";
export { EClient } from "./eclient.js";
export { ConnectError, type EClientOptions, type MessageLogEntry } from "./eclient-core.js";
export { EReader, type ReaderEvents, type ReaderOptions } from "./ereader.js";
export type { EWrapper } from "./ewrapper.js";
export { Pacer, type PacerClock, type PacerOptions } from "./pacer.js";
export { requestMethods } from "./request-methods.js";
