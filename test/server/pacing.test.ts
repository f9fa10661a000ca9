import { describe, expect, it } from "vitest";
import { steppedClock } from "../../src/server/clock.js";
import { TwsCode } from "../../src/server/index.js";
import { RequestPacer } from "../../src/server/pacing.js";
import { hostFixture } from "../harness/host-fixture.js";
import type { TestClient } from "../harness/test-client.js";

const fx = hostFixture();

/** Sends `n` REQ_CURRENT_TIME at once. */
function burst(c: TestClient, n: number): void {
  for (let i = 0; i < n; i++) c.send("REQ_CURRENT_TIME", {});
}

async function takeMany(c: TestClient, name: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await c.take(name));
  return out;
}

describe("request pacing (reject mode)", () => {
  it("answers 50 requests a second, refuses each excess one with 100, and closes on the third violation", async () => {
    const { host, clock, logs } = await fx.start();
    const c = await fx.ready(host, 1, { max: 176 });
    const other = await fx.ready(host, 2, { max: 176 });

    // Window 1: 50 answered, then 11 refused, all one violation.
    burst(c, 61);
    await takeMany(c, "CURRENT_TIME", 50);
    const first = await Promise.all(Array.from({ length: 11 }, () => c.takeError(TwsCode.MAX_RATE_EXCEEDED)));
    expect(first.map((e) => e.text)).toEqual(
      Array.from(
        { length: 11 },
        (_, i) => `Max rate of messages per second has been exceeded:max=50 rec=${51 + i} (1)`,
      ),
    );
    expect(first[0]!.reqId).toBe(-1);
    // The pacing of one client is its own: another is answered at once.
    other.send("REQ_CURRENT_TIME", {});
    await other.take("CURRENT_TIME");

    // Half a window later the requests are still in the window: more refusals, same violation.
    clock.advance(500);
    c.send("REQ_CURRENT_TIME", {});
    expect((await c.takeError(TwsCode.MAX_RATE_EXCEEDED)).text).toMatch(/rec=\d+ \(1\)$/);

    // A window later: 50 again, then the second violation.
    clock.advance(1000);
    burst(c, 51);
    await takeMany(c, "CURRENT_TIME", 50);
    expect((await c.takeError(TwsCode.MAX_RATE_EXCEEDED)).text).toMatch(/\(2\)$/);

    clock.advance(1000);
    burst(c, 55);
    await takeMany(c, "CURRENT_TIME", 50);
    expect((await c.takeError(TwsCode.MAX_RATE_EXCEEDED)).text).toMatch(/max=50 rec=51 \(3\)$/);
    await c.closed;
    // The four requests after the fatal one got nothing.
    expect(c.pending()).toEqual([]);
    expect(logs.entries.some((e) => e.clientId === 1 && /closed after 3 request rate violations/.test(e.message))).toBe(
      true,
    );
    other.send("REQ_CURRENT_TIME", {});
    await other.take("CURRENT_TIME");
  });

  it("slides the window: requests spread over a second never violate", async () => {
    const { host, clock } = await fx.start({ requestsPerSecond: 10 });
    const c = await fx.ready(host, 1);
    for (let step = 0; step < 30; step++) {
      burst(c, 5);
      await takeMany(c, "CURRENT_TIME", 5);
      clock.advance(500);
    }
    expect(c.pending()).toEqual([]);
  });

  it("carries the request id of the refused request", async () => {
    const { host } = await fx.start({ requestsPerSecond: 1 });
    const c = await fx.ready(host, 1, { max: 226 });
    c.send("REQ_USER_INFO", { reqId: 41 });
    c.send("REQ_USER_INFO", { reqId: 42 });
    expect((await c.take("USER_INFO")).value.reqId).toBe(41);
    expect(await c.takeError()).toEqual({
      reqId: 42,
      code: TwsCode.MAX_RATE_EXCEEDED,
      text: "Max rate of messages per second has been exceeded:max=1 rec=2 (1)",
    });
  });
});

describe("request pacing (pace mode)", () => {
  it("delays the excess requests in order instead of refusing them", async () => {
    const { host, clock, logs } = await fx.start({ pacing: "pace" });
    const c = await fx.ready(host, 1, { max: 176 });
    const t0 = clock.now();
    burst(c, 60);
    c.send("REQ_USER_INFO", { reqId: 5 });
    await takeMany(c, "CURRENT_TIME", 50);
    // The 51st request has reached the host and waits.
    await logs.waitFor((e) => /paced: REQ_USER_INFO waits .*11 waiting/.test(e.message));
    expect(c.pending()).toEqual([]);
    clock.advance(1000);
    const late = await takeMany(c, "CURRENT_TIME", 10);
    expect(late.every((m) => m.value.time === Math.floor((t0 + 1000) / 1000))).toBe(true);
    expect((await c.take("USER_INFO")).value.reqId).toBe(5);
    expect(c.received.some((m) => m.name === "ERR_MSG" && m.value.errorCode === TwsCode.MAX_RATE_EXCEEDED)).toBe(false);
  });

  it("is chosen per connection by +PACEAPI in the connect options", async () => {
    const { host, clock, logs } = await fx.start({ requestsPerSecond: 2 });
    const c = await fx.ready(host, 1, { connectOptions: "+PACEAPI" });
    burst(c, 3);
    await takeMany(c, "CURRENT_TIME", 2);
    await logs.waitFor((e) => /paced/.test(e.message));
    clock.advance(1000);
    await c.take("CURRENT_TIME");
  });
});

describe("RequestPacer", () => {
  it("counts one violation per window and reports the received count", () => {
    const clock = steppedClock(0);
    const p = new RequestPacer({ limit: 2, mode: "reject", clock });
    const ran: number[] = [];
    const r = [1, 2, 3, 4].map((i) => p.submit(() => ran.push(i)));
    expect(ran).toEqual([1, 2]);
    expect(r[2]).toEqual({ kind: "rejected", received: 3, violation: 1, fatal: false });
    expect(r[3]).toEqual({ kind: "rejected", received: 4, violation: 1, fatal: false });
    clock.advance(999);
    expect(p.submit(() => {})).toMatchObject({ kind: "rejected", violation: 1 });
    // At 1000 the requests at 0 have left the window; the one at 999 has not.
    clock.advance(1);
    expect(p.submit(() => {})).toEqual({ kind: "run" });
    expect(p.submit(() => {})).toEqual({ kind: "rejected", received: 3, violation: 2, fatal: false });
    clock.advance(1000);
    p.submit(() => {});
    p.submit(() => {});
    expect(p.submit(() => {})).toEqual({ kind: "rejected", received: 3, violation: 3, fatal: true });
  });

  it("paces in order and drops the waiting requests when disposed", () => {
    const clock = steppedClock(0);
    const p = new RequestPacer({ limit: 1, mode: "pace", clock });
    const ran: number[] = [];
    for (let i = 0; i < 3; i++) p.submit(() => ran.push(i));
    expect(ran).toEqual([0]);
    clock.advance(1000);
    expect(ran).toEqual([0, 1]);
    p.dispose();
    clock.advance(5000);
    expect(ran).toEqual([0, 1]);
    expect(clock.pendingTimers).toBe(0);
  });
});
