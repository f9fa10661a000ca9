import type { ContractDetails } from "../../protocol/models/contract-details.js";
import type { CommandDefinition } from "../context.js";
import { CliError, EXIT_CODES, usageError } from "../exit-codes.js";
import { formatTable } from "../output.js";
import { sessionOptions } from "../session/for-command.js";
import { type Session, withSession } from "../session/session.js";

/** One row of a scan, as scannerData gives it. */
export interface ScanRow {
  readonly rank: number;
  readonly details: ContractDetails;
  readonly distance: string;
  readonly benchmark: string;
  readonly projection: string;
}

/** A scan code of the scanner parameters XML. */
export interface ScanCode {
  readonly code: string;
  readonly name: string;
  readonly instruments: string[];
}

const tag = (xml: string, name: string): string =>
  /<(\w+)>([^<]*)<\/\1>/.exec(xml.slice(xml.indexOf(`<${name}>`)))?.[2]?.trim() ?? "";

/** The scan codes of TWS's scanner parameters XML (`<ScanType>` elements: scanCode, displayName, instruments). */
export function scanCodes(xml: string): ScanCode[] {
  const codes: ScanCode[] = [];
  for (const m of xml.matchAll(/<ScanType>([\s\S]*?)<\/ScanType>/g)) {
    const block = m[1]!;
    const code = block.includes("<scanCode>") ? tag(block, "scanCode") : "";
    if (!code) continue;
    codes.push({
      code,
      name: block.includes("<displayName>") ? tag(block, "displayName") : "",
      instruments: (block.includes("<instruments>") ? tag(block, "instruments") : "").split(",").filter(Boolean),
    });
  }
  return codes;
}

/** The first answer of a scanner subscription (then cancelled): every row, ranked. */
function firstScan(session: Session, code: string, instrument: string, location: string, rows: number) {
  let reqId = -1;
  return session
    .request<ScanRow[]>(
      `scan ${code}`,
      (id) => {
        reqId = id;
        session.client.reqScannerSubscription(id, {
          numberOfRows: rows,
          instrument,
          locationCode: location,
          scanCode: code,
        });
      },
      (done) => {
        const found: ScanRow[] = [];
        return {
          scannerData: (_id, rank, details, distance, benchmark, projection) =>
            found.push({ rank, details, distance, benchmark, projection }),
          scannerDataEnd: () => done(found),
        };
      },
    )
    .finally(() => {
      if (reqId >= 0 && session.client.isConnected()) session.client.cancelScannerSubscription(reqId);
    });
}

/** `tws scan CODE`: a market scanner's rows (reqScannerSubscription); `--list` the scan codes. */
export const scanCommand: CommandDefinition = {
  name: "scan",
  summary: "market scanner: ranked rows of a scan code",
  examples: [
    { command: "tws scan TOP_PERC_GAIN", description: "US stocks with the largest gains, ranked" },
    { command: "tws scan MOST_ACTIVE --rows 5 --json", description: 'the 5 most active, as {"type":"scan",...} lines' },
    { command: "tws scan --list", description: "every scan code the host offers (reqScannerParameters)" },
  ],
  needsHost: true,
  register(program, ctx) {
    return program
      .command("scan")
      .argument("[code]", "a scan code: TOP_PERC_GAIN, TOP_PERC_LOSE, MOST_ACTIVE, HOT_BY_VOLUME, ...")
      .description(
        "Run a market scan (reqScannerSubscription) and print its rows, ranked: the first answer, then the " +
          "subscription is cancelled. --list prints the scan codes of the scanner parameters (reqScannerParameters).",
      )
      .option("--rows <n>", "rows wanted (TWS sends at most 50)", "10")
      .option("--instrument <type>", "instrument type of the scanner parameters", "STK")
      .option("--location <code>", "location code of the scanner parameters", "STK.US.MAJOR")
      .option("--list", "list the scan codes instead")
      .action(async (code, opts) => {
        const out = ctx.output();
        const rows = /^\d{1,2}$/.test(opts.rows) ? Number(opts.rows) : Number.NaN;
        if (!(rows >= 1 && rows <= 50)) throw usageError(`--rows must be a number from 1 to 50, got '${opts.rows}'`);
        if (!opts.list && code === undefined) throw usageError("give a scan code (see 'tws scan --list')");
        await withSession(sessionOptions(ctx), async (session) => {
          if (opts.list) {
            const [xml] = await session.reply(
              "scannerParameters",
              () => session.client.reqScannerParameters(),
              "scanner parameters",
            );
            const codes = scanCodes(xml);
            if (out.json) for (const c of codes) out.record("scanCode", { ...c });
            else {
              const table = codes.map((c) => [c.code, c.name, c.instruments.join(",")]);
              for (const line of formatTable(["CODE", "NAME", "INSTRUMENTS"], table, out.colors)) out.line(line);
            }
            return;
          }
          const scanCode = code!.toUpperCase();
          const found = (await firstScan(session, scanCode, opts.instrument, opts.location, rows)).sort(
            (a, b) => a.rank - b.rank,
          );
          if (found.length === 0) throw new CliError(`scan ${scanCode}: no rows`, EXIT_CODES.notFound);
          if (out.json) {
            for (const r of found) {
              const c = r.details.contract;
              out.record("scan", {
                rank: r.rank,
                conId: c.conId,
                symbol: c.symbol,
                secType: c.secType,
                exchange: c.exchange,
                currency: c.currency,
                localSymbol: c.localSymbol,
                distance: r.distance,
                benchmark: r.benchmark,
                projection: r.projection,
              });
            }
            return;
          }
          const table = found.map((r) => {
            const c = r.details.contract;
            return [
              String(r.rank),
              c.symbol ?? "",
              c.secType ?? "",
              c.exchange ?? "",
              c.currency ?? "",
              String(c.conId ?? ""),
              r.distance,
              r.benchmark,
              r.projection,
            ];
          });
          const header = [
            "RANK",
            "SYMBOL",
            "TYPE",
            "EXCHANGE",
            "CURRENCY",
            "CONID",
            "DISTANCE",
            "BENCHMARK",
            "PROJECTION",
          ];
          // Columns TWS leaves empty for this scan are left out.
          const keep = header.map((_, i) => i < 6 || table.some((r) => r[i] !== ""));
          const pick = (r: string[]) => r.filter((_, i) => keep[i]);
          for (const line of formatTable(pick(header), table.map(pick), out.colors)) out.line(line);
        });
      });
  },
};
