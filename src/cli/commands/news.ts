import type { NewsProvider } from "../../protocol/models/news.js";
import type { CommandDefinition } from "../context.js";
import { CliError, EXIT_CODES, usageError } from "../exit-codes.js";
import { formatTable } from "../output.js";
import { contractDetails, parseSymbol } from "../session/contracts.js";
import { sessionOptions } from "../session/for-command.js";
import { type Session, withSession } from "../session/session.js";
import { parseSeconds } from "../session/stop.js";

/** One headline of reqHistoricalNews. */
interface Headline {
  readonly time: string;
  readonly provider: string;
  readonly articleId: string;
  readonly headline: string;
}

/** updateNewsBulletin's message types, as the TWS API documents them. */
const BULLETIN_KINDS: Record<number, string> = { 1: "news", 2: "exchange available", 3: "exchange unavailable" };

async function providers(session: Session): Promise<NewsProvider[]> {
  const [list] = await session.reply("newsProviders", () => session.client.reqNewsProviders(), "news providers");
  return list;
}

function headlines(session: Session, conId: number, codes: string, rows: number, label: string): Promise<Headline[]> {
  return session.request<Headline[]>(
    `news of ${label}`,
    (reqId) => session.client.reqHistoricalNews(reqId, conId, codes, "", "", rows),
    (done) => {
      const found: Headline[] = [];
      return {
        historicalNews: (_id, time, provider, articleId, headline) =>
          found.push({ time, provider, articleId, headline }),
        historicalNewsEnd: () => done(found),
      };
    },
  );
}

function article(session: Session, provider: string, articleId: string) {
  return session.request<{ articleType: number; text: string }>(
    `news article ${articleId}`,
    (reqId) => session.client.reqNewsArticle(reqId, provider, articleId),
    (done) => ({ newsArticle: (_id, articleType, text) => done({ articleType, text }) }),
  );
}

/** `tws news`: providers, headlines of a symbol, an article, or IB's bulletins. */
export const newsCommand: CommandDefinition = {
  name: "news",
  summary: "news: providers, headlines, articles, bulletins",
  examples: [
    { command: "tws news", description: "the news providers of the account" },
    { command: "tws news --symbol AAPL --rows 5", description: "AAPL's latest headlines from every provider" },
    { command: "tws news --article BRFG\\$12345 --provider BRFG", description: "one article's text" },
    { command: "tws news --bulletins --duration 60", description: "IB news bulletins for a minute" },
  ],
  needsHost: true,
  register(program, ctx) {
    return program
      .command("news")
      .description(
        "Without options, list the news providers (reqNewsProviders). --symbol: the latest headlines of a " +
          "contract (reqHistoricalNews, every provider unless --providers). --article: the text of one article " +
          "(reqNewsArticle; PDF articles are written as base64). --bulletins: IB's news bulletins as they come " +
          "(reqNewsBulletins), until Ctrl-C or --duration.",
      )
      .option("--symbol <symbol>", "headlines of this contract (AAPL, EUR.USD, ES, a conId)")
      .option("--providers <codes>", "provider codes for --symbol, joined by + (BRFG+DJNL); default every one")
      .option("--rows <n>", "headlines wanted (TWS sends at most 300)", "10")
      .option("--article <id>", "the article to read")
      .option("--provider <code>", "the provider of --article (default: the id's prefix before $)")
      .option("--bulletins", "stream IB news bulletins")
      .option("--duration <seconds>", "with --bulletins: stop after this many seconds")
      .action(async (opts) => {
        const out = ctx.output();
        const rows = /^\d{1,3}$/.test(opts.rows) ? Number(opts.rows) : Number.NaN;
        if (!(rows >= 1 && rows <= 300)) throw usageError(`--rows must be a number from 1 to 300, got '${opts.rows}'`);
        const modes = [opts.symbol !== undefined, opts.article !== undefined, opts.bulletins === true].filter(Boolean);
        if (modes.length > 1) throw usageError("give one of --symbol, --article and --bulletins");
        const seconds = parseSeconds(opts.duration);
        const articleProvider = opts.provider ?? (opts.article?.includes("$") ? opts.article.split("$")[0] : undefined);
        if (opts.article !== undefined && !articleProvider) {
          throw usageError("--article needs --provider (the provider code, such as BRFG)");
        }
        await withSession(sessionOptions(ctx), async (session) => {
          if (opts.article !== undefined) {
            const { articleType, text } = await article(session, articleProvider!, opts.article);
            if (out.json)
              out.record("article", { provider: articleProvider, articleId: opts.article, articleType, text });
            else out.line(text);
            return;
          }
          if (opts.bulletins) {
            session.on("updateNewsBulletin", (msgId, msgType, message, exchange) => {
              const kind = BULLETIN_KINDS[msgType] ?? String(msgType);
              if (out.json) out.record("bulletin", { id: msgId, kind, exchange, message });
              else
                out.line(
                  `${new Date().toISOString().slice(0, 19)}Z [${kind}]${exchange ? ` ${exchange}:` : ""} ${message}`,
                );
            });
            session.client.reqNewsBulletins(true);
            try {
              await session.until(seconds);
            } finally {
              if (session.client.isConnected()) session.client.cancelNewsBulletins();
            }
            return;
          }
          if (opts.symbol === undefined) {
            const list = await providers(session);
            if (out.json) for (const p of list) out.record("newsProvider", { code: p.code, name: p.name });
            else
              for (const line of formatTable(
                ["CODE", "NAME"],
                list.map((p) => [p.code, p.name]),
                out.colors,
              ))
                out.line(line);
            return;
          }
          const spec = parseSymbol(opts.symbol);
          const details = await contractDetails(session, spec.contract, spec.label);
          const conId = details[0]?.contract.conId;
          if (conId === undefined) throw new CliError(`${spec.label}: no contract matches`, EXIT_CODES.notFound);
          const codes = opts.providers ?? (await providers(session)).map((p) => p.code).join("+");
          if (codes === "") throw new CliError("the account has no news providers", EXIT_CODES.notFound);
          const found = await headlines(session, conId, codes, rows, spec.label);
          if (out.json) {
            for (const h of found) out.record("headline", { symbol: spec.label, ...h });
            return;
          }
          if (found.length === 0) out.line(out.colors.dim(`no headlines for ${spec.label} from ${codes}`));
          const table = found.map((h) => [h.time, h.provider, h.articleId, h.headline]);
          for (const line of formatTable(["TIME", "PROVIDER", "ARTICLE", "HEADLINE"], table, out.colors))
            out.line(line);
        });
      });
  },
};
