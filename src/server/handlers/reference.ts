import type { ReqContractDataMessage } from "../../protocol/messages/contracts/contract-requests.js";
import type { ReqSecDefOptParamsMessage } from "../../protocol/messages/contracts/option-chains.js";
import type { ContractDetails } from "../../protocol/models/contract-details.js";
import { MARKET_RULES } from "../engine/reference/market-rules.js";
import { matchContract, matchSymbols } from "../engine/reference/matching.js";
import { universeAt } from "../engine/reference/universe.js";
import { DEPTH_EXCHANGES, SMART_COMPONENTS } from "../engine/reference/venues.js";
import { requestError } from "../errors-table.js";
import type { RequestContext, RequestHandler } from "./types.js";

/** TWS's answer when no contract matches a REQ_CONTRACT_DATA. */
export const NO_SECURITY_DEFINITION = { code: 200, text: "No security definition has been found for the request" };

/** The details as sent for one request: the exchange asked for when the contract trades there. */
function asAnswered(d: ContractDetails, exchange: string | undefined): ContractDetails {
  const valid = (d.validExchanges ?? "").split(",");
  const ex = exchange?.toUpperCase();
  if (!ex || !valid.includes(ex) || ex === d.contract.exchange) return d;
  return { ...d, contract: { ...d.contract, exchange: ex } };
}

function contractDetails(ctx: RequestContext, m: ReqContractDataMessage): void {
  const hits = matchContract(universeAt(ctx.host.clock.now()), m.contract);
  if (hits.length === 0) {
    ctx.error(m.reqId, NO_SECURITY_DEFINITION.code, NO_SECURITY_DEFINITION.text);
    return;
  }
  for (const hit of hits) {
    // Bonds have a message of their own, as TWS sends them.
    const name = hit.details.contract.secType === "BOND" ? "BOND_CONTRACT_DATA" : "CONTRACT_DATA";
    ctx.reply(name, { reqId: m.reqId, contractDetails: asAnswered(hit.details, m.contract.exchange) });
  }
  ctx.reply("CONTRACT_DATA_END", { reqId: m.reqId });
}

function secDefOptParams(ctx: RequestContext, m: ReqSecDefOptParamsMessage): void {
  const universe = universeAt(ctx.host.clock.now());
  const underlying =
    m.underlyingConId > 0
      ? universe.byConId(m.underlyingConId)
      : universe.instruments.find(
          (i) => i.details.contract.symbol === m.underlyingSymbol && i.details.contract.secType === m.underlyingSecType,
        );
  const conId = underlying?.details.contract.conId;
  // One message per exchange and trading class, with the expiries and strikes listed there.
  const chains = new Map<string, { multiplier: string; expirations: Set<string>; strikes: Set<number> }>();
  for (const i of universe.instruments) {
    if (conId === undefined || i.details.underConId !== conId || !i.chainExchanges) continue;
    const c = i.details.contract;
    for (const exchange of i.chainExchanges) {
      if (m.futFopExchange && m.futFopExchange !== exchange) continue;
      const key = `${exchange}|${c.tradingClass}`;
      let chain = chains.get(key);
      if (!chain) {
        chain = { multiplier: c.multiplier ?? "", expirations: new Set(), strikes: new Set() };
        chains.set(key, chain);
      }
      chain.expirations.add(c.lastTradeDateOrContractMonth ?? "");
      if (c.strike !== undefined) chain.strikes.add(c.strike);
    }
  }
  for (const [key, chain] of chains) {
    const [exchange, tradingClass] = key.split("|") as [string, string];
    ctx.reply("SECURITY_DEFINITION_OPTION_PARAMETER", {
      reqId: m.reqId,
      exchange,
      underlyingConId: conId,
      tradingClass,
      multiplier: chain.multiplier,
      expirations: [...chain.expirations].sort(),
      strikes: [...chain.strikes].sort((a, b) => a - b),
    });
  }
  ctx.reply("SECURITY_DEFINITION_OPTION_PARAMETER_END", { reqId: m.reqId });
}

/** Contracts and reference data: contract details, symbol search, option chains, market rules and venues. */
export const referenceHandlers: Record<string, RequestHandler> = {
  REQ_CONTRACT_DATA: {
    handle: (ctx, request) => contractDetails(ctx, request.value as ReqContractDataMessage),
  },
  CANCEL_CONTRACT_DATA: {
    // The host answers a REQ_CONTRACT_DATA at once, so nothing is left to cancel; TWS replies nothing either.
    handle() {},
  },
  REQ_MATCHING_SYMBOLS: {
    handle(ctx, request) {
      const { reqId, pattern } = request.value as { reqId: number; pattern: string };
      const contractDescriptions = matchSymbols(universeAt(ctx.host.clock.now()), pattern);
      ctx.reply("SYMBOL_SAMPLES", { reqId, contractDescriptions });
    },
  },
  REQ_SEC_DEF_OPT_PARAMS: {
    handle: (ctx, request) => secDefOptParams(ctx, request.value as ReqSecDefOptParamsMessage),
  },
  REQ_MARKET_RULE: {
    handle(ctx, request) {
      const { marketRuleId } = request.value as { marketRuleId: number };
      const priceIncrements = MARKET_RULES.get(marketRuleId);
      if (priceIncrements) {
        ctx.reply("MARKET_RULE", { marketRuleId, priceIncrements: priceIncrements.map((p) => ({ ...p })) });
        return;
      }
      // Not documented: TWS's answer to an unknown rule id. Ours: a 321 naming it.
      const e = requestError("validate", request.name, `market rule ${marketRuleId} is not defined`);
      ctx.error(-1, e.code, e.text);
    },
  },
  REQ_SMART_COMPONENTS: {
    handle(ctx, request) {
      const { reqId } = request.value as { reqId: number };
      // One SMART routing group for every bboExchange the host gives out (assumption).
      ctx.reply("SMART_COMPONENTS", { reqId, smartComponents: SMART_COMPONENTS.map((c) => ({ ...c })) });
    },
  },
  REQ_MKT_DEPTH_EXCHANGES: {
    handle(ctx) {
      ctx.reply("MKT_DEPTH_EXCHANGES", { depthMktDataDescriptions: DEPTH_EXCHANGES.map((d) => ({ ...d })) });
    },
  },
  REQ_FAMILY_CODES: {
    handle(ctx) {
      // Accounts without a linked family have an empty code (assumption: the host's accounts have none).
      const familyCodes = ctx.host.options.accounts.map((accountID) => ({ accountID, familyCodeStr: "" }));
      ctx.reply("FAMILY_CODES", { familyCodes });
    },
  },
  REQ_SOFT_DOLLAR_TIERS: {
    handle(ctx, request) {
      // Soft-dollar tiers belong to institutional accounts; the simulated ones have none.
      ctx.reply("SOFT_DOLLAR_TIERS", { reqId: (request.value as { reqId: number }).reqId, tiers: [] });
    },
  },
};
