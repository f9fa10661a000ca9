import { type ConnectionState, type DecodeRecord, type Side, SideDecoder } from "./side-decoder.js";

/** One line of a `tws record` capture: a chunk of bytes one side of a connection sent. */
export interface CaptureLine {
  t: number;
  conn: number;
  from: Side;
  hex: string;
}

/**
 * Decodes a capture (both sides of one or more connections) in file order: each connection has its own server
 * version, learnt from the host's handshake reply (or given).
 */
export class CaptureDecoder {
  private readonly conns = new Map<number, { state: ConnectionState; client: SideDecoder; host: SideDecoder }>();

  constructor(private readonly serverVersion: number | undefined) {}

  line(line: CaptureLine, emit: (r: DecodeRecord) => void): void {
    let c = this.conns.get(line.conn);
    if (!c) {
      const state: ConnectionState = { serverVersion: this.serverVersion };
      c = {
        state,
        client: new SideDecoder("client", line.conn, state),
        host: new SideDecoder("host", line.conn, state),
      };
      this.conns.set(line.conn, c);
    }
    (line.from === "client" ? c.client : c.host).push(Buffer.from(line.hex, "hex"), emit);
  }

  end(emit: (r: DecodeRecord) => void): void {
    for (const c of this.conns.values()) {
      c.client.end(emit);
      c.host.end(emit);
    }
  }
}

/** True when the input looks like a capture (JSON lines) rather than raw bytes. */
export function isCapture(head: Uint8Array): boolean {
  for (const b of head) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09) continue;
    return b === 0x7b; // "{"
  }
  return false;
}
