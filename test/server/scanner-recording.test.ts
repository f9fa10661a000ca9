import { describe, expect, it } from "vitest";
import { scannerData } from "../../src/protocol/messages/news-and-scanners/scanner-replies.js";
import { MarketEngine } from "../../src/server/engine/market/index.js";
import { universeAt } from "../../src/server/engine/reference/universe.js";
import { changePercent } from "../../src/server/scanner/scan-codes.js";
import { hostFixture } from "../harness/host-fixture.js";
import { type RecordingRecord, readRecording } from "../harness/shared.js";
import type { Received } from "../harness/test-client.js";

const fx = hostFixture();
const SEED = 3;

/** The recordings ran at server version 214 (gw1040 README: the gateway answered 214). */
const RECORDED_SV = 214;

/** A callback argument as the recording's dump shows it: no empty, false or absent fields. */
function shown(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shown);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || v === null || v === "" || v === false) continue;
      out[k] = shown(v);
    }
    return out;
  }
  return value;
}

/** The shape of a scannerData callback: the keys of its contract details and contract, and its four strings. */
const shapeOf = (call: unknown[]) => {
  const details = shown(call[3]) as { contract: Record<string, unknown>; marketName?: string };
  return {
    name: call[0],
    detailKeys: Object.keys(details).sort(),
    contractKeys: Object.keys(details.contract).sort(),
    strings: call.slice(4),
  };
};

describe.each(["20260926", "20260926b"])("the recorded scanner_two scenario (%s)", (session) => {
  it("gets the same messages per request, in the same order and shape, from the simulated market", async () => {
    const { records } = readRecording<RecordingRecord>(`gw1040/scenarios/${session}/scanner_two.api.jsonl`);
    const requests = records.filter((r) => r.leg === "api_out" && r.msg_name === "REQ_SCANNER_SUBSCRIPTION");
    const cancels = records.filter((r) => r.leg === "api_out" && r.msg_name === "CANCEL_SCANNER_SUBSCRIPTION");
    const replies = records.filter((r) => r.leg === "api_in" && r.msg_name === "SCANNER_DATA");
    expect(requests).toHaveLength(2);
    expect(replies).toHaveLength(2);

    const { host, clock } = await fx.start({ seed: SEED });
    clock.advance(3_600_000);
    const engine = new MarketEngine({ seed: SEED });
    const c = await fx.ready(host, 198, { max: RECORDED_SV });
    for (const r of requests) {
      const q = r.request as { reqId: number; scannerSubscription: Record<string, unknown> };
      c.send("REQ_SCANNER_SUBSCRIPTION", {
        reqId: q.reqId,
        subscription: q.scannerSubscription,
        scannerSubscriptionOptions: undefined,
        scannerSubscriptionFilterOptions: undefined,
      });
    }
    // TWS answered 9006 before 9005 (its farm's latency); the host answers in request order. Each request's
    // answer is compared with its own recorded answer.
    for (const r of requests) {
      const q = r.request as { reqId: number; scannerSubscription: { numberOfRows: number; scanCode: string } };
      const recorded = replies.find((x) => x.callbacks![0]![1] === q.reqId)!.callbacks!;
      const ours: Received = await c.take((m) => m.name === "SCANNER_DATA" && m.value.reqId === q.reqId);
      expect(ours.form).toBe("protobuf");
      const calls = scannerData.callbacks(ours.value, RECORDED_SV, "protobuf") as unknown as unknown[][];
      // The same callbacks: one scannerData per row, ranks from 0, then scannerDataEnd.
      expect(calls.at(-1)).toEqual(["scannerDataEnd", q.reqId]);
      expect(recorded.at(-1)).toEqual(["scannerDataEnd", q.reqId]);
      const rows = calls.slice(0, -1);
      expect(rows.map((x) => x[2])).toEqual(rows.map((_, i) => i));
      expect(recorded.slice(0, -1).map((x) => x[2])).toEqual(recorded.slice(0, -1).map((_, i) => i));
      // Row count: TWS filled the rows asked for from its whole market; the host fills as many as its
      // universe has for the scan, never more than asked.
      expect(recorded.length - 1).toBe(q.scannerSubscription.numberOfRows);
      const eligible = universeAt(clock.now())
        .instruments.filter((i) => i.details.contract.secType === "STK")
        .map((i) => engine.instrumentOf(i.details.contract))
        .filter((i) => i !== undefined)
        .map((i) => engine.state(i, clock.now()))
        .filter((s) => (q.scannerSubscription.scanCode === "TOP_PERC_GAIN" ? changePercent(s) > 0 : s.volume > 0));
      expect(rows.length).toBe(Math.min(q.scannerSubscription.numberOfRows, eligible.length));
      expect(rows.length).toBeGreaterThan(0);
      // The same shape per row: the same contract fields present, the same empty strings.
      const recordedShape = shapeOf(recorded[0] as unknown[]);
      for (const row of rows) expect(shapeOf(row)).toEqual(recordedShape);
      for (const row of recorded.slice(0, -1)) expect(shapeOf(row as unknown[])).toEqual(recordedShape);
    }

    for (const r of cancels) c.send("CANCEL_SCANNER_SUBSCRIPTION", r.request);
    // The recording's last record is the acknowledgement of the first cancel; it stops there (its capture
    // ends three records after the cancels), so the second acknowledgement, which the host sends next, is
    // past its end.
    const recordedAck = records.at(-1)!;
    expect(recordedAck.msg_name).toBe("ERR_MSG");
    const [, reqId, , code, text] = recordedAck.callbacks![0]!;
    expect(await c.take("ERR_MSG")).toMatchObject({ value: { reqId, errorCode: code, errorString: text } });
    const second = (cancels[1]!.request as { reqId: number }).reqId;
    expect((await c.take("ERR_MSG")).value).toMatchObject({
      reqId: second,
      errorCode: code,
      errorString: String(text).replace(String(reqId), String(second)),
    });
    clock.advance(120_000);
    c.send("REQ_CURRENT_TIME", {});
    await c.take("CURRENT_TIME");
    expect(c.pending()).toEqual([]);
  });
});
