import type { Contract } from "../../protocol/models/contract.js";
import type { CommandDefinition } from "../context.js";
import { demoClock } from "../market/demo-clock.js";
import { type Quote, quoteCallbacks, quoteRecord } from "../market/quote.js";
import { alignRight, quoteCells } from "../market/quote-board.js";
import { RecentCloses, sparkline } from "../market/sparkline.js";
import type { Output } from "../output.js";
import { LiveView, throttle } from "../render/live-view.js";
import { parseSymbol, resolveSymbol } from "../session/contracts.js";
import { sessionOptions } from "../session/for-command.js";
import { type Session, withSession } from "../session/session.js";
import { parseSeconds } from "../session/stop.js";
import type { TwsError } from "../session/tws-errors.js";

/** The demo's instruments: stocks, an ETF, a currency pair and a future. */
export const DEMO_SYMBOLS = ["AAPL", "MSFT", "SPY", "EUR.USD", "ES"] as const;

/** How many one-minute bars the trend column shows. */
const TREND_BARS = 30;
/** How often the demo prints a snapshot when stdout is not a terminal (a log stays readable). */
const SNAPSHOT_MS = 5000;

/** One row of the demo: a live quote, recent closes, and why it has no data (if so). */
interface Row {
  readonly quote: Quote;
  readonly closes: RecentCloses;
  note?: string;
}

/** The board: the quote columns that matter at a glance, and a sparkline of the last minutes. */
function board(rows: readonly Row[], out: Output): string[] {
  const header = ["SYMBOL", "BID", "ASK", "LAST", "CHANGE", "VOLUME", `TREND (${TREND_BARS} min)`, "TIME"];
  const cells = rows.map(({ quote, closes }) => {
    const c = quoteCells(quote);
    return [c[0]!, c[1]!, c[2]!, c[3]!, c[8]!, c[7]!, sparkline(closes.closes), c[9]!];
  });
  const aligned = alignRight([header, ...cells], header).map((r, i) =>
    i === 0 ? r : r.map((cell, c) => (c === 6 ? cell.padEnd(TREND_BARS) : cell)),
  );
  const widths = header.map((_, c) => Math.max(...aligned.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!))).join("  ");
  return [
    out.colors.bold(line(aligned[0]!)),
    ...rows.map((row, i) => {
      if (row.note !== undefined) return out.colors.yellow(`${row.quote.symbol.padEnd(widths[0]!)}  ${row.note}`);
      const text = line(aligned[i + 1]!);
      const change = cells[i]![4]!;
      return change.startsWith("+")
        ? out.colors.green(text)
        : change.startsWith("-") && change !== "-"
          ? out.colors.red(text)
          : text;
    }),
  ];
}

/** Opens the quote stream and the one-minute bars (kept up to date) of one instrument. */
function follow(session: Session, row: Row, contract: Contract, changed: () => void, now: () => number): void {
  const noted = (e: TwsError) => {
    row.note = `no data: ${e.text} (TWS error ${e.code})`;
    changed();
    return true;
  };
  session.stream(
    `quote ${row.quote.symbol}`,
    (reqId) => session.client.reqMktData(reqId, contract, "", false, false),
    quoteCallbacks(row.quote, changed, now),
    { cancel: (reqId) => session.client.cancelMktData(reqId), tolerate: noted },
  );
  const onBar = (_id: number, bar: { date: string; close: number }) => {
    row.closes.add(bar.date, bar.close);
    changed();
  };
  session.stream(
    `bars of ${row.quote.symbol}`,
    (reqId) =>
      session.client.reqHistoricalData(
        reqId,
        contract,
        "",
        "1 D",
        "1 min",
        contract.secType === "CASH" ? "MIDPOINT" : "TRADES",
        0,
        2,
        true,
      ),
    { historicalData: onBar, historicalDataUpdate: onBar },
    // A missing chart is no reason to stop the quotes.
    { cancel: (reqId) => session.client.cancelHistoricalData(reqId), tolerate: () => true },
  );
}

