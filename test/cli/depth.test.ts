import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../../src/cli/exit-codes.js";
import { cliHost } from "./cli-host.js";
import { hasLine, jsonLines, run } from "./run.js";

const fixture = cliHost();

describe("tws depth", () => {
  it("--json streams the book: bids falling, asks rising, the best bid below the best ask", async () => {
    const { host, port } = await fixture.start();
    const full = (l: Record<string, unknown>) =>
      (l["bids"] as unknown[]).length === 5 && (l["asks"] as unknown[]).length === 5;
    const { code, stdout } = await run(["depth", "AAPL", "--rows", "5", "--port", port, "--json"], {
      stopWhen: (out) => hasLine(out, full),
    });
    expect(code).toBe(EXIT_CODES.ok);
    const book = jsonLines(stdout).find(full)!;
    const bids = (book["bids"] as { price: number }[]).map((r) => r.price);
    const asks = (book["asks"] as { price: number }[]).map((r) => r.price);
    expect(bids).toEqual([...bids].sort((a, b) => b - a));
    expect(asks).toEqual([...asks].sort((a, b) => a - b));
    const engine = host.state.marketData.engine;
    const state = engine.state(engine.instrumentOf({ symbol: "AAPL", secType: "STK" })!, host.clock.now());
    expect(bids[0]).toBe(state.bid);
    expect(asks[0]).toBe(state.ask);
  });

  it("prints the book as a table when stdout is not a terminal", async () => {
    const { port } = await fixture.start();
    const { code, stdout } = await run(["depth", "AAPL", "--rows", "3", "--port", port], {
      stopWhen: (out) => out.split("\n").length > 5,
    });
    expect(code).toBe(EXIT_CODES.ok);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(/^AAPL depth \d\d:\d\d:\d\d$/);
    expect(lines[1]).toMatch(/^BIDSIZE\s+BID\s+ASK\s+ASKSIZE$/);
    expect(lines[2]).toMatch(/^\s*[\d,]+\s+\d+\.\d{2}\s+\d+\.\d{2}\s+[\d,]+$/);
  });
});
