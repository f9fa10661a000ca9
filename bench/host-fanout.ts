import { performance } from "node:perf_hooks";
import type { IncomingMessageName } from "../src/protocol/message-ids.js";
import { listResolver, type MarketInstrument, startSimulatedHost } from "../src/server/index.js";
import { BenchClock } from "./bench-clock.js";
import { type DelaySamples, FanoutClient } from "./fanout-client.js";

/**
 * The simulated host's fan-out: 32 clients (our EClient over real TCP, in this process), each streaming level-1
 * market data for the same 100 instruments (3,200 streams; the host's market data lines and request rate are
 * raised for it). Host time runs on a {@link BenchClock}: each of the host's market data timer ticks is one host
 * second's update of every stream.
 *
 * A phase runs host time at a given speed for a while, then stops it and waits until every frame sent has arrived
 * and reached its callback. Figures: ticks, frames and bytes per second delivered (counted until the last frame
 * arrived), the event loop's busy share, and the delay from the start of a market update (the timer tick) to the
 * arrival on the client's socket of that update's last frame for that client, as percentiles over frames.
 */

export interface FanoutFigure {
  name: string;
  [key: string]: unknown;
}

export interface FanoutOptions {
  readonly clients?: number;
  readonly subscriptions?: number;
  /** Phases: host-time speed (× wall clock, or "max") and wall seconds. */
  readonly phases?: readonly { readonly label: string; readonly speed: number | "max"; readonly seconds: number }[];
  /** The newest server version the host speaks (default: the newest; ticks then travel as protobuf). */
  readonly serverVersion?: number;
}

/** A Monday, 10:00 in New York: every instrument trades through the whole run. */
const START = Date.UTC(2026, 8, 28, 14, 0, 0);

/** The benchmark's instruments: US stocks at a spread of price levels, with clearly synthetic conIds. */
function benchInstruments(n: number): MarketInstrument[] {
  return Array.from({ length: n }, (_, i) => ({
    symbol: `BENCH${String(i).padStart(3, "0")}`,
    secType: "STK",
    currency: "USD",
    exchange: "SMART",
    conId: 990_000_000 + i,
    minTick: 0.01,
    referencePrice: 10 + i * 7.5,
    bboExchange: "9c0001",
  }));
}

const TICK_NAMES = ["TICK_PRICE", "TICK_SIZE", "TICK_STRING", "TICK_GENERIC"] as const;
type TickName = (typeof TICK_NAMES)[number];

function weightedPercentiles(all: DelaySamples[], ps: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (const s of all) for (let i = 0; i < s.delays.length; i++) pairs.push([s.delays[i]!, s.weights[i]!]);
  if (pairs.length === 0) return ps.map(() => Number.NaN);
  pairs.sort((a, b) => a[0] - b[0]);
  const total = pairs.reduce((n, p) => n + p[1], 0);
  return ps.map((p) => {
    const target = p * total;
    let seen = 0;
    for (const [d, w] of pairs) {
      seen += w;
      if (seen >= target) return d;
    }
    return pairs.at(-1)![0];
  });
}

