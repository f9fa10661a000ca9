/**
 * Golden vectors: one frame payload in the readable notation (test/harness/notation.ts), the server version it
 * belongs to, and where the bytes came from (docs/decisions/0002-whose-bytes.md). None is our own output.
 */
export interface GoldenVector {
  /** The message name as in messages.json. */
  message: string;
  /** Who sends the frame: `client` (a request) or `host` (a reply). */
  sender: "client" | "host";
  /** Negotiated server version. */
  sv: number;
  /** The payload in notation: `71|2|7||`, or `271#0807` for protobuf. */
  frame: string;
  /** `official-python-10.46.01`, `hand:<official file and function>`, `stoqey`, `gw1040:<file>#<seq>`. */
  source: string;
  /** Requests: the message value (the official EClient method's arguments by name). */
  value?: unknown;
  /** Replies: the EWrapper calls the official client makes for this frame, rendered as the harness renders them. */
  callbacks?: unknown[][];
  /** Optional note on what the vector pins down. */
  note?: string;
}

/** Turns the `request` of a recorded gw1040 client frame into the message value of our spec. */
export type RequestAdapter = (request: Record<string, unknown>) => unknown;
