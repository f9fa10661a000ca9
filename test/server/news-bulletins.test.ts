import { describe, expect, it } from "vitest";
import { zoneOffset } from "../../src/server/engine/market/calendar.js";
import { localDay } from "../../src/server/engine/market/index.js";
import { bulletinsBetween } from "../../src/server/news/bulletins.js";
import { hostFixture } from "../harness/host-fixture.js";
import type { TestClient } from "../harness/test-client.js";

const fx = hostFixture();
const SEED = 5;
const DAY = 86_400_000;

async function barrier(c: TestClient): Promise<void> {
  c.send("REQ_CURRENT_TIME", {});
  await c.take("CURRENT_TIME");
}

const asSent = (b: ReturnType<typeof bulletinsBetween>[number]) => ({
  msgId: b.msgId,
  msgType: b.msgType,
  newsMessage: b.newsMessage,
  originExch: b.originExch,
});

const midnightEastern = (t: number) => localDay("US/Eastern", t) * DAY - zoneOffset("US/Eastern", t);

describe.each([176, 214])("news bulletins at server version %i", (sv) => {
  it("sends the day's bulletins with allMsgs, new ones on the host clock, until cancelled or the client leaves", async () => {
    const { host, clock, logs } = await fx.start({ seed: SEED });
    clock.advance(8 * 3_600_000);
    const c = await fx.ready(host, 1, { max: sv });
    const other = await fx.ready(host, 2, { max: sv });
    const now = clock.now();
    const today = bulletinsBetween(SEED, midnightEastern(now) - 1, now);
    expect(today.length).toBeGreaterThan(0);
    c.send("REQ_NEWS_BULLETINS", { allMsgs: true });
    other.send("REQ_NEWS_BULLETINS", { allMsgs: false });
    await barrier(c);
    await barrier(other);
    const got = c.pending().filter((m) => m.name === "NEWS_BULLETINS");
    expect(got.map((m) => m.value)).toEqual(today.map(asSent));
    for (const m of got) await c.take((x) => x === m);
    expect(other.pending()).toEqual([]);
    for (const m of got) expect(m.value.newsMessage).toMatch(/^\[SIM\] /);

    // The next bulletins reach both subscribers when they fall due, not before.
    const coming = bulletinsBetween(SEED, now, now + DAY);
    expect(coming.length).toBeGreaterThan(1);
    clock.advanceTo(coming[0]!.time - 1);
    await barrier(c);
    expect(c.pending()).toEqual([]);
    clock.advanceTo(coming[1]!.time);
    for (const client of [c, other]) {
      for (const b of coming.slice(0, 2)) expect((await client.take("NEWS_BULLETINS")).value).toEqual(asSent(b));
    }
    // Cancelled: nothing more for it; the other still hears them.
    c.send("CANCEL_NEWS_BULLETINS", {});
    await barrier(c);
    clock.advanceTo(coming.at(-1)!.time);
    await barrier(c);
    await barrier(other);
    expect(c.pending()).toEqual([]);
    expect(other.pending().filter((m) => m.name === "NEWS_BULLETINS").length).toBe(coming.length - 2);
    // The last subscriber leaves: no timer is left on the clock.
    expect(clock.pendingTimers).toBe(1);
    other.close();
    await logs.waitFor((e) => e.message === "client 2 disconnected");
    expect(clock.pendingTimers).toBe(0);
  });
});
