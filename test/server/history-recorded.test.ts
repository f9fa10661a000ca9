import { describe, expect, it } from "vitest";
import { steppedClock } from "../../src/server/index.js";
import { hostFixture } from "../harness/host-fixture.js";
import { readRecording } from "../harness/shared.js";

/**
 * The host against IB Gateway 10.40's recorded answers (../shared/recordings/gw1040): the recorded requests sent at
 * the recorded instants, answered with the same messages in the same order and the same shape.
 */

const fx = hostFixture();

interface ApiRecord {
  seq: number;
  leg: "api_out" | "api_in";
  msg_name: string;
  request?: Record<string, unknown>;
  callbacks?: unknown[][];
}

type RecordedBar = Record<string, unknown>;

/** A recorded request as the host's REQ_HISTORICAL_DATA value (the decoder leaves defaults out). */
function barsRequest(r: Record<string, unknown>) {
  return {
    reqId: r.reqId,
    contract: r.contract,
    endDateTime: (r.endDateTime as string) ?? "",
    durationStr: r.duration,
    barSizeSetting: r.barSizeSetting,
    whatToShow: r.whatToShow,
    useRTH: r.useRTH ? 1 : 0,
    formatDate: r.formatDate,
    keepUpToDate: r.keepUpToDate ?? false,
    chartOptions: [],
  };
}

/** The fields a bar has (the decoder leaves a zero barCount out; the host's tape trades every second). */
const shapeOf = (b: RecordedBar) => Object.keys({ barCount: 0, ...b }).sort();

describe("historical data as IB Gateway 10.40 answered", () => {
  it("keepUpToDate on a closed market: the last session's 30 bars, the period asked, no updates, then 162 on cancel", async () => {
    const { records } = readRecording<ApiRecord>("gw1040/scenarios/20260926/hist_keep_up_to_date.api.jsonl");
    const req = records.find((r) => r.msg_name === "REQ_HISTORICAL_DATA")!;
    const replies = records.filter((r) => r.leg === "api_in" && r.seq > req.seq);
    expect(replies.map((r) => r.msg_name)).toEqual(["ERR_MSG", "HISTORICAL_DATA", "HISTORICAL_DATA_END", "ERR_MSG"]);
    const recordedBars = replies[1]!.callbacks!.map((c) => c[2] as RecordedBar);
    const [, , start, end] = replies[2]!.callbacks![0] as [string, number, string, string];
    // The request left the client at the period's end: Saturday 2026-09-26 15:46:45 New York time.
    const { host, clock } = await fx.start({ clock: steppedClock(Date.UTC(2026, 8, 26, 19, 46, 45)) });
    const c = await fx.ready(host, 198);
    c.send("REQ_HISTORICAL_DATA", barsRequest(req.request!));
    const data = await c.take(() => true);
    expect(data.name).toBe("HISTORICAL_DATA");
    const bars = data.value.bars as RecordedBar[];
    expect(bars.map((b) => b.date)).toEqual(recordedBars.map((b) => b.date));
    for (const [i, b] of bars.entries()) expect(Object.keys(b).sort()).toEqual(shapeOf(recordedBars[i]!));
    const done = await c.take(() => true);
    expect(done.name).toBe("HISTORICAL_DATA_END");
    expect(done.value).toEqual({ reqId: req.request!.reqId, startDateStr: start, endDateStr: end });
    // The gateway sent no update before the cancel, 4 minutes later (seq 3731 → 3875): the market was closed.
    clock.advance(4 * 60_000);
    expect(c.pending()).toEqual([]);
    const cancel = records.find((r) => r.msg_name === "CANCEL_HISTORICAL_DATA")!;
    c.send("CANCEL_HISTORICAL_DATA", cancel.request);
    const [, id, , code, text] = replies[3]!.callbacks![0] as [string, number, null, number, string];
    expect(await c.takeError()).toEqual({ reqId: id, code, text });
    expect(clock.pendingTimers).toBe(0);
  });

  it("1 D of 1 hour bars before the open: the previous session's 7 bars in formatDate 1 and 2, head timestamps, 366", async () => {
    const { records } = readRecording<ApiRecord>("gw1040/codec/hmds_bars_and_head_timestamp.jsonl");
    const api = records.filter((r) => r.leg === "api_out" || r.leg === "api_in");
    // The first request left at 2026-10-02 04:57:40 New York time (its HISTORICAL_DATA_END's end).
    const { host } = await fx.start({ clock: steppedClock(Date.UTC(2026, 9, 2, 8, 57, 40)) });
    const c = await fx.ready(host, 198);
    const compared = { bars: 0, formats: new Set<number>(), head: 0, cancel: 0 };
    for (const [i, r] of api.entries()) {
      if (r.leg !== "api_out" || !r.request) continue;
      // The recorded answer: the next incoming message of its kind (farm notices come in between).
      const answer = (name: string) => api.slice(i + 1).find((a) => a.leg === "api_in" && a.msg_name === name)!;
      if (r.msg_name === "REQ_HISTORICAL_DATA") {
        if (r.request.barSizeSetting !== "1 hour") continue; // daily bars: the recording's month has a holiday
        c.send("REQ_HISTORICAL_DATA", barsRequest(r.request));
        const recorded = answer("HISTORICAL_DATA").callbacks!.map((cb) => cb[2] as RecordedBar);
        const bars = (await c.take("HISTORICAL_DATA")).value.bars as RecordedBar[];
        expect(bars).toHaveLength(7);
        compared.bars++;
        compared.formats.add(Number(r.request.formatDate));
        expect(bars.map((b) => b.date)).toEqual(recorded.map((b) => b.date));
        expect(bars.map((b) => Object.keys(b).sort())).toEqual(recorded.map(shapeOf));
        const end = answer("HISTORICAL_DATA_END").callbacks![0] as [string, number, string, string];
        expect((await c.take("HISTORICAL_DATA_END")).value).toEqual({
          reqId: r.request.reqId,
          startDateStr: end[2],
          endDateStr: end[3],
        });
      } else if (r.msg_name === "REQ_HEAD_TIMESTAMP") {
        c.send("REQ_HEAD_TIMESTAMP", { ...r.request, useRTH: r.request.useRTH ? 1 : 0 });
        const [, reqId, headTimestamp] = answer("HEAD_TIMESTAMP").callbacks![0] as [string, number, string];
        expect((await c.take("HEAD_TIMESTAMP")).value).toEqual({ reqId, headTimestamp });
        compared.head++;
      } else if (r.msg_name === "CANCEL_HISTORICAL_DATA") {
        c.send("CANCEL_HISTORICAL_DATA", r.request);
        const [, reqId, , code, text] = answer("ERR_MSG").callbacks![0] as [string, number, null, number, string];
        expect(await c.takeError()).toEqual({ reqId, code, text });
        expect(code).toBe(366);
        compared.cancel++;
      } else if (r.msg_name === "CANCEL_HEAD_TIMESTAMP") {
        c.send("CANCEL_HEAD_TIMESTAMP", r.request);
      }
    }
    expect(c.pending()).toEqual([]);
    // The recording's requests were all compared: hourly bars in both date formats, head timestamps, the 366.
    expect(compared.bars).toBeGreaterThanOrEqual(2);
    expect([...compared.formats].sort()).toEqual([1, 2]);
    expect(compared.head).toBeGreaterThan(0);
    expect(compared.cancel).toBe(1);
  });
});
