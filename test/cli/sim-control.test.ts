import { afterEach, describe, expect, it } from "vitest";
import { type ControlServer, startControlServer } from "../../src/cli/sim-control.js";
import { hostFixture } from "../harness/host-fixture.js";

const fx = hostFixture();
let control: ControlServer | undefined;
afterEach(async () => {
  await control?.close();
  control = undefined;
});

async function post(path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`http://127.0.0.1:${control!.port}${path}`, {
    method: "POST",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe("tws sim --control-port", () => {
  it("drives the host's faults over loopback HTTP", async () => {
    const { host } = await fx.start();
    control = await startControlServer(host, 0);
    const client = await fx.ready(host, 1, { max: 176 });
    expect((await post("/faults/connectivityLost")).status).toBe(200);
    expect((await client.takeError()).code).toBe(1100);
    expect((await post("/faults/connectivityRestored", { dataLost: true })).json).toEqual({ ok: true, result: null });
    expect((await client.takeError()).code).toBe(1101);
    const status = await fetch(`http://127.0.0.1:${control.port}/status`);
    expect(await status.json()).toMatchObject({ ok: true, port: host.port });
  });

  it("answers unknown faults, bad arguments and bad bodies with a clear error", async () => {
    const { host } = await fx.start();
    control = await startControlServer(host, 0);
    expect(await post("/faults/explode")).toMatchObject({ status: 404, json: { ok: false } });
    expect(await post("/faults/stall", { clientId: "x" })).toMatchObject({ status: 400 });
    const bad = await fetch(`http://127.0.0.1:${control.port}/faults/clear`, { method: "POST", body: "[1" });
    expect(bad.status).toBe(400);
    expect((await post("/faults/delay", { message: "NOT_A_MESSAGE", ms: 5 })).status).toBe(422);
    const huge = await fetch(`http://127.0.0.1:${control.port}/faults/clear`, {
      method: "POST",
      body: "x".repeat(70000),
    });
    expect(huge.status).toBe(413);
  });
});
