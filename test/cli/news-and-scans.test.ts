import { afterEach, describe, expect, it } from "vitest";
import { scanCodes } from "../../src/cli/commands/scan.js";
import { EXIT_CODES } from "../../src/cli/exit-codes.js";
import { universeAt } from "../../src/server/engine/reference/universe.js";
import { scannerParametersXml } from "../../src/server/scanner/parameters-xml.js";
import { changePercent } from "../../src/server/scanner/scan-codes.js";
import { cliHost } from "./cli-host.js";
import { hasLine, jsonLines, run } from "./run.js";
import { type Answer, type ScriptedTws, scriptedTws } from "./scripted-tws.js";

/**
 * `tws news` and `tws scan` against a scripted TWS, which pins the commands to the protocol (requests sent, replies
 * shown) on their own; both also run against the simulated host at the end.
 */

const hosts: ScriptedTws[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.host.close()));
});

async function start(answers: Record<string, Answer>): Promise<ScriptedTws> {
  const tws = await scriptedTws(answers);
  hosts.push(tws);
  return tws;
}

const PROVIDERS: Answer = () => [
  [
    "NEWS_PROVIDERS",
    {
      newsProviders: [
        { code: "BRFG", name: "Briefing.com General Market Columns" },
        { code: "DJNL", name: "Dow Jones Newsletters" },
      ],
    },
  ],
];

const AAPL: Answer = (v) => [
  [
    "CONTRACT_DATA",
    {
      reqId: v["reqId"],
      contractDetails: {
        contract: { conId: 265598, symbol: "AAPL", secType: "STK", exchange: "SMART", currency: "USD" },
      },
    },
  ],
  ["CONTRACT_DATA_END", { reqId: v["reqId"] }],
];

