import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type CaptureRecord, redactAccounts, startRecordingProxy } from "../../src/cli/record/proxy.js";
import { EClient } from "../../src/client/eclient.js";
import { encodeFrame } from "../../src/protocol/framing.js";
import { notationToPayload } from "../harness/notation.js";
import { type ScriptedHost, startScriptedHost } from "../harness/scripted-host.js";
import { jsonLines, run } from "./run.js";

let host: ScriptedHost | undefined;
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
  await host?.close();
  host = undefined;
});

describe("tws record", () => {
  it("forwards a session unchanged and captures both directions, which tws decode reads back", async () => {
    host = await startScriptedHost({
      maxVersion: 176,
      onFrame: (conn) => conn.send(encodeFrame(notationToPayload("15|1|DU1234567|", 176))),
    });
    const records: CaptureRecord[] = [];
    const proxy = await startRecordingProxy({
      listenPort: 0,
      target: { host: "127.0.0.1", port: host.port },
      write: (r) => records.push(r),
      redact: true,
    });
    cleanup.push(() => proxy.close());
    const accounts: string[] = [];
    const client = new EClient({ managedAccounts: (a: string) => accounts.push(a) });
    cleanup.push(() => client.disconnect());
    await client.connect("127.0.0.1", proxy.port, 4);
    await new Promise<void>((resolve) => {
      const check = () => (accounts.length > 0 ? resolve() : setImmediate(check));
      check();
    });
    // The client got the real bytes; only the record is masked.
    expect(accounts).toEqual(["DU1234567"]);
    expect(records.every((r) => r.conn === 1)).toBe(true);
    expect(new Set(records.map((r) => r.from))).toEqual(new Set(["client", "host"]));

    const dir = mkdtempSync(join(tmpdir(), "tws-record-"));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "capture.jsonl");
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join("\n"));
    const lines = jsonLines((await run(["decode", file])).stdout);
    expect(lines.map((l) => [l.type, l.from, l.name ?? null])).toEqual([
      ["handshake", "client", null],
      ["handshake", "host", null],
      ["message", "client", "START_API"],
      ["message", "host", "MANAGED_ACCTS"],
    ]);
    expect(lines[3]).toMatchObject({ fields: { accountsList: "DUXXXXXXX" } });
  });

  it("masks account ids without changing lengths", () => {
    const chunk = Buffer.from("\0\0\0\x1415\x001\x00DU1234567,U7654321\x00", "latin1");
    const masked = redactAccounts(chunk);
    expect(masked.length).toBe(chunk.length);
    expect(masked.toString("latin1")).toContain("DUXXXXXXX,UXXXXXXX");
    expect(redactAccounts(Buffer.from("no ids here"))).toEqual(Buffer.from("no ids here"));
  });

  it("refuses a target without a port (exit 1)", async () => {
    const res = await run(["record", "--listen", "0", "--to", "localhost", "--out", "x.jsonl"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/HOST:PORT/);
  });
});