/** The heading's time: UTC, with the date when the host replays another day. */
function hostTimeText(t: number, withDate: boolean): string {
  const iso = new Date(t).toISOString();
  return `${withDate ? `${iso.slice(0, 10)} ` : ""}${iso.slice(11, 19)} UTC`;
}

/** `tws demo` (`npm start`): a live board of a few instruments from the embedded simulated host. */
export const demoCommand: CommandDefinition = {
  name: "demo",
  summary: "the live demo board that npm start shows",
  examples: [
    { command: "npm start", description: "the demo on the embedded simulated host, until Ctrl-C" },
    { command: "tws demo --duration 15", description: "stop after 15 seconds" },
    { command: "tws demo --port 7497 AAPL TSLA", description: "your own symbols from TWS paper trading" },
  ],
  needsHost: true,
  register(program, ctx) {
    return program
      .command("demo")
      .argument("[symbols...]", `instruments to show (default ${DEMO_SYMBOLS.join(" ")})`)
      .description(
        "Start the embedded simulated host (unless --host/--port name one), connect the client, and show a live " +
          "quote board with a trend of the last 30 one-minute bars per instrument, updating in place. When stdout " +
          "is not a terminal, a snapshot of the board every 5 seconds. Runs until Ctrl-C or --duration.",
      )
      .option("--duration <seconds>", "stop after this many seconds")
      .action(async (symbols, opts) => {
        const out = ctx.output();
        const seconds = parseSeconds(opts.duration);
        const specs = (symbols.length > 0 ? symbols : [...DEMO_SYMBOLS]).map((s) => parseSymbol(s));
        const options = sessionOptions(ctx);
        // Off US market hours the embedded host replays the latest session, so stocks move at any hour.
        const demo = options.target.kind === "embedded" ? demoClock() : undefined;
        await withSession({ ...options, hostClock: demo?.clock }, async (session) => {
          const rows: Row[] = specs.map((s) => ({ quote: { symbol: s.label }, closes: new RecentCloses(TREND_BARS) }));
          const view = ctx.io.isTTY && !out.json ? new LiveView(ctx.io.stdout) : undefined;
          const started = Date.now();
          const clock = demo?.clock;
          const replay =
            demo?.replayFrom !== undefined ? ", replaying the latest US session (the market is closed now)" : "";
          const heading = () =>
            `${out.colors.bold("tws-ts")} live data from ${session.where}  ${out.colors.dim(
              `${hostTimeText(clock ? clock.now() : Date.now(), clock !== undefined && replay !== "")}${replay}, ` +
                `${Math.floor((Date.now() - started) / 1000)} s${view ? ", Ctrl-C to stop" : ""}`,
            )}`;
          const dirty = new Set<Row>();
          const draw = () => {
            if (out.json) {
              for (const row of dirty) if (row.quote.time !== undefined) out.record("quote", quoteRecord(row.quote));
              dirty.clear();
              return;
            }
            const lines = [heading(), "", ...board(rows, out)];
            if (view) view.draw(lines);
            else {
              for (const line of lines) out.line(line);
              out.line();
            }
          };
          const render = throttle(draw, view ? 250 : SNAPSHOT_MS, view ? 20 : 1000);
          rows.forEach((row, i) => {
            const changed = () => {
              dirty.add(row);
              render();
            };
            resolveSymbol(session, specs[i]!).then(
              ({ label, contract }) => {
                row.quote.symbol = label;
                follow(session, row, contract, changed, clock ? () => clock.now() : Date.now);
              },
              (error: Error) => {
                row.note = error.message;
                changed();
              },
            );
          });
          try {
            const reason = await session.until(seconds);
            out.debug(`tws: demo stopped (${reason})`);
          } finally {
            render.cancel();
            if (!out.json) draw();
            view?.end();
          }
        });
      });
  },
};