async function until(what: string, cond: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!cond()) {
    if (performance.now() > deadline) throw new Error(`host fan-out: timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Runs the fan-out phases and returns one figure per phase. */
export async function hostFanout(options: FanoutOptions = {}): Promise<FanoutFigure[]> {
  const nClients = options.clients ?? 32;
  const nSubs = options.subscriptions ?? 100;
  const phases = options.phases ?? [
    { label: "x4", speed: 4, seconds: 5 },
    { label: "max", speed: "max" as const, seconds: 5 },
  ];
  const clock = new BenchClock(START);
  const instruments = benchInstruments(nSubs);
  const clients = new Map<number, FanoutClient>();
  const sentTicks = new Map<number, Record<TickName, number>>();
  const host = await startSimulatedHost({
    clock,
    ...(options.serverVersion === undefined ? {} : { serverVersion: options.serverVersion }),
    marketDataLines: nClients * nSubs,
    requestsPerSecond: nSubs * 10,
    maxClients: nClients,
    market: { resolve: listResolver(instruments) },
    onFrameSent(clientId: number, name: IncomingMessageName, bytes: number) {
      clients.get(clientId)?.runs.sent(bytes, clock.updateStart);
      const t = sentTicks.get(clientId);
      if (t && name in t) t[name as TickName]++;
    },
  });
  const figures: FanoutFigure[] = [];
  try {
    for (let i = 0; i < nClients; i++) {
      const id = 1 + i;
      clients.set(id, new FanoutClient(id));
      sentTicks.set(id, { TICK_PRICE: 0, TICK_SIZE: 0, TICK_STRING: 0, TICK_GENERIC: 0 });
    }
    await Promise.all([...clients.values()].map((c) => c.connect(host.port)));
    for (const c of clients.values()) {
      instruments.forEach((inst, k) => {
        c.client.reqMktData(1 + k, { conId: inst.conId, symbol: inst.symbol, secType: "STK", exchange: "SMART" });
      });
    }
    await until("every stream is open", () => host.state.marketData.linesInUse === nClients * nSubs);
    await until("the first ticks arrived", () => [...clients.values()].every((c) => c.drained));
    const serverVersion = [...clients.values()][0]!.client.serverVersion();

    for (const phase of phases) {
      for (const c of clients.values()) c.takeSamples();
      const ticks0 = sum(clients, (c) => c.ticks);
      const frames0 = sum(clients, (c) => c.framesDispatched);
      const bytes0 = sum(clients, (c) => c.receivedBytes);
      const updates0 = clock.fired;
      const elu0 = performance.eventLoopUtilization();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      clock.run(phase.speed);
      await new Promise((resolve) => setTimeout(resolve, phase.seconds * 1000));
      clock.pause();
      await until("every frame of the phase arrived", () => [...clients.values()].every((c) => c.drained));
      const seconds = (performance.now() - t0) / 1000;
      const elu = performance.eventLoopUtilization(elu0);
      const cpu = process.cpuUsage(cpu0);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      const ticks = sum(clients, (c) => c.ticks) - ticks0;
      const frames = sum(clients, (c) => c.framesDispatched) - frames0;
      const bytes = sum(clients, (c) => c.receivedBytes) - bytes0;
      const [p50, p99, max] = weightedPercentiles(
        [...clients.values()].map((c) => c.takeSamples()),
        [0.5, 0.99, 1],
      );
      figures.push({
        name: `host.fanout.${phase.label}`,
        clients: nClients,
        subscriptions: nSubs,
        serverVersion,
        speed: phase.speed,
        updates: clock.fired - updates0,
        seconds,
        ticksPerSecond: Math.round(ticks / seconds),
        framesPerSecond: Math.round(frames / seconds),
        bytesPerSecond: Math.round(bytes / seconds),
        delayP50Ms: p50,
        delayP99Ms: p99,
        delayMaxMs: max,
        eventLoopUtilization: elu.utilization,
        cpuSeconds,
        ticksPerCpuSecond: Math.round(ticks / cpuSeconds),
        allTicks: everyTickArrived(clients, sentTicks),
      });
    }
  } finally {
    await Promise.all([...clients.values()].map((c) => c.disconnect()));
    await host.close();
  }
  return figures;
}

function sum(clients: Map<number, FanoutClient>, f: (c: FanoutClient) => number): number {
  let n = 0;
  for (const c of clients.values()) n += f(c);
  return n;
}

/** Whether each client got, in its typed callbacks, exactly the tick frames the host sent it. */
function everyTickArrived(
  clients: Map<number, FanoutClient>,
  sentTicks: Map<number, Record<TickName, number>>,
): boolean {
  for (const [id, c] of clients) {
    const sent = sentTicks.get(id)!;
    const got = c.counts;
    if (
      got.tickPrice !== sent.TICK_PRICE ||
      got.tickSize - got.derivedTickSize !== sent.TICK_SIZE ||
      got.tickString !== sent.TICK_STRING ||
      got.tickGeneric !== sent.TICK_GENERIC ||
      c.framesDispatched !== c.runs.sentFrames
    ) {
      return false;
    }
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await hostFanout()) console.log(JSON.stringify(f));
}
