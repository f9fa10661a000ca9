import { describe, expect, it } from "vitest";
import { DEMO_SYMBOLS } from "../../src/cli/commands/demo.js";
import { EXIT_CODES } from "../../src/cli/exit-codes.js";
import { cliHost } from "./cli-host.js";
import { run } from "./run.js";

const fixture = cliHost();

/** The last frame a LiveView drew: the text after the last cursor move, without control sequences. */
function lastFrame(stdout: string): string {
  const frame = stdout.slice(stdout.lastIndexOf("\u001b[?25l") + 1);
  return frame
    .split(/\u001b\[\d*F/)
    .at(-1)!
    .replace(/\u001b\[[\d;?]*[A-Za-z]/g, "");
}

/** A board row with prices, and a trend of at least one bar. */
const filledRow = (frame: string, symbol: string) =>
  new RegExp(`^${symbol.replace(".", "\\.")}\\S*\\s+\\d+\\.\\d+\\s+\\d+\\.\\d+.*[▁▂▃▄▅▆▇█]`, "m").test(frame);

describe("tws demo", () => {
  it("shows a live board with recent bars for stocks, an ETF and EUR.USD", async () => {
    const { host, port } = await fixture.start();
    const symbols = ["AAPL", "MSFT", "SPY", "EUR.USD"];
    const { code, stdout } = await run(["demo", "--port", port], {
      isTTY: true,
      stopWhen: (out) => symbols.every((s) => filledRow(lastFrame(out), s)),
    });
    expect(code).toBe(EXIT_CODES.ok);
    const frame = lastFrame(stdout);
    expect(frame).toMatch(new RegExp(`tws-ts live data from 127\\.0\\.0\\.1:${port}`));
    const engine = host.state.marketData.engine;
    const state = engine.state(engine.instrumentOf({ symbol: "AAPL", secType: "STK" })!, host.clock.now());
    expect(frame).toMatch(new RegExp(`^AAPL\\s+${state.bid.toFixed(2)}\\s+${state.ask.toFixed(2)}\\s`, "m"));
    expect(DEMO_SYMBOLS).toEqual(expect.arrayContaining(symbols));
  });
});
