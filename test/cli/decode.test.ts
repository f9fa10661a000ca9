import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { encodeFrame } from "../../src/protocol/framing.js";
import { notationToPayload } from "../harness/notation.js";
import { readRecording } from "../harness/shared.js";
import { jsonLines, run } from "./run.js";

const dir = mkdtempSync(join(tmpdir(), "tws-decode-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(content: Buffer | string): string {
  const path = join(dir, `input-${n++}`);
  writeFileSync(path, content);
  return path;
}

/** The real gateway session connect_only (gw1040) as a `tws record` capture: raw records get their length prefix back. */
function connectOnlyCapture(): string {
  const { records } = readRecording("gw1040/scenarios/20260926/connect_only.jsonl");
  const lines: string[] = [];
  for (const r of records) {
    if (r.leg !== "api_out" && r.leg !== "api_in") continue;
    const raw = Buffer.from(r.raw_b64!, "base64");
    const bytes = r.msg_name === "API_PREFIX" ? raw : encodeFrame(raw);
    lines.push(
      JSON.stringify({ t: r.seq, conn: 1, from: r.leg === "api_out" ? "client" : "host", hex: bytes.toString("hex") }),
    );
  }
  return `${lines.join("\n")}\n`;
}

describe("tws decode", () => {
  it("decodes a capture of a real gateway session: one JSON line per frame, handshake included", async () => {
    const res = await run(["decode", file(connectOnlyCapture())]);
    expect(res.code).toBe(0);
    const lines = jsonLines(res.stdout);
    expect(lines[0]).toEqual({ type: "handshake", conn: 1, from: "client", min: 100, max: 225, connectOptions: "" });
    expect(lines[1]).toMatchObject({ type: "handshake", from: "host", serverVersion: 214 });
    expect(lines[2]).toMatchObject({
      type: "message",
      from: "client",
      id: 71,
      wireId: 271,
      name: "START_API",
      form: "protobuf",
      sv: 214,
      fields: { clientId: 198, optionalCapabilities: "" },
    });
    // MANAGED_ACCTS, NEXT_VALID_ID and three farm notices follow: every frame gives exactly one line, named.
    expect(lines).toHaveLength(8);
    expect(lines.slice(3).map((l) => l.name)).toEqual([
      "MANAGED_ACCTS",
      "NEXT_VALID_ID",
      "ERR_MSG",
      "ERR_MSG",
      "ERR_MSG",
    ]);
  });

  it("needs the server version for a client's bytes alone, and decodes text frames with it", async () => {
    const frames = Buffer.concat([encodeFrame(notationToPayload("71|2|7||", 176))]);
    const without = jsonLines((await run(["decode", "--from", "client", file(frames)])).stdout);
    expect(without[0]).toMatchObject({ type: "error", from: "client" });
    expect(String(without[0]!.message)).toMatch(/--server-version/);
    const res = await run(["decode", "--from", "client", "--server-version", "176", file(frames)]);
    expect(jsonLines(res.stdout)).toEqual([
      {
        type: "message",
        conn: 1,
        from: "client",
        id: 71,
        wireId: 71,
        name: "START_API",
        form: "text",
        sv: 176,
        fields: { clientId: 7, optionalCapabilities: "" },
      },
    ]);
  });

  it("reports an undecodable frame with its name and goes on with the next", async () => {
    const bytes = Buffer.concat([
      encodeFrame(Buffer.from("176\x0020261124 09:30:00 EST\x00")),
      encodeFrame(notationToPayload("1|6|1|1|abc|100|0|", 176)),
      encodeFrame(notationToPayload("999|1|", 176)),
      encodeFrame(notationToPayload("2|6|1|0|300|", 176)),
    ]);
    const lines = jsonLines((await run(["decode", "--from", "host", file(bytes)])).stdout);
    expect(lines.map((l) => l.type)).toEqual(["handshake", "error", "error", "message"]);
    expect(lines[1]).toMatchObject({ id: 1, name: "TICK_PRICE", sv: 176 });
    expect(lines[2]).toMatchObject({ error: "UnknownMessageIdError" });
    expect(lines[3]).toMatchObject({ name: "TICK_SIZE", fields: { reqId: 1, tickType: 0, size: "300" } });
  });

  it("prints unset values as null and reports a stream cut inside a frame", async () => {
    const bytes = Buffer.concat([encodeFrame(notationToPayload("2|6|1|0||", 176)), Buffer.from([0, 0, 0, 9, 1])]);
    const lines = jsonLines((await run(["decode", "--from", "host", "--server-version", "176", file(bytes)])).stdout);
    expect(lines[0]).toMatchObject({ type: "message", fields: { size: null } });
    expect(lines[1]).toMatchObject({ type: "error" });
  });

  it("exits 3 for a missing file and 1 for a bad --from", async () => {
    expect((await run(["decode", join(dir, "nope")])).code).toBe(3);
    expect((await run(["decode", "--from", "middle", join(dir, "nope")])).code).toBe(1);
  });
});
