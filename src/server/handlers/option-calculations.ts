import type {
  CalculateImpliedVolatilityMessage,
  CalculateOptionPriceMessage,
} from "../../protocol/messages/market-data/option-calculations.js";
import { TickType } from "../../protocol/models/tick-type.js";
import type { MarketInstrument } from "../engine/market/index.js";
import { requestError } from "../errors-table.js";
import { MarketDataCode, MarketDataText } from "../market-data/codes.js";
import { priceComputation, volatilityComputation } from "../options/model.js";
import type { RequestContext, RequestHandler } from "./types.js";

/**
 * TWS's option calculator: REQ_CALC_IMPLIED_VOLAT and REQ_CALC_OPTION_PRICE answer one TICK_OPTION_COMPUTATION
 * with the request's id, computed by the host's option model at the host's time with the request's prices.
 *
 * Assumed where no source shows TWS's answer: the tick type is 13 (model option computation), as the clients
 * that decode it expect (ib_async resolves the request with whatever computation comes; rust-ibapi's fixtures use
 * 13); an unset underlying price means the underlying's price now; a contract that is not an option, a price or
 * volatility that is not positive, or a volatility above 500 % gets 321 naming the cause; the cancels answer
 * nothing (the calculation has already been answered).
 */

/** The widest volatility the model solves for (black-scholes.ts brackets implied volatility in (0.1 %, 500 %]). */
const MAX_VOLATILITY = 5;

function invalid(ctx: RequestContext, reqId: number, request: string, why: string): void {
  const e = requestError("validate", request, why);
  ctx.error(reqId, e.code, e.text);
}

/** The option and the underlying price of a calculation, or undefined after sending the error. */
function calculationInputs(
  ctx: RequestContext,
  name: string,
  m: { reqId: number; contract: CalculateOptionPriceMessage["contract"]; underPrice: number | undefined },
): { option: MarketInstrument; spot: number; second: number } | undefined {
  const engine = ctx.host.marketData.engine;
  const option = engine.instrumentOf(m.contract);
  if (!option) {
    ctx.error(m.reqId, MarketDataCode.NO_SECURITY_DEFINITION, MarketDataText.noSecurityDefinition);
    return undefined;
  }
  const terms = option.derivative;
  if (!terms?.option) {
    invalid(ctx, m.reqId, name, `${option.symbol} ${option.secType} is not an option`);
    return undefined;
  }
  const now = ctx.host.clock.now();
  const second = Math.floor(now / 1000);
  const spot = m.underPrice ?? engine.process(terms.underlying).mid(engine.state(option, now).quoteSecond);
  if (!(spot > 0) || !Number.isFinite(spot)) {
    invalid(ctx, m.reqId, name, `underlying price ${m.underPrice} is not a positive price`);
    return undefined;
  }
  return { option, spot, second };
}

export const optionCalculationHandlers: Record<string, RequestHandler> = {
  REQ_CALC_IMPLIED_VOLAT: {
    handle(ctx, request) {
      const m = request.value as CalculateImpliedVolatilityMessage;
      if (m.optionPrice === undefined || !(m.optionPrice > 0) || !Number.isFinite(m.optionPrice)) {
        invalid(ctx, m.reqId, request.name, `option price ${m.optionPrice} is not a positive price`);
        return;
      }
      const inputs = calculationInputs(ctx, request.name, m);
      if (!inputs) return;
      const computation = priceComputation(inputs.option.derivative!, m.optionPrice, inputs.spot, inputs.second);
      ctx.reply("TICK_OPTION_COMPUTATION", { reqId: m.reqId, tickType: TickType.MODEL_OPTION, ...computation });
    },
  },
  REQ_CALC_OPTION_PRICE: {
    handle(ctx, request) {
      const m = request.value as CalculateOptionPriceMessage;
      const vol = m.volatility;
      if (vol === undefined || !(vol > 0) || vol > MAX_VOLATILITY) {
        invalid(ctx, m.reqId, request.name, `volatility ${vol} is not in (0, ${MAX_VOLATILITY}]`);
        return;
      }
      const inputs = calculationInputs(ctx, request.name, m);
      if (!inputs) return;
      const computation = volatilityComputation(inputs.option.derivative!, vol, inputs.spot, inputs.second);
      ctx.reply("TICK_OPTION_COMPUTATION", { reqId: m.reqId, tickType: TickType.MODEL_OPTION, ...computation });
    },
  },
  // The answer went out with the request; a cancel has nothing left to stop.
  CANCEL_CALC_IMPLIED_VOLAT: { handle() {} },
  CANCEL_CALC_OPTION_PRICE: { handle() {} },
};
