/**
 * `npm run coverage:protocol [-- --json]`: runs the protocol tests with the codec instrumented and prints, for
 * every message id of messages.json, which forms were encoded and decoded at which server versions, the golden
 * vectors and their sources, and which issue owns the id. Exits 1 when an id owned by an enforced issue, or any
 * id with a spec, lacks an exercised form.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startVitest } from "vitest/node";
import { incomingForms, outgoingForms } from "../src/protocol/message-forms.js";
import { IncomingMessageId, OutgoingMessageId } from "../src/protocol/message-ids.js";
import type { CodecEvent } from "../src/protocol/messages/codec.js";
import { specByName } from "../src/protocol/messages/index.js";
import { ownership } from "../test/protocol/ownership.js";

const json = process.argv.includes("--json");
const dir = mkdtempSync(join(tmpdir(), "tws-codec-coverage-"));
process.env.TWS_CODEC_COVERAGE_DIR = dir;

const vitest = await startVitest("test", ["test/protocol", "src/protocol", "test/interop"], {
  watch: false,
  reporters: json ? [] : ["dot"],
});
await vitest.close();
const testsFailed = process.exitCode !== undefined && process.exitCode !== 0;

const events: CodecEvent[] = readdirSync(dir).flatMap((f) => JSON.parse(readFileSync(join(dir, f), "utf8")));
rmSync(dir, { recursive: true, force: true });
const { allVectors } = await import("../test/vectors/index.js");

interface Row {
  id: number;
  name: string;
  direction: "out" | "in";
  issue: number | undefined;
  spec: boolean;
  forms: { text: boolean; protobuf: boolean };
  exercised: Record<string, number[]>;
  vectors: Record<string, number>;
  missing: string[];
}

const rows: Row[] = [];
for (const [direction, table, forms] of [
  ["out", OutgoingMessageId, outgoingForms],
  ["in", IncomingMessageId, incomingForms],
] as const) {
  for (const [name, id] of Object.entries(table)) {
    const f = forms.get(id)!;
    const owner = ownership.find((o) => (direction === "out" ? o.outgoing : o.incoming).includes(name));
    const spec = specByName(direction === "out" ? "client" : "host", name) !== undefined;
    const exercised: Record<string, number[]> = {};
    for (const e of events) {
      if (e.direction !== direction || e.id !== id) continue;
      const key = `${e.form}.${e.op}`;
      const list = exercised[key] ?? [];
      list.push(e.serverVersion);
      exercised[key] = list;
    }
    for (const k of Object.keys(exercised)) exercised[k] = [...new Set(exercised[k])].sort((a, b) => a - b);
    const vectors: Record<string, number> = {};
    for (const v of allVectors) {
      if (v.message !== name || v.sender !== (direction === "out" ? "client" : "host")) continue;
      const src = v.source.split(":")[0]!;
      vectors[src] = (vectors[src] ?? 0) + 1;
    }
    const want = { text: !f.protobufOnly, protobuf: f.protobufType !== null };
    const missing: string[] = [];
    if (spec || owner?.enforced) {
      for (const form of ["text", "protobuf"] as const) {
        if (!want[form]) continue;
        for (const op of ["encode", "decode"]) if (!exercised[`${form}.${op}`]) missing.push(`${form}.${op}`);
      }
    }
    rows.push({ id, name, direction, issue: owner?.issue, spec, forms: want, exercised, vectors, missing });
  }
}

if (json) {
  for (const r of rows) console.log(JSON.stringify({ type: "message", ...r }));
} else {
  console.log(
    "\nid   dir name                                      issue spec text(enc/dec)      protobuf(enc/dec)   vectors",
  );
  for (const r of rows) {
    const cell = (form: "text" | "protobuf") =>
      r.forms[form]
        ? `${r.exercised[`${form}.encode`] ? "E" : "-"}${r.exercised[`${form}.decode`] ? "D" : "-"} ${(r.exercised[`${form}.decode`] ?? r.exercised[`${form}.encode`] ?? []).join(",")}`.slice(
            0,
            19,
          )
        : "n/a";
    console.log(
      `${String(r.id).padEnd(4)} ${r.direction.padEnd(3)} ${r.name.padEnd(41)} ${String(r.issue ?? "").padEnd(5)} ${
        r.spec ? "yes " : "no  "
      } ${cell("text").padEnd(20)} ${cell("protobuf").padEnd(19)} ${Object.entries(r.vectors)
        .map(([s, n]) => `${s}:${n}`)
        .join(" ")}${r.missing.length ? `  MISSING ${r.missing.join(",")}` : ""}`,
    );
  }
  const specced = rows.filter((r) => r.spec).length;
  console.log(
    `\n${specced} of ${rows.length} message ids have a spec; ${rows.filter((r) => r.missing.length).length} lack an exercised form`,
  );
}
if (testsFailed || rows.some((r) => r.missing.length > 0)) process.exitCode = 1;
