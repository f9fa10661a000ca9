import type { CommandDefinition } from "../context.js";
import { usageError } from "../exit-codes.js";
import { type Book, bookCallbacks, bookLines, bookRecord } from "../market/book.js";
import { clockTime, decimalsOf } from "../market/quote.js";
import { LiveView, throttle } from "../render/live-view.js";
import { contractDetails, parseSymbol, resolveSymbol } from "../session/contracts.js";
import { sessionOptions } from "../session/for-command.js";
import { withSession } from "../session/session.js";
import { parseSeconds } from "../session/stop.js";

/** `tws depth SYMBOL`: the order book (reqMktDepth), updating in place. */
export const depthCommand: CommandDefinition = {
  name: "depth",
  summary: "market depth: a live order book",
  examples: [
    { command: "tws depth AAPL", description: "the top 10 levels of AAPL's book until Ctrl-C" },
    { command: "tws depth ES --rows 5 --duration 30", description: "5 levels of the front E-mini for 30 s" },
    { command: "tws depth AAPL --smart --json", description: "SMART depth aggregated over exchanges, JSON lines" },
  ],
  needsHost: true,
  register(program, ctx) {
    return program
      .command("depth")
      .argument("<symbol>", "AAPL, EUR.USD, ES (front future) or a conId")
      .description(
        "Stream the order book (reqMktDepth): bids and asks, best first, redrawn in place on a terminal; a " +
          "snapshot per second otherwise; a depth line per update with --json. TWS allows 3 depth subscriptions at " +
          "once (error 309, exit code 4). Runs until Ctrl-C or --duration.",
      )
      .option("--rows <n>", "levels per side", "10")
      .option("--smart", "SMART depth: the book aggregated over the exchanges (market maker = exchange)")
      .option("--duration <seconds>", "stop after this many seconds")
      .option("--sec-type <type>", "security type (STK, CASH, FUT, ...)")
      .option("--exchange <exchange>", "exchange (default SMART for stocks)")
      .option("--currency <currency>", "currency (default USD)")
      .action(async (symbol, opts) => {
        const out = ctx.output();
        const rows = /^\d{1,3}$/.test(opts.rows) ? Number(opts.rows) : Number.NaN;
        if (!(rows >= 1 && rows <= 100)) throw usageError(`--rows must be a number from 1 to 100, got '${opts.rows}'`);
        const seconds = parseSeconds(opts.duration);
        const spec = parseSymbol(symbol, opts);
        await withSession(sessionOptions(ctx), async (session) => {
          const { label, contract } = await resolveSymbol(session, spec);
          // The price increment, for the decimals shown (the book's messages do not carry it).
          const details = out.json ? [] : await contractDetails(session, contract, label).catch(() => []);
          const decimals = decimalsOf(details[0]?.minTick);
          const book: Book = { symbol: label, bids: [], asks: [] };
          const view = ctx.io.isTTY && !out.json ? new LiveView(ctx.io.stdout) : undefined;
          const title = () =>
            `${out.colors.bold(label)} depth ${opts.smart ? "(SMART) " : ""}${out.colors.dim(clockTime(book.time))}`;
          const render = throttle(
            () => {
              if (out.json) out.record("depth", bookRecord(book, rows));
              else if (view) view.draw([title(), ...bookLines(book, rows, decimals)]);
              else {
                out.line(title());
                for (const line of bookLines(book, rows, decimals)) out.line(line);
                out.line();
              }
            },
            view ? 250 : out.json ? 0 : 1000,
          );
          session.stream(
            `depth of ${label}`,
            (reqId) => session.client.reqMktDepth(reqId, contract, rows, opts.smart === true),
            bookCallbacks(book, render),
            { cancel: (reqId) => session.client.cancelMktDepth(reqId, opts.smart === true) },
          );
          try {
            await session.until(seconds);
          } finally {
            render.flush();
            render.cancel();
            view?.end();
          }
        });
      });
  },
};
