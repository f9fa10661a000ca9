import { IncomingMessageId } from "../../message-ids.js";
import { OptionComputationBasis, OptionComputationNotComputed } from "../../models/market-data.js";
import { TickType } from "../../models/tick-type.js";
import { TickOptionComputation } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { protobufForm, reply, type WrapperCall } from "../spec.js";
import { ABSENT } from "./ticks.js";

/**
 * TICK_OPTION_COMPUTATION: implied volatility, greeks and model price of an option, on a market-data stream
 * (option ticks 10–13, 53, 80–83) or as the answer to REQ_CALC_IMPLIED_VOLAT / REQ_CALC_OPTION_PRICE.
 *
 * Text layouts (official `processTickOptionComputationMsg`):
 * - below MIN_SERVER_VER_PRICE_BASED_VOLATILITY: version, reqId, tickType, impliedVol, delta, then optPrice and
 *   pvDividend when the version is 6 or more or the tick is a model tick (13 / 83), then gamma, vega, theta,
 *   undPrice when the version is 6 or more. TWS writes version 6, which carries every field.
 * - from MIN_SERVER_VER_PRICE_BASED_VOLATILITY: no version; reqId, tickType, tickAttrib, then all eight values.
 * Protobuf (from MIN_SERVER_VER_PROTOBUF_MARKET_DATA): every field optional.
 *
 * The message holds the numbers as sent, "not computed" markers included (-1 for impliedVol / optPrice /
 * pvDividend / undPrice, -2 for the greeks); {@link optionComputationCallback} applies the official client's
 * conventions, so a decoded frame re-encodes to the same bytes.
 */
export interface TickOptionComputationMessage {
  /**
   * Text below MIN_SERVER_VER_PRICE_BASED_VOLATILITY only: the version field (written as 6 when undefined). The
   * official decoder gates the layout on it.
   */
  version?: number;
  reqId: number;
  tickType: number;
  /** {@link OptionComputationBasis}: text from MIN_SERVER_VER_PRICE_BASED_VOLATILITY, protobuf when present. */
  tickAttrib?: number;
  impliedVol?: number;
  delta?: number;
  optPrice?: number;
  pvDividend?: number;
  gamma?: number;
  vega?: number;
  theta?: number;
  undPrice?: number;
}

/** The version TWS writes in the text form below MIN_SERVER_VER_PRICE_BASED_VOLATILITY. */
export const TICK_OPTION_COMPUTATION_VERSION = 6;
/** From this message version on, every value is on the wire. */
const FULL_LAYOUT_VERSION = 6;

const { PRICE: NOT_COMPUTED, GREEK: GREEK_NOT_COMPUTED } = OptionComputationNotComputed;

/** Which optional groups of the text form are on the wire. */
function textLayout(sv: number, version: number, tickType: number): { model: boolean; greeks: boolean } {
  const v = sv >= ServerVersion.PRICE_BASED_VOLATILITY ? sv : version;
  const greeks = v >= FULL_LAYOUT_VERSION;
  const model = greeks || tickType === TickType.MODEL_OPTION || tickType === TickType.DELAYED_MODEL_OPTION;
  return { model, greeks };
}

const orNull = (v: number | undefined, notComputed: number): number | null =>
  v === undefined || v === notComputed ? null : v;

/**
 * The `tickOptionComputation` call the official client makes: "not computed" markers and absent values become
 * null (`None`); tickAttrib is null in text below MIN_SERVER_VER_PRICE_BASED_VOLATILITY and unset (undefined)
 * when a protobuf message leaves it out.
 */
