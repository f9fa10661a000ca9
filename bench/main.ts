import { measure } from "mitata";
import { ceilingProtobuf, ceilingText } from "./ceiling.js";
import {
  expectedCounts,
  oursDispatcher,
  protobufTicksCase,
  stoqeyDispatcher,
  type TickCounts,
} from "./client-dispatch.js";
import { decodeAll, frameAll } from "./decode.js";
import { historyCases } from "./history.js";
import { hostFanout } from "./host-fanout.js";
import { decodeCase, messageCases } from "./messages.js";
import { buildTickStream, chunksOf } from "./tick-stream.js";

/**
 * `npm run bench` (`-- --json` for one compact JSON line per figure, each with a `name`).
 * Figures are frames per second over a stream of at least 1,000,000 tick frames, after a warm-up, median of
 * several passes. Speed targets live here, never in tests.
 */
const json = process.argv.includes("--json");
const FRAMES = Number(process.env.TWS_BENCH_FRAMES ?? 1_000_000);

interface Figure {
  name: string;
  [key: string]: unknown;
}
const figures: Figure[] = [];

function report(f: Figure): void {
  figures.push(f);
  if (json) console.log(JSON.stringify(f));
  else {
    const { name, ...rest } = f;
    const text = Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === "number" ? Math.round(v * 100) / 100 : v}`)
      .join("  ");
    console.log(`${name.padEnd(36)} ${text}`);
  }
}

async function rate(
  name: string,
  frames: number,
  bytes: number,
  fn: () => number,
  extra: object = {},
): Promise<number> {
  const stats = await measure(
    () => {
      if (fn() !== frames) throw new Error(`${name}: not every frame was seen`);
    },
    { min_samples: 5, max_samples: 7, min_cpu_time: 0, warmup_samples: 1, batch_samples: 1 },
  );
  const seconds = stats.p50 / 1e9;
  const fps = frames / seconds;
  report({
    name,
    framesPerSecond: Math.round(fps),
    nsPerFrame: stats.p50 / frames,
    mbPerSecond: bytes / seconds / 1e6,
    ...extra,
  });
  return fps;
}

/** Decode and dispatch through our EReader and through @stoqey/ib, on the same text bytes at 176. */
async function clientVersusStoqey(): Promise<void> {
  const sv = 176;
  const stream = buildTickStream(FRAMES, sv);
  const chunks = chunksOf(stream.bytes);
  const want = expectedCounts(stream);
  const same = (a: TickCounts, b: TickCounts) => JSON.stringify(a) === JSON.stringify(b);
  if (!json) console.log(`\nclient dispatch, text at ${sv}: ${stream.frames} frames`);
  const base = { frames: stream.frames, bytes: stream.bytes.length };
  const ours = oursDispatcher(sv);
  const oursCounts = ours.run(chunks);
  if (!same(oursCounts, want))
    throw new Error(`our callbacks ${JSON.stringify(oursCounts)} != ${JSON.stringify(want)}`);
  const top = await rate(
    "client.text.sv176.ceiling",
    stream.frames,
    stream.bytes.length,
    () => {
      ceilingText(stream.bytes);
      return stream.frames;
    },
    base,
  );
  const oursRate = await rate(
    "client.text.sv176.tws-ts",
    stream.frames,
    stream.bytes.length,
    () => {
      ours.run(chunks);
      return stream.frames;
    },
    { ...base, callbacks: oursCounts },
  );
  const stoqey = await stoqeyDispatcher(sv);
  try {
    const theirCounts = stoqey.run(chunks);
    const theirRate = await rate(
      "client.text.sv176.stoqey",
      stream.frames,
      stream.bytes.length,
      () => {
        stoqey.run(chunks);
        return stream.frames;
      },
      { ...base, callbacks: theirCounts, allCallbacks: same(theirCounts, want) },
    );
    report({ name: "ratio_vs_stoqey", ratio: oursRate / theirRate, target: 7 });
    report({ name: "client.text.sv176.tws-ts_vs_ceiling", ratio: oursRate / top });
  } finally {
    await stoqey.close();
  }
}

async function main(): Promise<void> {
  for (const [label, sv, ceiling] of [
    ["text.sv176", 176, ceilingText],
    ["protobuf.sv225", 225, ceilingProtobuf],
  ] as const) {
    const stream = buildTickStream(FRAMES, sv);
    const chunks = chunksOf(stream.bytes);
    const base = { frames: stream.frames, bytes: stream.bytes.length };
    if (!json) console.log(`\n${label}: ${stream.frames} tick frames, ${stream.bytes.length} bytes`);
    const top = await rate(
      `ticks.${label}.ceiling`,
      stream.frames,
      stream.bytes.length,
      () => {
        ceiling(stream.bytes);
        return stream.frames;
      },
      base,
    );
    await rate(`ticks.${label}.framing`, stream.frames, stream.bytes.length, () => frameAll(chunks), base);
    const dec = await rate(
      `ticks.${label}.decode`,
      stream.frames,
      stream.bytes.length,
      () => decodeAll(chunks, sv),
      base,
    );
    report({ name: `ticks.${label}.decode_vs_ceiling`, ratio: dec / top });
  }
}

/** Decode rates of the larger replies (CONTRACT_DATA, HISTORICAL_DATA with 1,000 bars), text and protobuf. */
async function largerMessages(): Promise<void> {
  if (!json) console.log("\nlarger replies, generic decode");
  for (const c of messageCases()) {
    const bytes = c.payloads.reduce((n, p) => n + p.length, 0);
    const stats = await measure(
      () => {
        if (decodeCase(c) !== c.payloads.length) throw new Error(`${c.name}: not every message decoded`);
      },
      { min_samples: 5, max_samples: 9, min_cpu_time: 0, warmup_samples: 1, batch_samples: 1 },
    );
    const seconds = stats.p50 / 1e9;
    report({
      name: `decode.${c.name}`,
      messagesPerSecond: Math.round(c.payloads.length / seconds),
      itemsPerSecond: Math.round((c.payloads.length * c.items) / seconds),
      bytesPerMessage: Math.round(bytes / c.payloads.length),
    });
  }
}

/** Our EReader → EWrapper on the same tick mix as protobuf at 226, the form the simulated host sends. */
async function clientProtobuf(): Promise<void> {
  const c = protobufTicksCase(FRAMES, 226);
  const { frames, bytes } = c.stream;
  if (!json) console.log(`\nclient dispatch, protobuf at 226: ${frames} frames`);
  await rate(
    "client.protobuf.sv226.tws-ts",
    frames,
    bytes.length,
    () => {
      c.run();
      return frames;
    },
    { frames, bytes: bytes.length, callbacks: c.callbacks },
  );
}

/** The simulated host's fan-out to 32 clients with 100 market data streams each (bench/host-fanout.ts). */
async function hostFigures(): Promise<void> {
  if (!json) console.log("\nsimulated host fan-out: 32 clients × 100 level-1 streams, our EClient over TCP");
  for (const f of await hostFanout()) report(f);
}

await main();
await largerMessages();
await clientVersusStoqey();
await clientProtobuf();
await hostFigures();
if (!json) console.log("\nhost: historical ranges (cold: a fresh engine; warm: kept summaries)");
await historyCases(report);
