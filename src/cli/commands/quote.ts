import { MarketDataType } from "../../protocol/models/market-data.js";
import type { CommandDefinition } from "../context.js";
import { type Quote, quoteCallbacks, quoteRecord } from "../market/quote.js";
import { QUOTE_COLUMNS, quoteBoard, quoteCells } from "../market/quote-board.js";
import { LiveView, throttle } from "../render/live-view.js";
import { parseSymbol, resolveSymbol } from "../session/contracts.js";
import { sessionOptions } from "../session/for-command.js";
import { withSession } from "../session/session.js";
import { parseSeconds } from "../session/stop.js";
import { DELAYED_DATA_NOTICE } from "../session/tws-errors.js";

/** `tws quote SYMBOL...`: a live level-1 board (reqMktData), JSON lines with --json. */
export const quoteCommand: CommandDefinition = {
  name: "quote",
  summary: "live quotes: a board that updates in place",
  examples: [
    {
      command: "tws quote AAPL MSFT EUR.USD ES",
      description: "a live board: stocks, a currency pair, the front future",
    },
    { command: "tws quote AAPL --json --duration 10", description: 'JSON lines {"type":"quote",...} for 10 seconds' },
    { command: "tws quote 265598 --delayed --port 7497", description: "delayed data for a conId from TWS paper" },
  ],
  needsHost: true,
  register(program, ctx) {
    return program
      .command("quote")
      .argument("<symbols...>", "AAPL (stock or ETF), EUR.USD (forex), ES (front future) or a conId")
      .description(
        "Stream level-1 quotes (reqMktData) as a board that updates in place on a terminal, plain lines otherwise. " +
          "Columns: symbol, bid, ask, last, bid/ask/last size, volume (US stocks in lots of 100, as TWS sends it), " +
          "change from the previous close, time of the last update. --json writes a quote line per update. Runs " +
          "until Ctrl-C or --duration.",
      )
      .option("--delayed", "ask for delayed data (market data type 3) where there is no subscription")
      .option("--duration <seconds>", "stop after this many seconds")
      .option("--sec-type <type>", "security type for every symbol (STK, CASH, FUT, IND, ...)")
      .option("--exchange <exchange>", "exchange for every symbol (default SMART for stocks)")
      .option("--currency <currency>", "currency for every symbol (default USD)")
      .action(async (symbols, opts) => {
        const out = ctx.output();
        const seconds = parseSeconds(opts.duration);
        const specs = symbols.map((s) => parseSymbol(s, opts));
        const quotes: Quote[] = [];
        const changed = new Set<Quote>();
        const view = ctx.io.isTTY && !out.json ? new LiveView(ctx.io.stdout) : undefined;
        const render = throttle(
          () => {
            if (out.json) {
              for (const q of quotes) if (changed.has(q)) out.record("quote", quoteRecord(q));
            } else if (view) {
              view.draw(quoteBoard(quotes, out.colors));
            } else {
              // Not a terminal: one plain line per changed quote, the board's columns as name=value.
              for (const q of quotes) {
                if (!changed.has(q)) continue;
                const cells = quoteCells(q);
                out.line(
                  QUOTE_COLUMNS.map((c, i) => (i === 0 ? cells[0] : `${c.toLowerCase()}=${cells[i]}`)).join(" "),
                );
              }
            }
            changed.clear();
          },
          view ? 250 : 0,
        );
        await withSession(sessionOptions(ctx), async (session) => {
          if (opts.delayed) session.client.reqMarketDataType(MarketDataType.DELAYED);
          for (const spec of specs) {
            const { label, contract } = await resolveSymbol(session, spec);
            const quote: Quote = { symbol: label };
            quotes.push(quote);
            session.stream(
              `quote ${label}`,
              (reqId) => session.client.reqMktData(reqId, contract, "", false, false),
              quoteCallbacks(quote, () => {
                changed.add(quote);
                render();
              }),
              {
                cancel: (reqId) => session.client.cancelMktData(reqId),
                // With --delayed, 10167 only says delayed data follows.
                tolerate: (e) => opts.delayed === true && e.code === DELAYED_DATA_NOTICE,
              },
            );
          }
          try {
            const reason = await session.until(seconds);
            out.debug(`tws: stopped (${reason})`);
          } finally {
            render.flush();
            render.cancel();
            view?.end();
          }
        });
      });
  },
};
