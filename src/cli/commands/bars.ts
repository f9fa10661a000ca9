import type { Bar } from "../../protocol/models/bar.js";
import type { CommandDefinition } from "../context.js";
import { CliError, EXIT_CODES } from "../exit-codes.js";
import { type BarsQuery, fetchBars, needsChunks } from "../market/fetch-bars.js";
import { parseBarSize, parseDuration } from "../market/history-limits.js";
import { barTimeText, parseEnd } from "../market/history-time.js";
import { formatTable } from "../output.js";
import { progressBar } from "../render/progress.js";
import { parseSymbol, resolveSymbol } from "../session/contracts.js";
import { sessionOptions } from "../session/for-command.js";
import { withSession } from "../session/session.js";

/** A Decimal of a bar as a number; TWS's -1 ("none", quote bars' volume and WAP) as null. */
function decimal(value: string | undefined): number | null {
  const n = value === undefined ? Number.NaN : Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** A bar's fields for JSON and CSV, in column order. */
export function barFields(bar: Bar): {
  time: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
  wap: number | null;
  count: number | null;
} {
  return {
    time: barTimeText(bar.date),
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    volume: decimal(bar.volume),
    wap: decimal(bar.wap),
    count: bar.barCount >= 0 ? bar.barCount : null,
  };
}

const COLUMNS = ["time", "open", "high", "low", "close", "volume", "wap", "count"] as const;

/** `tws bars SYMBOL`: historical bars (reqHistoricalData) as a table, CSV or JSON lines. */
export const barsCommand: CommandDefinition = {
  name: "bars",
  summary: "historical bars as a table, CSV or JSON",
  examples: [
    { command: 'tws bars AAPL --duration "1 D" --bar "5 mins"', description: "today's 5-minute bars" },
    { command: 'tws bars EUR.USD --bar "1 hour" --duration "1 W" --csv > eurusd.csv', description: "a week as CSV" },
    {
      command: 'tws bars SPY --bar "1 min" --duration "2 W" --json',
      description: "longer than one request: fetched in paced chunks",
    },
    {
      command: 'tws bars ES --bar "1 day" --duration "1 Y" --end "20261120 16:00:00 US/Eastern" --rth',
      description: "daily bars of the front future",
    },
  ],
  needsHost: true,
  register(program, ctx) {
    return program
      .command("bars")
      .argument("<symbol>", "AAPL (stock or ETF), EUR.USD (forex), ES (front future) or a conId")
      .description(
        "Fetch historical bars (reqHistoricalData). A range longer than one request may carry for the bar size " +
          "(TWS allows, for example, 1 D of 1-minute bars or 1 W of 5-minute bars per request) is fetched in " +
          "chunks paced to TWS's historical limits (no more than 5 requests in 2 s and 60 in 10 minutes), with a " +
          "progress bar on a terminal. Times are UTC (ISO 8601); daily bars show their date.",
      )
      .option("--duration <duration>", 'how far back: <n> S, D, W, M or Y, as TWS writes it ("3600 S", "1 D")', "1 D")
      .option("--bar <size>", 'bar size as TWS writes it ("1 min", "5 mins", "1 hour", "1 day")', "5 mins")
      .option("--what <whatToShow>", "TRADES, MIDPOINT, BID, ASK, BID_ASK, ... (default TRADES; MIDPOINT for forex)")
      .option("--end <time>", "end of the range (default now): 2026-11-20T21:00:00Z or '20261120 16:00:00 US/Eastern'")
      .option("--rth", "regular trading hours only")
      .option("--csv", "CSV with a header line instead of a table")
      .option("--sec-type <type>", "security type (STK, CASH, FUT, IND, ...)")
      .option("--exchange <exchange>", "exchange (default SMART for stocks)")
      .option("--currency <currency>", "currency (default USD)")
      .action(async (symbol, opts) => {
        const out = ctx.output();
        const duration = parseDuration(opts.duration);
        const bar = parseBarSize(opts.bar);
        const end = opts.end === undefined ? undefined : parseEnd(opts.end);
        const spec = parseSymbol(symbol, opts);
        await withSession(sessionOptions(ctx), async (session) => {
          const { label, contract } = await resolveSymbol(session, spec);
          const query: BarsQuery = {
            label,
            contract,
            duration,
            barSetting: bar.setting,
            barSeconds: bar.seconds,
            whatToShow: (opts.what ?? (contract.secType === "CASH" ? "MIDPOINT" : "TRADES")).toUpperCase(),
            rth: opts.rth === true,
            end,
          };
          const progress = progressBar(
            ctx.io.stderr,
            `${label} ${bar.setting} bars`,
            ctx.io.stderrIsTTY === true && needsChunks(query),
          );
          let bars: Bar[];
          try {
            bars = await fetchBars(session, query, (f) => progress.update(f));
          } finally {
            progress.end();
          }
          if (bars.length === 0) {
            throw new CliError(
              `no ${query.whatToShow} bars for ${label} in the last ${opts.duration}${end === undefined ? "" : ` before ${opts.end}`} (a closed market?)`,
              EXIT_CODES.notFound,
            );
          }
          const rows = bars.map(barFields);
          if (out.json) {
            for (const row of rows) out.record("bar", { symbol: label, ...row });
          } else if (opts.csv) {
            out.line(COLUMNS.join(","));
            for (const row of rows) out.line(COLUMNS.map((c) => row[c] ?? "").join(","));
          } else {
            // Prices with as many decimals as the most precise one, so the columns line up.
            const digits = Math.max(
              ...rows.flatMap((r) =>
                [r.open, r.high, r.low, r.close].map((p) => (String(p).split(".")[1] ?? "").length),
              ),
            );
            const text = (c: (typeof COLUMNS)[number], v: string | number | null) =>
              v === null
                ? "-"
                : typeof v === "number" && ["open", "high", "low", "close"].includes(c)
                  ? v.toFixed(digits)
                  : String(v);
            const cells = rows.map((r) => COLUMNS.map((c) => text(c, r[c])));
            for (const line of formatTable(
              COLUMNS.map((c) => c.toUpperCase()),
              cells,
              out.colors,
            ))
              out.line(line);
          }
        });
      });
  },
};
