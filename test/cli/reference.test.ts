import { describe, expect, it } from "vitest";
import { contractRecord } from "../../src/cli/commands/contract.js";
import { EXIT_CODES } from "../../src/cli/exit-codes.js";
import { universeAt } from "../../src/server/engine/reference/universe.js";
import { cliHost } from "./cli-host.js";
import { jsonLines, run } from "./run.js";

const fixture = cliHost();

describe("tws contract", () => {
  it("--json gives the universe's entry, field for field", async () => {
    const { host, port } = await fixture.start();
    const { code, stdout } = await run(["contract", "AAPL", "--port", port, "--json"]);
    expect(code).toBe(EXIT_CODES.ok);
    const entry = universeAt(host.clock.now()).byConId(265598)!;
    const [line] = jsonLines(stdout);
    expect(line).toEqual({ type: "contract", ...contractRecord(entry.details) });
    expect(line).toMatchObject({
      conId: 265598,
      symbol: "AAPL",
      secType: "STK",
      primaryExchange: entry.details.contract.primaryExchange,
      minTick: entry.details.minTick,
      timeZoneId: entry.details.timeZoneId,
      tradingHours: entry.details.tradingHours,
      liquidHours: entry.details.liquidHours,
    });
    expect(line!["validExchanges"]).toEqual(entry.details.validExchanges!.split(","));
  });

  it("shows one match in full and several one per line", async () => {
    const { host, port } = await fixture.start();
    const one = await run(["contract", "265598", "--port", port]);
    expect(one.stdout).toMatch(/^AAPL STK SMART USD/);
    expect(one.stdout).toMatch(/^ {2}conId {13}265598$/m);
    expect(one.stdout).toMatch(/^ {2}min tick {10}0\.01$/m);
    const futures = universeAt(host.clock.now()).instruments.filter(
      (i) => i.details.contract.symbol === "ES" && i.details.contract.secType === "FUT",
    );
    expect(futures.length).toBeGreaterThan(1);
    const many = await run(["contract", "ES", "--port", port]);
    expect(many.code).toBe(EXIT_CODES.ok);
    for (const f of futures) expect(many.stdout).toContain(`${f.details.contract.conId}  ES`);
    expect(many.stdout).toContain(`${futures.length} contracts match ES`);
  });

  it("exits 3 when nothing matches", async () => {
    const { port } = await fixture.start();
    const { code, stderr } = await run(["contract", "NOSUCH", "--port", port]);
    expect(code).toBe(EXIT_CODES.notFound);
    expect(stderr).toMatch(/^tws: NOSUCH: No security definition has been found for the request \(TWS error 200\)/);
  });
});

describe("tws chain", () => {
  it("--json lists the universe's expiries and strikes per exchange", async () => {
    const { host, port } = await fixture.start();
    const { code, stdout } = await run(["chain", "AAPL", "--port", port, "--json"]);
    expect(code).toBe(EXIT_CODES.ok);
    const options = universeAt(host.clock.now()).instruments.filter((i) => i.details.underConId === 265598);
    const expiries = [...new Set(options.map((o) => o.details.contract.lastTradeDateOrContractMonth!))].sort();
    const strikes = [...new Set(options.map((o) => o.details.contract.strike!))].sort((a, b) => a - b);
    expect(expiries.length).toBeGreaterThan(1);
    expect(strikes.length).toBeGreaterThan(1);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => l["exchange"])).toContain("SMART");
    for (const line of lines) {
      expect(line).toMatchObject({ type: "chain", symbol: "AAPL", underlyingConId: 265598, multiplier: "100" });
      expect(line["expirations"]).toEqual(expiries);
      expect(line["strikes"]).toEqual(strikes);
    }
  });

  it("--expiry lists the contracts of one expiry", async () => {
    const { host, port } = await fixture.start();
    const options = universeAt(host.clock.now()).instruments.filter((i) => i.details.underConId === 265598);
    const expiry = options[0]!.details.contract.lastTradeDateOrContractMonth!;
    const listed = options.filter((o) => o.details.contract.lastTradeDateOrContractMonth === expiry);
    const { code, stdout } = await run(["chain", "AAPL", "--expiry", expiry, "--port", port, "--json"]);
    expect(code).toBe(EXIT_CODES.ok);
    const lines = jsonLines(stdout);
    expect(lines.map((l) => l["conId"]).sort()).toEqual(listed.map((o) => o.details.contract.conId).sort());
    expect(lines.every((l) => l["type"] === "option" && l["expiry"] === expiry)).toBe(true);
  });
});
