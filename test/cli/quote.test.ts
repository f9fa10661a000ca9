import { describe, expect, it } from "vitest";
import { EXIT_CODES } from "../../src/cli/exit-codes.js";
import { cliHost } from "./cli-host.js";
import { hasLine, jsonLines, run } from "./run.js";

const fixture = cliHost();

/** Whether a price is a whole number of ticks. */
const onGrid = (price: number, tick: number) => Math.abs(price / tick - Math.round(price / tick)) < 1e-6;

describe("tws quote", () => {
  it("--json streams quote lines with the engine's values, on the tick grid", async () => {
    const { host, port } = await fixture.start();
    const both = (out: string) => ["AAPL", "EUR.USD"].every((s) => hasLine(out, (l) => l["symbol"] === s));
    const { code, stdout, stderr } = await run(["quote", "AAPL", "EUR.USD", "--port", port, "--json"], {
      stopWhen: both,
    });
    expect({ code, stderr }).toEqual({ code: EXIT_CODES.ok, stderr: "" });
    const lines = jsonLines(stdout);
    const engine = host.state.marketData.engine;
    for (const [symbol, contract, tick] of [
      ["AAPL", { symbol: "AAPL", secType: "STK", currency: "USD" }, 0.01],
      ["EUR.USD", { symbol: "EUR", secType: "CASH", currency: "USD" }, 0.00005],
    ] as const) {
      const quote = lines.find((l) => l["symbol"] === symbol)!;
      expect(Object.keys(quote)).toEqual([
        "type",
        "symbol",
        "bid",
        "ask",
        "last",
        "bidSize",
        "askSize",
        "lastSize",
        "volume",
        "time",
      ]);
      // The stepped clock stands still: the quote is the engine's state now.
      const state = engine.state(engine.instrumentOf(contract)!, host.clock.now());
      expect(quote).toMatchObject({ type: "quote", bid: state.bid, ask: state.ask, last: state.last });
      expect(quote["bidSize"]).toBe(state.bidSize);
      expect(quote["askSize"]).toBe(state.askSize);
      const bid = quote["bid"] as number;
      const ask = quote["ask"] as number;
      expect(bid).toBeLessThan(ask);
      expect(onGrid(bid, tick) && onGrid(ask, tick)).toBe(true);
      expect(Number.isNaN(Date.parse(quote["time"] as string))).toBe(false);
    }
  });

  it("updates as the market moves", async () => {
    const { port, clock } = await fixture.start();
    let stepped = false;
    const { code, stdout } = await run(["quote", "EUR.USD", "--port", port, "--json"], {
      stopWhen: (out) => {
        const quotes = jsonLines(out);
        // Once the first quote is in, step the host's clock: its streams send what changed each second.
        if (quotes.length === 1 && !stepped) {
          stepped = true;
          setImmediate(() => clock.advance(5000));
        }
        return quotes.length >= 2;
      },
    });
    expect(code).toBe(EXIT_CODES.ok);
    const quotes = jsonLines(stdout);
    expect(quotes.length).toBeGreaterThan(1);
    expect(new Set(quotes.map((q) => `${q["bid"]}/${q["ask"]}/${q["bidSize"]}`)).size).toBeGreaterThan(1);
  });

  it("prints plain lines when stdout is not a terminal, a board redrawn in place when it is", async () => {
    const { port } = await fixture.start();
    const plain = await run(["quote", "AAPL", "--port", port], { stopWhen: (out) => out.includes("\n") });
    expect(plain.code).toBe(EXIT_CODES.ok);
    expect(plain.stdout).toMatch(/^AAPL bid=\d+\.\d{2} ask=\d+\.\d{2} last=/m);
    expect(plain.stdout).not.toContain("\u001b[");
    const tty = await run(["quote", "AAPL", "--port", port], { isTTY: true, stopWhen: (out) => out.includes("AAPL") });
    expect(tty.code).toBe(EXIT_CODES.ok);
    expect(tty.stdout).toContain("\u001b[?25l"); // cursor hidden while drawing
    expect(tty.stdout).toMatch(/SYMBOL\s+BID\s+ASK\s+LAST\s+BIDSIZE\s+ASKSIZE\s+LASTSIZE\s+VOLUME\s+CHANGE\s+TIME/);
    expect(tty.stdout.endsWith("\u001b[?25h")).toBe(true); // and shown again at the end
  });

  it("asks for delayed data with --delayed and takes TWS's 10167 as a notice", async () => {
    const { port } = await fixture.start({ market: { realTime: () => false } });
    const refused = await run(["quote", "AAPL", "--port", port]);
    expect(refused.code).toBe(EXIT_CODES.rejected);
    expect(refused.stderr).toMatch(/quote AAPL: Requested market data is not subscribed.*\(TWS error 354\).*--delayed/);
    const delayed = await run(["quote", "AAPL", "--port", port, "--delayed", "--json"], {
      stopWhen: (out) => out.includes("\n"),
    });
    expect(delayed.code).toBe(EXIT_CODES.ok);
    expect(jsonLines(delayed.stdout)[0]).toMatchObject({ type: "quote", symbol: "AAPL" });
  });

  it("exits 3 for an unknown symbol, naming it", async () => {
    const { port } = await fixture.start();
    const { code, stdout, stderr } = await run(["quote", "NOSUCH", "--port", port, "--json"]);
    expect(code).toBe(EXIT_CODES.notFound);
    expect(stderr).toMatch(
      /^tws: quote NOSUCH: No security definition has been found for the request \(TWS error 200\)/,
    );
    expect(jsonLines(stdout).at(-1)).toMatchObject({ type: "error", code: EXIT_CODES.notFound });
  });

  it("ends after --duration with exit code 0", async () => {
    const { port } = await fixture.start();
    const { code, stderr } = await run(["quote", "AAPL", "--port", port, "--json", "--duration", "0"]);
    expect({ code, stderr }).toEqual({ code: EXIT_CODES.ok, stderr: "" });
  });

  it("runs against the embedded simulated host when no host is named", async () => {
    const { code, stdout } = await run(["quote", "SPY", "--json"], { stopWhen: (out) => out.includes("\n") });
    expect(code).toBe(EXIT_CODES.ok);
    const [quote] = jsonLines(stdout);
    expect(quote).toMatchObject({ type: "quote", symbol: "SPY" });
    expect(quote!["bid"] as number).toBeLessThan(quote!["ask"] as number);
  });
});
