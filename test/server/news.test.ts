import { describe, expect, it } from "vitest";
import { MarketEngine } from "../../src/server/engine/market/index.js";
import { universeAt } from "../../src/server/engine/reference/universe.js";
import { TwsCode } from "../../src/server/errors-table.js";
import { BIG_MOVE_PERCENT } from "../../src/server/news/headlines.js";
import { marketView } from "../../src/server/news/market-view.js";
import { NEWS_PROVIDERS } from "../../src/server/news/providers.js";
import { parseNewsTime } from "../../src/server/news/time.js";
import { hostFixture } from "../harness/host-fixture.js";
import type { TestClient } from "../harness/test-client.js";

const fx = hostFixture();
const SEED = 5;
const AAPL = 265598;
const ALL = "BRFG+BRFUPDN+DJNL";
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.0$/;

interface NewsRow {
  requestId: number;
  time: string;
  providerCode: string;
  articleId: string;
  headline: string;
}

async function historicalNews(
  c: TestClient,
  reqId: number,
  conId: number,
  providerCodes: string,
  totalResults: number,
  startDateTime = "",
  endDateTime = "",
): Promise<{ rows: NewsRow[]; hasMore: boolean }> {
  c.send("REQ_HISTORICAL_NEWS", {
    reqId,
    conId,
    providerCodes,
    startDateTime,
    endDateTime,
    totalResults,
    historicalNewsOptions: undefined,
  });
  const rows: NewsRow[] = [];
  for (;;) {
    const m = await c.take(
      (r) =>
        (r.name === "HISTORICAL_NEWS" && r.value.requestId === reqId) ||
        (r.name === "HISTORICAL_NEWS_END" && r.value.reqId === reqId),
    );
    if (m.name === "HISTORICAL_NEWS_END") return { rows, hasMore: m.value.hasMore };
    rows.push(m.value);
  }
}

const stock = (conId: number, t: number) => universeAt(t).byConId(conId)!;

