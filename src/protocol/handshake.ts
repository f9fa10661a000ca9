import { HandshakeError, VersionNegotiationError } from "./errors.js";
import { FieldReader } from "./field-reader.js";
import { encodeFrame } from "./framing.js";
import { MAX_CLIENT_VERSION, MIN_CLIENT_VERSION } from "./server-versions.js";

/**
 * The connection handshake (reference section 1): the client sends `API\0` (not length-prefixed), then one frame
 * holding `v<min>..<max>` and optional connect options; the host answers with one text frame holding the chosen
 * server version and its connection time. Every frame after that is a message.
 */

/** The 4 bytes every client sends first. */
export const API_PREFIX: Uint8Array = Uint8Array.of(0x41, 0x50, 0x49, 0x00);

/** The server versions a peer speaks, both ends inclusive. */
export interface VersionRange {
  readonly min: number;
  readonly max: number;
}

/** The client's hello: its version range and free-text connect options (e.g. `+PACEAPI`). */
export interface ClientHello extends VersionRange {
  readonly connectOptions: string;
}

/** The host's reply. */
export interface ServerHello {
  readonly serverVersion: number;
  /** TWS local time as free text, e.g. `20260926 21:45:07 Central European Standard Time`. */
  readonly connectionTime: string;
}

/** The range official clients advertise by default, as 10.50 does. */
export const DEFAULT_CLIENT_RANGE: VersionRange = { min: MIN_CLIENT_VERSION, max: MAX_CLIENT_VERSION };

/** The version text of a hello: `v100..226`, plus a space and the options when there are any. */
export function clientHelloText(hello: Partial<ClientHello> = {}): string {
  const min = hello.min ?? DEFAULT_CLIENT_RANGE.min;
  const max = hello.max ?? DEFAULT_CLIENT_RANGE.max;
  checkRange(min, max);
  // The official clients write a single version as `v<max>` when min and max are equal.
  const range = min < max ? `v${min}..${max}` : `v${max}`;
  return hello.connectOptions ? `${range} ${hello.connectOptions}` : range;
}

/** All bytes a client sends before START_API: `API\0` and the length-prefixed version text. */
export function encodeClientHello(hello: Partial<ClientHello> = {}): Buffer {
  const text = Buffer.from(clientHelloText(hello), "latin1");
  return Buffer.concat([API_PREFIX, encodeFrame(text)]);
}

const RANGE_RE = /^v(\d+)(?:\.\.(\d+))?(?: (.*))?$/s;

/** Reads the version frame's payload (`v100..226 +PACEAPI`). */
export function decodeClientHello(payload: Uint8Array): ClientHello {
  const text = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString("latin1");
  const m = RANGE_RE.exec(text);
  if (!m) {
    throw new HandshakeError(`expected a version range like "v100..226", got ${JSON.stringify(text)}`, payload);
  }
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : Number(m[2]);
  if (min > max) throw new HandshakeError(`the version range ${JSON.stringify(text)} is empty`, payload);
  return { min, max, connectOptions: m[3] ?? "" };
}

/** The host's reply frame: server version and connection time as two text fields, never a binary id. */
export function encodeServerHello(hello: ServerHello): Buffer {
  return encodeFrame(Buffer.from(`${hello.serverVersion}\0${hello.connectionTime}\0`, "utf8"));
}

/** Reads the host's reply; it must hold exactly the two fields. */
export function decodeServerHello(payload: Uint8Array): ServerHello {
  const r = new FieldReader().reset(payload);
  if (r.remaining() !== 2) {
    throw new HandshakeError(
      `the host's reply to the handshake must hold 2 fields (server version, time), it holds ${r.remaining()}`,
      payload,
    );
  }
  const serverVersion = r.readInt();
  const connectionTime = r.readString();
  return { serverVersion, connectionTime };
}

/**
 * The version the host answers: the highest one inside both ranges. Throws {@link VersionNegotiationError}
 * when the ranges do not meet (a client whose minimum is above the host's maximum, or the other way round).
 */
export function negotiateServerVersion(client: VersionRange, host: VersionRange): number {
  const version = Math.min(client.max, host.max);
  if (version < client.min || version < host.min) {
    throw new VersionNegotiationError(client.min, client.max, host.min, host.max);
  }
  return version;
}

/**
 * Consumes the 4-byte `API\0` prefix on the host side, across chunks. `push` returns the bytes after the prefix
 * once it is complete (possibly empty) and undefined while it is not; a wrong prefix is a {@link HandshakeError}.
 */
export class ApiPrefixReader {
  private seen = 0;

  get done(): boolean {
    return this.seen === API_PREFIX.length;
  }

  push(chunk: Uint8Array): Uint8Array | undefined {
    let i = 0;
    while (this.seen < API_PREFIX.length && i < chunk.length) {
      if (chunk[i] !== API_PREFIX[this.seen]) {
        throw new HandshakeError(
          'the client did not start with "API\\0": not a TWS API client (or a pre-v100 client)',
          chunk.subarray(0, Math.min(chunk.length, 16)),
        );
      }
      this.seen++;
      i++;
    }
    return this.done ? chunk.subarray(i) : undefined;
  }
}

/**
 * The connection time as TWS writes it: `yyyyMMdd HH:mm:ss <long time-zone name>`, in the host's time zone,
 * e.g. `20260926 21:45:07 Central European Standard Time`.
 */
export function formatConnectionTime(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "long",
  }).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}${get("month")}${get("day")} ${get("hour")}:${get("minute")}:${get("second")} ${get("timeZoneName")}`;
}

function checkRange(min: number, max: number): void {
  if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) {
    throw new RangeError(`invalid version range ${min}..${max}`);
  }
}
