import type { NewsProvider } from "../../protocol/models/news.js";

/**
 * The news providers the host offers: the three API news services the TWS API documentation says every account
 * has by default ("News": Briefing.com General Market Columns, Briefing.com Analyst Actions, Dow Jones
 * Newsletters). Codes and names are theirs; every headline and article the host serves under them is ours,
 * synthetic, and says so.
 */
export const NEWS_PROVIDERS: readonly NewsProvider[] = [
  { code: "BRFG", name: "Briefing.com General Market Columns" },
  { code: "BRFUPDN", name: "Briefing.com Analyst Actions" },
  { code: "DJNL", name: "Dow Jones Newsletters" },
];

/** Whether `code` is one of {@link NEWS_PROVIDERS}. */
export function isNewsProvider(code: string): boolean {
  return NEWS_PROVIDERS.some((p) => p.code === code);
}