describe("tws news", () => {
  it("lists the providers", async () => {
    const { port } = await start({ REQ_NEWS_PROVIDERS: PROVIDERS });
    const json = await run(["news", "--port", port, "--json"]);
    expect(json.code).toBe(EXIT_CODES.ok);
    expect(jsonLines(json.stdout)).toEqual([
      { type: "newsProvider", code: "BRFG", name: "Briefing.com General Market Columns" },
      { type: "newsProvider", code: "DJNL", name: "Dow Jones Newsletters" },
    ]);
    const text = await run(["news", "--port", port]);
    expect(text.stdout).toMatch(/^CODE\s+NAME\nBRFG\s+Briefing\.com General Market Columns\nDJNL/);
  });

  it("--symbol asks every provider for the contract's headlines", async () => {
    const tws = await start({
      REQ_CONTRACT_DATA: AAPL,
      REQ_NEWS_PROVIDERS: PROVIDERS,
      REQ_HISTORICAL_NEWS: (v) => [
        [
          "HISTORICAL_NEWS",
          {
            requestId: v["reqId"],
            time: "2026-11-23 14:05:00.0",
            providerCode: "BRFG",
            articleId: "BRFG$1a",
            headline: "Apple up",
          },
        ],
        [
          "HISTORICAL_NEWS",
          {
            requestId: v["reqId"],
            time: "2026-11-23 13:00:00.0",
            providerCode: "DJNL",
            articleId: "DJNL$2b",
            headline: "Apple flat",
          },
        ],
        ["HISTORICAL_NEWS_END", { reqId: v["reqId"], hasMore: false }],
      ],
    });
    const { code, stdout } = await run(["news", "--symbol", "AAPL", "--rows", "2", "--port", tws.port, "--json"]);
    expect(code).toBe(EXIT_CODES.ok);
    expect(tws.requests.find((r) => r.name === "REQ_HISTORICAL_NEWS")!.value).toMatchObject({
      conId: 265598,
      providerCodes: "BRFG+DJNL",
      totalResults: 2,
    });
    expect(jsonLines(stdout)).toEqual([
      {
        type: "headline",
        symbol: "AAPL",
        time: "2026-11-23 14:05:00.0",
        provider: "BRFG",
        articleId: "BRFG$1a",
        headline: "Apple up",
      },
      {
        type: "headline",
        symbol: "AAPL",
        time: "2026-11-23 13:00:00.0",
        provider: "DJNL",
        articleId: "DJNL$2b",
        headline: "Apple flat",
      },
    ]);
  });

  it("--article prints the article, its provider taken from the id", async () => {
    const tws = await start({
      REQ_NEWS_ARTICLE: (v) => [
        ["NEWS_ARTICLE", { reqId: v["reqId"], articleType: 0, articleText: "<p>Apple up</p>" }],
      ],
    });
    const { code, stdout } = await run(["news", "--article", "BRFG$1a", "--port", tws.port]);
    expect(code).toBe(EXIT_CODES.ok);
    expect(stdout).toBe("<p>Apple up</p>\n");
    expect(tws.requests[0]!.value).toMatchObject({ providerCode: "BRFG", articleId: "BRFG$1a" });
  });

  it("--bulletins streams bulletins until stopped, then cancels them", async () => {
    const tws = await start({
      REQ_NEWS_BULLETINS: () => [
        ["NEWS_BULLETINS", { msgId: 7, msgType: 3, newsMessage: "Trading halted on ISLAND", originExch: "ISLAND" }],
      ],
    });
    const { code, stdout } = await run(["news", "--bulletins", "--port", tws.port, "--json"], {
      stopWhen: (out) => hasLine(out, (l) => l["type"] === "bulletin"),
    });
    expect(code).toBe(EXIT_CODES.ok);
    expect(jsonLines(stdout)).toEqual([
      {
        type: "bulletin",
        id: 7,
        kind: "exchange unavailable",
        exchange: "ISLAND",
        message: "Trading halted on ISLAND",
      },
    ]);
    await tws.host.waitForFrames(3);
    expect(tws.requests.map((r) => r.name)).toEqual(["REQ_NEWS_BULLETINS", "CANCEL_NEWS_BULLETINS"]);
  });

  it("exits 4 when TWS refuses the request", async () => {
    const refused = await start({
      REQ_NEWS_PROVIDERS: () => [
        [
          "ERR_MSG",
          {
            reqId: -1,
            errorTime: 0,
            errorCode: 321,
            errorString: "Error validating request",
            advancedOrderRejectJson: "",
          },
        ],
      ],
    });
    const { code, stderr } = await run(["news", "--port", refused.port]);
    expect(code).toBe(EXIT_CODES.rejected);
    expect(stderr).toMatch(/Error validating request \(TWS error 321\)/);
  });
});

const XML = `<?xml version="1.0" encoding="UTF-8"?><ScanParameterResponse><ScanTypeList>
<ScanType><displayName>Top % Gainers</displayName><scanCode>TOP_PERC_GAIN</scanCode><instruments>STK,STOCK.NA</instruments></ScanType>
<ScanType><displayName>Most Active</displayName><scanCode>MOST_ACTIVE</scanCode><instruments>STK</instruments></ScanType>
</ScanTypeList></ScanParameterResponse>`;

