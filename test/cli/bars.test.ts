import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../../src/cli/exit-codes.js";
import { durationStart, parseDuration } from "../../src/protocol/historical-settings.js";
import { buildBars } from "../../src/server/history/bars.js";
import { validateBars } from "../../src/server/history/validation.js";
import type { SimulatedHost } from "../../src/server/index.js";
import { cliHost } from "./cli-host.js";
import { jsonLines, run } from "./run.js";

const fixture = cliHost();

/**
 * The host's own bars for a request ending now, validated as the host validates it, as `tws bars --json` shows
 * them; `reach` widens the range to a longer duration (what a chunked fetch covers).
 */
function hostBars(host: SimulatedHost, durationStr: string, barSizeSetting: string, reach?: string) {
  const engine = host.state.marketData.engine;
  const now = host.clock.now();
  const q = validateBars(
    {
      reqId: 1,
      contract: { symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      endDateTime: "",
      durationStr,
      barSizeSetting,
      whatToShow: "TRADES",
      useRTH: 0,
      formatDate: 2,
      keepUpToDate: false,
      chartOptions: [],
    },
    { engine, now, zone: host.options.timeZone, live: () => false },
  );
  if ("code" in q) throw new Error(q.text);
  const start = reach === undefined ? q.from : durationStart(parseDuration(reach)!, now);
  return buildBars(engine, { ...q, start, from: start }).map((b) => ({
    time: new Date(Number(b.date) * 1000).toISOString().replace(".000Z", "Z"),
    open: b.open,
    high: b.high,
    low: b.low,
    close: b.close,
    volume: Number(b.volume),
    wap: Number(b.wap),
    count: b.barCount,
  }));
}

describe("tws bars", () => {
  it("--json gives the host's bars for the same query", async () => {
    const { host, port } = await fixture.start();
    const { code, stdout, stderr } = await run([
      "bars",
      "AAPL",
      "--duration",
      "1 D",
      "--bar",
      "5 mins",
      "--port",
      port,
      "--json",
    ]);
    expect({ code, stderr }).toEqual({ code: EXIT_CODES.ok, stderr: "" });
    const expected = hostBars(host, "1 D", "5 mins");
    expect(expected.length).toBeGreaterThan(100);
    expect(jsonLines(stdout)).toEqual(expected.map((b) => ({ type: "bar", symbol: "AAPL", ...b })));
  });

  it("fetches a range longer than one request in chunks, with the same bars as one query", async () => {
    const { host, port } = await fixture.start();
    // 1-minute bars: TWS allows 1 D per request, so 3 D takes three requests (and a weekend is skipped).
    const { code, stdout } = await run([
      "bars",
      "AAPL",
      "--duration",
      "3 D",
      "--bar",
      "1 min",
      "--port",
      port,
      "--json",
    ]);
    expect(code).toBe(EXIT_CODES.ok);
    const expected = hostBars(host, "1 D", "1 min", "3 D");
    const bars = jsonLines(stdout);
    expect(bars.length).toBe(expected.length);
    expect(bars).toEqual(expected.map((b) => ({ type: "bar", symbol: "AAPL", ...b })));
    // Three trading days: Wednesday 14:00 UTC to Monday 14:00 UTC on the host's clock.
    expect(new Set(bars.map((b) => (b["time"] as string).slice(0, 10)))).toEqual(
      new Set(["2026-09-23", "2026-09-24", "2026-09-25", "2026-09-28"]),
    );
  });

  it("prints a table, or CSV with a header", async () => {
    const { port } = await fixture.start();
    const table = await run(["bars", "AAPL", "--duration", "3600 S", "--bar", "15 mins", "--port", port]);
    expect(table.code).toBe(EXIT_CODES.ok);
    const lines = table.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^TIME\s+OPEN\s+HIGH\s+LOW\s+CLOSE\s+VOLUME\s+WAP\s+COUNT$/);
    expect(lines).toHaveLength(5);
    const csv = await run([
      "bars",
      "AAPL",
      "--duration",
      "3600 S",
      "--bar",
      "15 mins",
      "--port",
      port,
      "--csv",
      "--what",
      "midpoint",
    ]);
    const rows = csv.stdout.trimEnd().split("\n");
    expect(rows[0]).toBe("time,open,high,low,close,volume,wap,count");
    // MIDPOINT bars have no volume, WAP or count.
    expect(rows[1]).toMatch(/^2026-09-28T13:00:00Z,[\d.]+,[\d.]+,[\d.]+,[\d.]+,,,$/);
  });

  it("exits 4 on a pacing violation: the same request again within 15 s", async () => {
    const { port } = await fixture.start();
    const args = ["bars", "AAPL", "--duration", "60 S", "--bar", "5 secs", "--port", port];
    expect((await run(args)).code).toBe(EXIT_CODES.ok);
    const again = await run([...args, "--json"]);
    expect(again.code).toBe(EXIT_CODES.rejected);
    expect(again.stderr).toMatch(
      /bars for AAPL: .*pacing violation \(TWS error 162\); TWS allows no identical request/,
    );
    expect(jsonLines(again.stdout)).toEqual([
      { type: "error", code: EXIT_CODES.rejected, message: expect.any(String) },
    ]);
  });

  it("refuses bad settings before connecting", async () => {
    expect((await run(["bars", "AAPL", "--bar", "7 mins"])).stderr).toMatch(/--bar must be one of TWS's bar sizes/);
    expect((await run(["bars", "AAPL", "--duration", "1 day"])).code).toBe(EXIT_CODES.usage);
    expect((await run(["bars", "AAPL", "--end", "20261120 16:00:00"])).stderr).toMatch(/--end must be ISO 8601/);
  });
});
