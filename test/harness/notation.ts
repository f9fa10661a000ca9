import { ServerVersion } from "../../src/protocol/server-versions.js";

/**
 * The readable notation of golden frames (payloads, without the length prefix):
 * - text: fields joined by `|`, each `|` standing for the NUL that ends a field, e.g. `4|2|-1|2104|...|`.
 *   The first field is the message id; from server version 201 it goes on the wire as a 4-byte big-endian int.
 * - protobuf: `<wire id>#<hex body>`, e.g. `204#08ff...` (only from server version 201).
 */
export function notationToPayload(notation: string, serverVersion: number): Buffer {
  const hash = notation.indexOf("#");
  if (hash > 0 && /^\d+$/.test(notation.slice(0, hash))) {
    if (serverVersion < ServerVersion.PROTOBUF) throw new Error(`protobuf notation at server version ${serverVersion}`);
    const id = Buffer.alloc(4);
    id.writeUInt32BE(Number(notation.slice(0, hash)));
    return Buffer.concat([id, Buffer.from(notation.slice(hash + 1), "hex")]);
  }
  if (!notation.endsWith("|")) throw new Error(`text notation must end with "|": ${notation}`);
  const fields = notation.slice(0, -1).split("|");
  if (serverVersion >= ServerVersion.PROTOBUF) {
    const id = Buffer.alloc(4);
    id.writeUInt32BE(Number(fields.shift()));
    return Buffer.concat([id, Buffer.from(fields.map((f) => `${f}\0`).join(""), "utf8")]);
  }
  return Buffer.from(fields.map((f) => `${f}\0`).join(""), "utf8");
}

/** The notation of a payload (the inverse of {@link notationToPayload}). */
export function payloadToNotation(payload: Uint8Array, serverVersion: number): string {
  const buf = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  if (serverVersion >= ServerVersion.PROTOBUF) {
    const id = buf.readUInt32BE(0);
    if (id > 200) return `${id}#${buf.subarray(4).toString("hex")}`;
    return `${id}|${textFields(buf.subarray(4))}`;
  }
  return textFields(buf);
}

function textFields(buf: Buffer): string {
  return buf.toString("utf8").replaceAll("\0", "|");
}
