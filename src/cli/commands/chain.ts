import type { ContractDetails } from "../../protocol/models/contract-details.js";
import type { CommandDefinition } from "../context.js";
import { CliError, EXIT_CODES, usageError } from "../exit-codes.js";
import { formatTable } from "../output.js";
import { contractDetails, frontMonth, parseSymbol } from "../session/contracts.js";
import { sessionOptions } from "../session/for-command.js";
import { type Session, withSession } from "../session/session.js";

/** One SECURITY_DEFINITION_OPTION_PARAMETER: the options of one exchange and trading class. */
export interface ChainLine {
  readonly exchange: string;
  readonly underlyingConId: number;
  readonly tradingClass: string;
  readonly multiplier: string;
  readonly expirations: readonly string[];
  readonly strikes: readonly number[];
}

/** reqSecDefOptParams: every exchange and trading class with its expiries and strikes. */
function optionParams(session: Session, underlying: ContractDetails, label: string): Promise<ChainLine[]> {
  const c = underlying.contract;
  const isFuture = c.secType === "FUT";
  return session.request<ChainLine[]>(
    `option chain of ${label}`,
    (reqId) =>
      session.client.reqSecDefOptParams(
        reqId,
        c.symbol ?? label,
        // Futures options are listed per exchange; for stocks and indexes "" asks for every exchange.
        isFuture ? (c.exchange ?? "") : "",
        c.secType ?? "STK",
        c.conId ?? 0,
      ),
    (done) => {
      const lines: ChainLine[] = [];
      return {
        securityDefinitionOptionParameter: (_id, exchange, underlyingConId, tradingClass, multiplier, exp, strikes) =>
          lines.push({ exchange, underlyingConId, tradingClass, multiplier, expirations: exp, strikes }),
        securityDefinitionOptionParameterEnd: () => done(lines),
      };
    },
  );
}

const span = (values: readonly (string | number)[]): string =>
  values.length === 0 ? "-" : `${values.length}: ${values[0]} .. ${values[values.length - 1]}`;

/** `tws chain SYMBOL`: an option chain (reqSecDefOptParams), or the contracts of one expiry. */
export const chainCommand: CommandDefinition = {
  name: "chain",
  summary: "option chain: expiries and strikes per exchange",
  examples: [
    { command: "tws chain AAPL", description: "expiries and strikes per exchange and trading class" },
    { command: "tws chain AAPL --expiry 20261218", description: "every AAPL option of that expiry (SMART)" },
    { command: "tws chain SPY --json", description: 'one {"type":"chain",...} line per exchange' },
  ],
  needsHost: true,
  register(program, ctx) {
    return program
      .command("chain")
      .argument("<symbol>", "the underlying: AAPL, SPY, ES (front future) or a conId")
      .description(
        "Show the option chain of an underlying (reqSecDefOptParams): for each exchange and trading class, its " +
          "multiplier, expiries and strikes. With --expiry, list the option contracts of that expiry " +
          "(reqContractDetails), strike by strike.",
      )
      .option("--expiry <yyyymmdd>", "list the contracts of this expiry (yyyyMMdd, or yyyyMM for the month)")
      .option("--exchange <exchange>", "the options' exchange for --expiry (default SMART)")
      .option("--sec-type <type>", "the underlying's security type (STK default, IND, FUT)")
      .option("--currency <currency>", "the underlying's currency (default USD)")
      .action(async (symbol, opts) => {
        const out = ctx.output();
        if (opts.expiry !== undefined && !/^\d{6}(\d{2})?$/.test(opts.expiry)) {
          throw usageError(`--expiry must be yyyyMMdd or yyyyMM, got '${opts.expiry}'`);
        }
        const spec = parseSymbol(symbol, { secType: opts.secType, currency: opts.currency });
        await withSession(sessionOptions(ctx), async (session) => {
          const found = await contractDetails(session, spec.contract, spec.label);
          const underlying = spec.lookup === "front" ? frontMonth(found) : found[0];
          if (!underlying) throw new CliError(`${spec.label}: no contract matches`, EXIT_CODES.notFound);
          const u = underlying.contract;
          if (opts.expiry !== undefined) {
            const optionType = u.secType === "FUT" ? "FOP" : "OPT";
            const options = await contractDetails(
              session,
              {
                symbol: u.symbol,
                secType: optionType,
                lastTradeDateOrContractMonth: opts.expiry,
                exchange: opts.exchange ?? (optionType === "FOP" ? u.exchange : "SMART"),
                currency: u.currency,
              },
              `${spec.label} options expiring ${opts.expiry}`,
            );
            const sorted = [...options].sort(
              (a, b) =>
                (a.contract.strike ?? 0) - (b.contract.strike ?? 0) ||
                (a.contract.right ?? "").localeCompare(b.contract.right ?? ""),
            );
            if (out.json) {
              for (const { contract: c } of sorted) {
                out.record("option", {
                  conId: c.conId,
                  symbol: c.symbol,
                  expiry: c.lastTradeDateOrContractMonth,
                  strike: c.strike,
                  right: c.right,
                  exchange: c.exchange,
                  currency: c.currency,
                  tradingClass: c.tradingClass,
                  multiplier: c.multiplier,
                  localSymbol: c.localSymbol,
                });
              }
              return;
            }
            const rows = sorted.map(({ contract: c }) => [
              String(c.strike ?? ""),
              c.right ?? "",
              c.lastTradeDateOrContractMonth ?? "",
              String(c.conId ?? ""),
              c.localSymbol ?? "",
              c.tradingClass ?? "",
              c.multiplier ?? "",
            ]);
            const header = ["STRIKE", "RIGHT", "EXPIRY", "CONID", "LOCAL", "CLASS", "MULT"];
            for (const line of formatTable(header, rows, out.colors)) out.line(line);
            return;
          }
          const lines = await optionParams(session, underlying, spec.label);
          if (lines.length === 0) {
            throw new CliError(`${spec.label} (conId ${u.conId}) has no listed options`, EXIT_CODES.notFound);
          }
          if (out.json) {
            for (const l of lines) out.record("chain", { symbol: u.symbol, ...l });
            return;
          }
          const rows = lines.map((l) => [
            l.exchange,
            l.tradingClass,
            l.multiplier,
            span(l.expirations),
            span(l.strikes),
          ]);
          for (const line of formatTable(["EXCHANGE", "CLASS", "MULT", "EXPIRIES", "STRIKES"], rows, out.colors))
            out.line(line);
          const main = lines.find((l) => l.exchange === "SMART") ?? lines[0]!;
          out.line();
          out.line(
            `${out.colors.bold("expiries")} (${main.exchange} ${main.tradingClass}): ${main.expirations.join(" ")}`,
          );
          out.line(`${out.colors.bold("strikes")}: ${main.strikes.join(" ")}`);
        });
      });
  },
};