describe.each([176, 214])("news at server version %i", (sv) => {
  it("lists the three default API news providers", async () => {
    const { host } = await fx.start({ seed: SEED });
    const c = await fx.ready(host, 1, { max: sv });
    c.send("REQ_NEWS_PROVIDERS", {});
    expect((await c.take("NEWS_PROVIDERS")).value.newsProviders).toEqual(NEWS_PROVIDERS);
  });

  it("serves synthetic headlines newest first in the window, honouring totalResults, that follow the market", async () => {
    const { host, clock } = await fx.start({ seed: SEED });
    clock.advance(6 * 3_600_000);
    const engine = new MarketEngine({ seed: SEED });
    const instrument = engine.instrumentOf(stock(AAPL, clock.now()).details.contract)!;
    const c = await fx.ready(host, 1, { max: sv });
    const { rows, hasMore } = await historicalNews(c, 1, AAPL, ALL, 12);
    expect(rows).toHaveLength(12);
    expect(hasMore).toBe(true);
    const times = rows.map((r) => parseNewsTime(r.time)!);
    let quotedMoves = 0;
    for (const [i, r] of rows.entries()) {
      expect(r.time).toMatch(TIME);
      expect(r.requestId).toBe(1);
      expect(["BRFG", "BRFUPDN", "DJNL"]).toContain(r.providerCode);
      expect(r.articleId.startsWith(`${r.providerCode}$`)).toBe(true);
      expect(r.headline).toMatch(/^\[SIM\] /);
      expect(r.headline).toContain("AAPL");
      expect(times[i]).toBeLessThanOrEqual(clock.now());
      if (i > 0) expect(times[i]).toBeLessThanOrEqual(times[i - 1]!);
      // The move a headline quotes is the engine's at the headline's time.
      const quoted = /([+-]\d+\.\d\d)%/.exec(r.headline);
      if (quoted) quotedMoves++;
      if (quoted)
        expect(quoted[1]).toBe(
          `${marketView(engine, instrument, times[i]!).change >= 0 ? "+" : ""}${marketView(engine, instrument, times[i]!).change.toFixed(2)}`,
        );
    }
    expect(quotedMoves).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.articleId)).size).toBe(12);

    // A window holding part of them: exactly those in (start, end], newest first, no more.
    const start = rows[9]!.time;
    const end = rows[2]!.time;
    const part = await historicalNews(c, 2, AAPL, ALL, 300, start, end);
    expect(part.rows.map((r) => r.articleId)).toEqual(rows.slice(2, 9).map((r) => r.articleId));
    expect(part.hasMore).toBe(false);
    const capped = await historicalNews(c, 3, AAPL, ALL, 3, start, end);
    expect(capped.rows.map((r) => r.articleId)).toEqual(rows.slice(2, 5).map((r) => r.articleId));
    expect(capped.hasMore).toBe(true);
    // One provider: only its headlines, the same ones.
    const brfg = await historicalNews(c, 4, AAPL, "BRFG", 300, start, end);
    expect(brfg.rows).toEqual(part.rows.filter((r) => r.providerCode === "BRFG").map((r) => ({ ...r, requestId: 4 })));

    // Articles: type 0 text naming the headline, and TWS-style refusal of an unknown id.
    c.send("REQ_NEWS_ARTICLE", {
      reqId: 9,
      providerCode: rows[0]!.providerCode,
      articleId: rows[0]!.articleId,
      newsArticleOptions: undefined,
    });
    const article = (await c.take("NEWS_ARTICLE")).value;
    expect(article).toMatchObject({ reqId: 9, articleType: 0 });
    expect(article.articleText.startsWith(rows[0]!.headline)).toBe(true);
    expect(article.articleText).toContain("It is not news");
    c.send("REQ_NEWS_ARTICLE", {
      reqId: 10,
      providerCode: "BRFG",
      articleId: "BRFG$04fb9da2",
      newsArticleOptions: undefined,
    });
    expect(await c.takeError()).toMatchObject({ reqId: 10, code: TwsCode.REQUEST_VALIDATION_ERROR });
  });

  it("refuses unknown providers, contracts, times and counts", async () => {
    const { host } = await fx.start({ seed: SEED });
    const c = await fx.ready(host, 1, { max: sv });
    const send = (reqId: number, conId: number, providerCodes: string, start: string, total: number) =>
      c.send("REQ_HISTORICAL_NEWS", {
        reqId,
        conId,
        providerCodes,
        startDateTime: start,
        endDateTime: "",
        totalResults: total,
        historicalNewsOptions: undefined,
      });
    send(1, AAPL, "BRFG+FLY", "", 10);
    expect(await c.takeError()).toMatchObject({ reqId: 1, code: TwsCode.REQUEST_VALIDATION_ERROR });
    send(2, 1, "BRFG", "", 10);
    expect(await c.takeError()).toMatchObject({ reqId: 2, code: 200 });
    send(3, AAPL, "BRFG", "yesterday", 10);
    expect(await c.takeError()).toMatchObject({ reqId: 3, code: TwsCode.REQUEST_VALIDATION_ERROR });
    send(4, AAPL, "BRFG", "", 0);
    expect(await c.takeError()).toMatchObject({ reqId: 4, code: TwsCode.REQUEST_VALIDATION_ERROR });
  });
});

describe("historical news determinism and big moves", () => {
  it("the same seed gives the same headlines; another seed others", async () => {
    const lists: string[][] = [];
    for (const seed of [SEED, SEED, SEED + 1]) {
      const { host } = await fx.start({ seed });
      const c = await fx.ready(host, 1);
      lists.push((await historicalNews(c, 1, AAPL, ALL, 20)).rows.map((r) => `${r.time} ${r.headline}`));
    }
    expect(lists[1]).toEqual(lists[0]);
    expect(lists[2]).not.toEqual(lists[0]);
  });

  it("a move of the day past 3 % makes a BRFG headline that says so", async () => {
    const { host, clock } = await fx.start({ seed: SEED });
    const engine = new MarketEngine({ seed: SEED });
    const c = await fx.ready(host, 1);
    const stocks = universeAt(clock.now()).instruments.filter((i) => i.details.contract.secType === "STK");
    let found = 0;
    for (const [i, entry] of stocks.entries()) {
      const conId = entry.details.contract.conId!;
      const { rows } = await historicalNews(c, 100 + i, conId, "BRFG", 300);
      const instrument = engine.instrumentOf(entry.details.contract)!;
      for (const r of rows.filter((x) => / (jumps|slides) /.test(x.headline))) {
        const v = marketView(engine, instrument, parseNewsTime(r.time)!);
        expect(Math.abs(v.change)).toBeGreaterThanOrEqual(BIG_MOVE_PERCENT);
        expect(r.headline).toContain(v.change > 0 ? " jumps " : " slides ");
        expect(r.headline).toContain(`${Math.abs(v.change).toFixed(1)}%`);
        found++;
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});