export function optionComputationCallback(
  m: TickOptionComputationMessage,
  sv: number,
  form: "text" | "protobuf",
): WrapperCall {
  const tickAttrib = form === "text" && sv < ServerVersion.PRICE_BASED_VOLATILITY ? null : m.tickAttrib;
  // Any negative implied volatility means "not computed" (the other fields compare with the exact marker).
  const impliedVol = m.impliedVol === undefined || m.impliedVol < 0 ? null : m.impliedVol;
  return [
    "tickOptionComputation",
    m.reqId,
    m.tickType,
    tickAttrib,
    impliedVol,
    orNull(m.delta, GREEK_NOT_COMPUTED),
    orNull(m.optPrice, NOT_COMPUTED),
    orNull(m.pvDividend, NOT_COMPUTED),
    orNull(m.gamma, GREEK_NOT_COMPUTED),
    orNull(m.vega, GREEK_NOT_COMPUTED),
    orNull(m.theta, GREEK_NOT_COMPUTED),
    orNull(m.undPrice, NOT_COMPUTED),
  ];
}

export const tickOptionComputation = reply<TickOptionComputationMessage>({
  id: IncomingMessageId.TICK_OPTION_COMPUTATION,
  name: "TICK_OPTION_COMPUTATION",
  text: {
    write(w, m, sv) {
      const version = m.version ?? TICK_OPTION_COMPUTATION_VERSION;
      const { model, greeks } = textLayout(sv, version, m.tickType);
      if (sv < ServerVersion.PRICE_BASED_VOLATILITY) w.int(version);
      w.int(m.reqId).int(m.tickType);
      if (sv >= ServerVersion.PRICE_BASED_VOLATILITY) w.int(m.tickAttrib ?? OptionComputationBasis.RETURN_BASED);
      // A value the layout carries but the message lacks goes out as TWS's "not computed" marker.
      w.double(m.impliedVol ?? NOT_COMPUTED).double(m.delta ?? GREEK_NOT_COMPUTED);
      if (model) w.double(m.optPrice ?? NOT_COMPUTED).double(m.pvDividend ?? NOT_COMPUTED);
      if (greeks) {
        w.double(m.gamma ?? GREEK_NOT_COMPUTED)
          .double(m.vega ?? GREEK_NOT_COMPUTED)
          .double(m.theta ?? GREEK_NOT_COMPUTED)
          .double(m.undPrice ?? NOT_COMPUTED);
      }
    },
    read(r, sv) {
      const m: TickOptionComputationMessage = { reqId: 0, tickType: 0 };
      if (sv < ServerVersion.PRICE_BASED_VOLATILITY) m.version = r.readInt();
      m.reqId = r.readInt();
      m.tickType = r.readInt();
      if (sv >= ServerVersion.PRICE_BASED_VOLATILITY) m.tickAttrib = r.readInt();
      m.impliedVol = r.readDouble();
      m.delta = r.readDouble();
      const { model, greeks } = textLayout(sv, m.version ?? sv, m.tickType);
      if (model) {
        m.optPrice = r.readDouble();
        m.pvDividend = r.readDouble();
      }
      if (greeks) {
        m.gamma = r.readDouble();
        m.vega = r.readDouble();
        m.theta = r.readDouble();
        m.undPrice = r.readDouble();
      }
      return m;
    },
  },
  protobuf: protobufForm(TickOptionComputation, {
    toProto: (m) => ({
      reqId: m.reqId,
      tickType: m.tickType,
      tickAttrib: m.tickAttrib,
      impliedVol: m.impliedVol,
      delta: m.delta,
      optPrice: m.optPrice,
      pvDividend: m.pvDividend,
      gamma: m.gamma,
      vega: m.vega,
      theta: m.theta,
      undPrice: m.undPrice,
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? ABSENT.reqId,
      tickType: p.tickType ?? ABSENT.tickType,
      tickAttrib: p.tickAttrib,
      impliedVol: p.impliedVol,
      delta: p.delta,
      optPrice: p.optPrice,
      pvDividend: p.pvDividend,
      gamma: p.gamma,
      vega: p.vega,
      theta: p.theta,
      undPrice: p.undPrice,
    }),
  }),
  callbacks: (m, sv, form) => [optionComputationCallback(m, sv, form)],
});
