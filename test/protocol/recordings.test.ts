import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeMessage, encodeMessage, specRegistry } from "../../src/protocol/messages/index.js";
import { ErrorMessage } from "../../src/protocol/proto/index.js";
import { normalizeCalls, renderCalls } from "../harness/render.js";
import { type RecordingRecord, readRecording, sharedPath } from "../harness/shared.js";
import { recordedMessageNames, requestAdapters } from "../vectors/index.js";

/**
 * Every recorded frame of a real IB Gateway 10.40 session (server version 214) whose message has a spec:
 * gateway frames decode to the callbacks the official client 10.46.01 made and re-encode to the same bytes;
 * client frames re-encode from the recorded request to the recorded bytes.
 */
const SV = 214;
const files = readdirSync(sharedPath("recordings", "gw1040", "codec")).filter((f) => f.endsWith(".jsonl"));

interface Case {
  file: string;
  rec: RecordingRecord;
}

const incoming: Case[] = [];
const outgoing: Case[] = [];
for (const file of files) {
  for (const rec of readRecording(`gw1040/codec/${file}`).records) {
    if (!rec.raw_b64 || !rec.msg_name) continue;
    rec.msg_name = recordedMessageNames[rec.msg_name] ?? rec.msg_name;
    if (rec.leg === "api_in" && [...specRegistry.incoming.values()].some((s) => s.name === rec.msg_name)) {
      incoming.push({ file, rec });
    }
    if (rec.leg === "api_out" && requestAdapters[rec.msg_name]) outgoing.push({ file, rec });
  }
}

describe("gw1040 recordings: gateway frames", () => {
  it("has frames for every spec'd reply the recordings contain", () => {
    expect(incoming.length).toBeGreaterThan(100);
  });

  it.each(incoming.map((c) => [`${c.file}#${c.rec.seq} ${c.rec.msg_name}`, c] as const))("%s", (_, { rec }) => {
    const raw = Buffer.from(rec.raw_b64!, "base64");
    const d = decodeMessage(specRegistry, "host", raw, SV);
    expect(d.spec.name).toBe(rec.msg_name);
    if (d.spec.direction !== "in") throw new Error("not a reply");
    const calls = renderCalls(d.spec.callbacks(d.value, SV, d.form));
    if (rec.msg_name === "ERR_MSG") {
      // The recordings print ERR_MSG's errorTime as null although the frames carry it (protobuf field 2): check
      // it against the frame itself, then compare the rest.
      const errorTime = ErrorMessage.decode(raw.subarray(4)).errorTime;
      expect(calls[0]![2]).toBe(Number(errorTime));
      calls[0]![2] = null;
    }
    expect(normalizeCalls(calls)).toEqual(normalizeCalls(rec.callbacks!));
    expect(encodeMessage(d.spec, d.value, SV, undefined, d.form).subarray(4).toString("hex")).toBe(raw.toString("hex"));
  });
});

describe("gw1040 recordings: client frames", () => {
  it.each(outgoing.map((c) => [`${c.file}#${c.rec.seq} ${c.rec.msg_name}`, c] as const))("%s", (_, { rec }) => {
    const raw = Buffer.from(rec.raw_b64!, "base64");
    const spec = [...specRegistry.outgoing.values()].find((s) => s.name === rec.msg_name)!;
    const value = requestAdapters[rec.msg_name!]!(rec.request ?? {});
    expect(encodeMessage(spec, value, SV).subarray(4).toString("hex")).toBe(raw.toString("hex"));
    expect(decodeMessage(specRegistry, "client", raw, SV).value).toEqual(value);
  });
});
