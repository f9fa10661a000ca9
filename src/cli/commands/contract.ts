import type { ContractDetails } from "../../protocol/models/contract-details.js";
import type { CommandDefinition } from "../context.js";
import { CliError, EXIT_CODES } from "../exit-codes.js";
import { formatTable, type Output } from "../output.js";
import { contractDetails, parseSymbol } from "../session/contracts.js";
import { sessionOptions } from "../session/for-command.js";
import { withSession } from "../session/session.js";

const list = (text: string | undefined): string[] => (text ? text.split(",").filter(Boolean) : []);

/** The `contract` JSON line of one match (unset fields left out). */
export function contractRecord(d: ContractDetails): Record<string, unknown> {
  const c = d.contract;
  const fields: Record<string, unknown> = {
    conId: c.conId,
    symbol: c.symbol,
    secType: c.secType,
    lastTradeDateOrContractMonth: c.lastTradeDateOrContractMonth,
    strike: c.strike,
    right: c.right,
    multiplier: c.multiplier,
    exchange: c.exchange,
    primaryExchange: c.primaryExchange,
    currency: c.currency,
    localSymbol: c.localSymbol,
    tradingClass: c.tradingClass,
    longName: d.longName,
    minTick: d.minTick,
    priceMagnifier: d.priceMagnifier,
    validExchanges: list(d.validExchanges),
    marketRuleIds: list(d.marketRuleIds).map(Number),
    orderTypes: list(d.orderTypes),
    timeZoneId: d.timeZoneId,
    tradingHours: d.tradingHours,
    liquidHours: d.liquidHours,
    industry: d.industry,
    category: d.category,
    subcategory: d.subcategory,
    stockType: d.stockType,
    underConId: d.underConId,
    minSize: d.minSize,
    sizeIncrement: d.sizeIncrement,
    secIds: d.secIdList?.map((t) => ({ [t.tag ?? ""]: t.value })),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ""));
}

/** The first sessions of an hours string (`20261124:0930-20261124:1600;...`), enough to read. */
function firstSessions(hours: string | undefined, count = 2): string {
  if (!hours) return "-";
  const sessions = hours.split(";").filter(Boolean);
  return sessions.slice(0, count).join("; ") + (sessions.length > count ? ` (+${sessions.length - count} more)` : "");
}

/** One match in full. */
function printDetails(out: Output, d: ContractDetails): void {
  const c = d.contract;
  const { bold, dim } = out.colors;
  const title = [c.symbol, c.secType, c.lastTradeDateOrContractMonth, c.strike, c.right, c.exchange, c.currency]
    .filter((v) => v !== undefined && v !== "" && v !== 0)
    .join(" ");
  out.line(`${bold(title)}  ${dim(d.longName ?? "")}`);
  const rows: [string, string | number | undefined][] = [
    ["conId", c.conId],
    ["local symbol", c.localSymbol],
    ["trading class", c.tradingClass],
    ["primary exchange", c.primaryExchange],
    ["multiplier", c.multiplier],
    ["min tick", d.minTick],
    ["exchanges", d.validExchanges?.split(",").join(" ")],
    ["market rules", [...new Set(list(d.marketRuleIds))].join(",")],
    ["time zone", d.timeZoneId],
    ["trading hours", firstSessions(d.tradingHours)],
    ["liquid hours", firstSessions(d.liquidHours)],
    ["industry", [d.industry, d.category, d.subcategory].filter(Boolean).join(" / ")],
    ["underlying conId", d.underConId],
    ["order types", d.orderTypes ? `${list(d.orderTypes).length} (see --json)` : undefined],
  ];
  for (const [name, value] of rows) {
    if (value === undefined || value === "" || value === 0) continue;
    out.line(`  ${name.padEnd(17)} ${value}`);
  }
}

/** Several matches, one line each. */
function printTable(out: Output, matches: readonly ContractDetails[]): void {
  const rows = matches.map(({ contract: c, longName }) => [
    String(c.conId ?? ""),
    c.symbol ?? "",
    c.secType ?? "",
    c.lastTradeDateOrContractMonth ?? "",
    c.strike === undefined || c.strike === 0 ? "" : String(c.strike),
    c.right ?? "",
    c.exchange ?? "",
    c.currency ?? "",
    c.localSymbol ?? "",
    longName ?? "",
  ]);
  const header = ["CONID", "SYMBOL", "TYPE", "EXPIRY", "STRIKE", "RIGHT", "EXCHANGE", "CURRENCY", "LOCAL", "NAME"];
  for (const line of formatTable(header, rows, out.colors)) out.line(line);
}

/** `tws contract SYMBOL`: contract details (reqContractDetails). */
export const contractCommand: CommandDefinition = {
  name: "contract",
  summary: "contract details: conId, exchanges, hours",
  examples: [
    { command: "tws contract AAPL", description: "AAPL's conId, exchanges, min tick, trading and liquid hours" },
    { command: "tws contract ES", description: "every listed E-mini future, one per line" },
    { command: "tws contract EUR.USD --json", description: "the forex pair as a JSON line" },
    { command: "tws contract SAP --currency EUR --exchange IBIS", description: "narrow a symbol down" },
  ],
  needsHost: true,
  register(program, ctx) {
    return program
      .command("contract")
      .argument("<symbol>", "AAPL, EUR.USD, ES (a futures root) or a conId")
      .description(
        "Look a contract up (reqContractDetails) and show its details: conId, symbol, type, exchanges, primary " +
          "exchange, min tick and market rules, multiplier, time zone, trading and liquid hours. One match is shown " +
          "in full, several one per line (--json always gives every field). Exit code 3 when nothing matches.",
      )
      .option("--sec-type <type>", "security type: STK (default), CASH, FUT, IND, OPT, CRYPTO, ...")
      .option("--exchange <exchange>", "an exchange the contract trades on")
      .option("--currency <currency>", "its currency")
      .action(async (symbol, opts) => {
        const out = ctx.output();
        const { label, contract } = parseSymbol(symbol, opts);
        // Listing, not trading: match on what the user gave, not on the defaults market data needs.
        const query = { ...contract };
        if (opts.exchange === undefined && contract.secType !== "CASH" && contract.secType !== "FUT")
          delete query.exchange;
        if (opts.currency === undefined && contract.secType !== "CASH") delete query.currency;
        await withSession(sessionOptions(ctx), async (session) => {
          const matches = await contractDetails(session, query, label);
          if (matches.length === 0) throw new CliError(`${label}: no contract matches`, EXIT_CODES.notFound);
          if (out.json) {
            for (const d of matches) out.record("contract", contractRecord(d));
          } else if (matches.length === 1) {
            printDetails(out, matches[0]!);
          } else {
            printTable(out, matches);
            out.line(out.colors.dim(`${matches.length} contracts match ${label}; give a conId for one in full`));
          }
        });
      });
  },
};