describe("tws scan", () => {
  it("--list reads the scan codes of the scanner parameters", async () => {
    const { port } = await start({ REQ_SCANNER_PARAMETERS: () => [["SCANNER_PARAMETERS", { xml: XML }]] });
    const { code, stdout } = await run(["scan", "--list", "--port", port, "--json"]);
    expect(code).toBe(EXIT_CODES.ok);
    expect(jsonLines(stdout)).toEqual(scanCodes(XML).map((c) => ({ type: "scanCode", ...c })));
    expect(scanCodes(XML)[0]).toEqual({
      code: "TOP_PERC_GAIN",
      name: "Top % Gainers",
      instruments: ["STK", "STOCK.NA"],
    });
  });

  it("prints the first answer's rows by rank, then cancels the subscription", async () => {
    const row = (rank: number, conId: number, symbol: string) => ({
      rank,
      contract: {
        conId,
        symbol,
        secType: "STK",
        exchange: "SMART",
        currency: "USD",
        localSymbol: symbol,
        tradingClass: "NMS",
      },
      marketName: "NMS",
      distance: "",
      benchmark: "",
      projection: "",
      legsStr: "",
    });
    const tws = await start({
      REQ_SCANNER_SUBSCRIPTION: (v) => [
        ["SCANNER_DATA", { reqId: v["reqId"], elements: [row(1, 272093, "MSFT"), row(0, 265598, "AAPL")] }],
      ],
    });
    const { code, stdout } = await run(["scan", "TOP_PERC_GAIN", "--rows", "2", "--port", tws.port, "--json"]);
    expect(code).toBe(EXIT_CODES.ok);
    expect(jsonLines(stdout).map((l) => [l["rank"], l["symbol"], l["conId"]])).toEqual([
      [0, "AAPL", 265598],
      [1, "MSFT", 272093],
    ]);
    expect(tws.requests[0]!.value).toMatchObject({
      subscription: { scanCode: "TOP_PERC_GAIN", numberOfRows: 2, instrument: "STK", locationCode: "STK.US.MAJOR" },
    });
    await tws.host.waitForFrames(3);
    expect(tws.requests.map((r) => r.name)).toEqual(["REQ_SCANNER_SUBSCRIPTION", "CANCEL_SCANNER_SUBSCRIPTION"]);
  });
});

describe("tws scan against the simulated host", () => {
  const fixture = cliHost();

  it("ranks the top gainers by their change from the previous close in the host's market", async () => {
    const { host, port } = await fixture.start();
    const { code, stdout } = await run(["scan", "TOP_PERC_GAIN", "--rows", "5", "--port", port, "--json"]);
    expect(code).toBe(EXIT_CODES.ok);
    const rows = jsonLines(stdout);
    expect(rows.map((r) => r["rank"])).toEqual([0, 1, 2, 3, 4]);
    const engine = host.state.marketData.engine;
    const universe = universeAt(host.clock.now());
    const changes = rows.map((r) => {
      const entry = universe.byConId(r["conId"] as number)!;
      expect(r).toMatchObject({ type: "scan", symbol: entry.details.contract.symbol, secType: "STK" });
      return changePercent(engine.state(engine.instrumentOf(entry.details.contract)!, host.clock.now()));
    });
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    expect(changes[0]).toBeGreaterThan(0);
  });

  it("--list gives the scan codes of the host's scanner parameters", async () => {
    const { port } = await fixture.start();
    const { code, stdout } = await run(["scan", "--list", "--port", port, "--json"]);
    expect(code).toBe(EXIT_CODES.ok);
    expect(jsonLines(stdout)).toEqual(scanCodes(scannerParametersXml()).map((c) => ({ type: "scanCode", ...c })));
    expect(jsonLines(stdout).map((l) => l["code"])).toContain("TOP_PERC_GAIN");
  });
});

describe("tws news against the simulated host", () => {
  const fixture = cliHost();

  it("lists the host's providers, then the contract's headlines, then an article's text", async () => {
    const { port } = await fixture.start({ seed: 15 });
    const providers = await run(["news", "--port", port, "--json"]);
    expect(providers.code).toBe(EXIT_CODES.ok);
    expect(jsonLines(providers.stdout).map((l) => l["code"])).toEqual(["BRFG", "BRFUPDN", "DJNL"]);
    const listed = await run(["news", "--symbol", "AAPL", "--rows", "3", "--port", port, "--json"]);
    expect(listed.code).toBe(EXIT_CODES.ok);
    const headlines = jsonLines(listed.stdout);
    expect(headlines).toHaveLength(3);
    for (const h of headlines)
      expect(h).toMatchObject({ type: "headline", symbol: "AAPL", headline: expect.stringMatching(/^\[SIM\] /) });
    const times = headlines.map((h) => String(h["time"]));
    expect(times).toEqual([...times].sort().reverse());
    const article = await run(["news", "--article", String(headlines[0]!["articleId"]), "--port", port]);
    expect(article.code).toBe(EXIT_CODES.ok);
    expect(article.stdout).toContain("AAPL");
  });
});
