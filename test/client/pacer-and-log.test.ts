import { afterEach, describe, expect, it } from "vitest";
import { DefaultEWrapper } from "../../src/client/default-wrapper.js";
import { EClient } from "../../src/client/eclient.js";
import type { MessageLogEntry } from "../../src/client/eclient-core.js";
import { Pacer, type PacerClock } from "../../src/client/pacer.js";
import { encodeFrame } from "../../src/protocol/framing.js";
import { notationToPayload } from "../harness/notation.js";
import { type ScriptedHost, startScriptedHost } from "../harness/scripted-host.js";

/** A clock the test moves by hand: timers fire only when it is advanced. */
function steppedClock(): PacerClock & { advance(ms: number): void } {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout(h) {
      const i = timers.findIndex((t) => t.id === h);
      if (i >= 0) timers.splice(i, 1);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const t = timers[0];
        if (!t || t.at > end) break;
        timers.shift();
        now = t.at;
        t.fn();
      }
      now = end;
    },
  };
}

describe("Pacer", () => {
  it("sends at most the rate per sliding second, in order, and reports throttling", () => {
    const clock = steppedClock();
    const throttle: [boolean, number][] = [];
    const pacer = new Pacer({ messagesPerSecond: 3, clock, onThrottle: (t, q) => throttle.push([t, q]) });
    const sent: string[] = [];
    for (const id of ["a", "b", "c", "d", "e"]) pacer.submit(() => sent.push(id));
    expect(sent).toEqual(["a", "b", "c"]);
    expect(pacer.queued).toBe(2);
    clock.advance(999);
    expect(sent).toEqual(["a", "b", "c"]);
    clock.advance(1);
    expect(sent).toEqual(["a", "b", "c", "d", "e"]);
    expect(throttle).toEqual([
      [true, 1],
      [false, 0],
    ]);
  });

  it("lets cancels through ahead of queued requests", () => {
    const clock = steppedClock();
    const pacer = new Pacer({ messagesPerSecond: 2, clock });
    const sent: string[] = [];
    for (const id of ["r1", "r2", "r3", "r4"]) pacer.submit(() => sent.push(id));
    pacer.submit(() => sent.push("cancel"), "cancel");
    clock.advance(1000);
    expect(sent).toEqual(["r1", "r2", "cancel", "r3"]);
    clock.advance(1000);
    expect(sent).toEqual(["r1", "r2", "cancel", "r3", "r4"]);
  });

  it("refuses when its queue is full and drops everything on clear (nothing is sent later)", () => {
    const clock = steppedClock();
    const pacer = new Pacer({ messagesPerSecond: 1, maxQueue: 2, clock });
    const sent: number[] = [];
    expect(pacer.submit(() => sent.push(1))).toBe(true);
    expect(pacer.submit(() => sent.push(2))).toBe(true);
    expect(pacer.submit(() => sent.push(3))).toBe(true);
    expect(pacer.submit(() => sent.push(4))).toBe(false);
    expect(pacer.clear()).toBe(2);
    clock.advance(5000);
    expect(sent).toEqual([1]);
  });
});

describe("EClient pacing, message log and the default wrapper", () => {
  let host: ScriptedHost | undefined;
  let client: EClient | undefined;
  afterEach(async () => {
    await client?.disconnect();
    await host?.close();
    client = undefined;
    host = undefined;
  });

  it("paces requests over the socket and refuses with the request's send error when the queue is full", async () => {
    host = await startScriptedHost({ maxVersion: 176 });
    const clock = steppedClock();
    const errors: unknown[][] = [];
    client = new EClient(
      { error: (...a: unknown[]) => errors.push(a) },
      { pacing: { messagesPerSecond: 2, maxQueue: 1, clock } },
    );
    await client.connect("127.0.0.1", host.port, 3);
    // START_API took one slot of this second.
    client.reqCurrentTime();
    client.reqCurrentTime();
    client.reqCurrentTime();
    await host.waitForFrames(2);
    expect(errors.map((e) => e[2])).toEqual([531]);
    clock.advance(1000);
    const frames = await host.waitForFrames(3);
    expect(frames.map((f) => f.toString("latin1"))).toEqual(["71\x002\x003\x00\x00", "49\x001\x00", "49\x001\x00"]);
  });

  it("logs every request and callback with account ids redacted", async () => {
    host = await startScriptedHost({ maxVersion: 176 });
    const log: MessageLogEntry[] = [];
    client = new EClient({}, { messageLog: (e) => log.push(e), redactAccounts: true });
    await client.connect("127.0.0.1", host.port, 3);
    client.reqManagedAccts();
    host.connections[0]!.send(encodeFrame(notationToPayload("15|1|DU1234567,U7654321|", 176)));
    await new Promise<void>((resolve) => {
      const check = () => (log.some((e) => e.direction === "in") ? resolve() : setImmediate(check));
      check();
    });
    expect(log.map((e) => [e.direction, e.name])).toEqual([
      ["out", "START_API"],
      ["out", "REQ_MANAGED_ACCTS"],
      ["in", "managedAccounts"],
    ]);
    expect(JSON.stringify(log)).not.toMatch(/DU1234567|U7654321/);
  });

  it("DefaultEWrapper logs the callbacks a subclass leaves out", async () => {
    host = await startScriptedHost({ maxVersion: 176 });
    const lines: string[] = [];
    const seen: number[] = [];
    class Times extends DefaultEWrapper {
      currentTime(time: number) {
        seen.push(time);
      }
    }
    client = new EClient(new Times((l) => lines.push(l)));
    await client.connect("127.0.0.1", host.port, 3);
    const conn = host.connections[0]!;
    conn.send(encodeFrame(notationToPayload("49|1|1764000000|", 176)));
    conn.send(encodeFrame(notationToPayload("9|1|42|", 176)));
    await new Promise<void>((resolve) => {
      const check = () => (lines.length > 1 ? resolve() : setImmediate(check));
      check();
    });
    expect(seen).toEqual([1764000000]);
    expect(lines).toEqual(["tws-ts: unhandled connectAck()", "tws-ts: unhandled nextValidId(42)"]);
  });
});
