import { FieldReader } from "../../protocol/field-reader.js";
import { FrameDecoder } from "../../protocol/framing.js";
import { API_PREFIX, ApiPrefixReader, decodeClientHello, decodeServerHello } from "../../protocol/handshake.js";
import { incomingMessageName, outgoingMessageName } from "../../protocol/message-ids.js";
import { decodeFrame, MessageDecodeError, specRegistry } from "../../protocol/messages/index.js";

/** Which end of a connection sent the bytes. */
export type Side = "client" | "host";

/** One output line of `tws decode`. */
export type DecodeRecord = { type: "handshake" | "message" | "error"; conn: number; from: Side } & Record<
  string,
  unknown
>;

/** What both sides of one connection share: the negotiated server version, once known. */
export interface ConnectionState {
  serverVersion: number | undefined;
}

const HELLO_RE = /^(\d{3})\0[^\0]*\D[^\0]*\0$/;

/**
 * Decodes the bytes one side of a connection sent, with or without the handshake: the client's `API\0` and
 * version range, the host's reply holding the server version (which then applies to both sides), then one record
 * per frame. A frame that cannot be decoded yields an error record and decoding goes on.
 */
export class SideDecoder {
  private readonly frames = new FrameDecoder();
  private readonly reader = new FieldReader();
  private prefix: ApiPrefixReader | undefined;
  private started = false;
  private helloDone = false;

  constructor(
    readonly from: Side,
    readonly conn: number,
    private readonly state: ConnectionState,
  ) {}

  push(chunk: Uint8Array, emit: (r: DecodeRecord) => void): void {
    let data = chunk;
    if (!this.started && data.length > 0) {
      this.started = true;
      if (this.from === "client" && startsWithPrefix(data)) this.prefix = new ApiPrefixReader();
      else this.helloDone = this.from === "client";
    }
    if (this.prefix && !this.prefix.done) {
      const rest = this.prefix.push(data);
      if (rest === undefined) return;
      data = rest;
    }
    try {
      this.frames.push(data, (buf, start, end) => this.frame(buf, start, end, emit));
    } catch (err) {
      emit({ type: "error", conn: this.conn, from: this.from, message: (err as Error).message });
    }
  }

  /** Reports a stream that ended inside a frame. */
  end(emit: (r: DecodeRecord) => void): void {
    try {
      this.frames.end();
    } catch (err) {
      emit({ type: "error", conn: this.conn, from: this.from, message: (err as Error).message });
    }
  }

  private frame(buf: Uint8Array, start: number, end: number, emit: (r: DecodeRecord) => void): void {
    const payload = buf.subarray(start, end);
    if (!this.helloDone) {
      this.helloDone = true;
      if (this.from === "client") {
        const hello = decodeClientHello(payload);
        emit({ type: "handshake", conn: this.conn, from: "client", ...hello });
        return;
      }
      if (HELLO_RE.test(Buffer.from(payload).toString("latin1"))) {
        const hello = decodeServerHello(payload);
        this.state.serverVersion ??= hello.serverVersion;
        emit({ type: "handshake", conn: this.conn, from: "host", ...hello });
        return;
      }
    }
    const sv = this.state.serverVersion;
    if (sv === undefined) {
      emit({
        type: "error",
        conn: this.conn,
        from: this.from,
        message: "the server version is unknown: pass --server-version (a client's bytes alone do not carry it)",
        hex: Buffer.from(payload).toString("hex"),
      });
      return;
    }
    try {
      const d = decodeFrame(specRegistry, this.from, buf, start, end, sv, this.reader);
      emit({
        type: "message",
        conn: this.conn,
        from: this.from,
        id: d.id,
        wireId: d.wireId,
        name: d.spec.name,
        form: d.form,
        sv,
        fields: toJson(d.value),
      });
    } catch (err) {
      const e = err as Error;
      const id = e instanceof MessageDecodeError ? e.id : undefined;
      const name =
        id === undefined ? undefined : this.from === "client" ? outgoingMessageName(id) : incomingMessageName(id);
      emit({
        type: "error",
        conn: this.conn,
        from: this.from,
        ...(id !== undefined ? { id, name } : {}),
        sv,
        error: e.name,
        message: e.message,
        hex: Buffer.from(payload).toString("hex"),
      });
    }
  }
}

function startsWithPrefix(data: Uint8Array): boolean {
  for (let i = 0; i < Math.min(data.length, API_PREFIX.length); i++) if (data[i] !== API_PREFIX[i]) return false;
  return true;
}

/** Decoded values as JSON: Decimal and long values as strings (bigint), unset values as null. */
export function toJson(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  return value;
}
