import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { OutgoingMessageId } from "../../message-ids.js";
import type { Contract, TagValue } from "../../models/contract.js";
import {
  CalculateImpliedVolatilityRequest,
  CalculateOptionPriceRequest,
  CancelCalculateImpliedVolatility,
  CancelCalculateOptionPrice,
} from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { UNSET_DOUBLE, UNSET_INTEGER } from "../../values.js";
import {
  contractFromProto,
  contractToRequestProto,
  readContractBody,
  requireVersion,
  tagValueList,
  tagValueMap,
  writeContractBody,
} from "../common/contract.js";
import { type OutgoingSpec, protobufForm, request } from "../spec.js";
import { validInt } from "./market-data-requests.js";
import { readOptionsField, writeOptionsField } from "./options-field.js";

/**
 * TWS's option model on demand: REQ_CALC_IMPLIED_VOLAT / REQ_CALC_OPTION_PRICE and their cancels (official
 * `calculateImpliedVolatility`, `calculateOptionPrice`, `cancelCalculate*`; protobuf from
 * MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_1). The answer is a TICK_OPTION_COMPUTATION with the same reqId.
 *
 * Text: version 3, reqId, conId (always, unlike REQ_MKT_DATA), the contract body, the two prices as plain
 * doubles, then the options field. The official client checks MIN_SERVER_VER_REQ_CALC_IMPLIED_VOLAT for all
 * four requests, the option-price ones included, and refuses a tradingClass below MIN_SERVER_VER_TRADING_CLASS.
 * Combo legs and the delta-neutral hedge go out only in the protobuf form.
 */

/** REQ_CALC_IMPLIED_VOLAT: the arguments of `calculateImpliedVolatility`. */
export interface CalculateImpliedVolatilityMessage {
  reqId: number;
  contract: Contract;
  /** Undefined: unset (the official UNSET_DOUBLE). */
  optionPrice: number | undefined;
  underPrice: number | undefined;
  implVolOptions: TagValue[];
}

/** REQ_CALC_OPTION_PRICE: the arguments of `calculateOptionPrice`. */
export interface CalculateOptionPriceMessage {
  reqId: number;
  contract: Contract;
  volatility: number | undefined;
  underPrice: number | undefined;
  optPrcOptions: TagValue[];
}

/** CANCEL_CALC_IMPLIED_VOLAT / CANCEL_CALC_OPTION_PRICE. */
export interface CancelCalculationMessage {
  reqId: number;
}

const CALC_VERSION = 3;
const CANCEL_CALC_VERSION = 1;

/** The request fields both calculations share, in text order, around their two prices. */
interface CalculationFields {
  reqId: number;
  contract: Contract;
  first: number | undefined;
  underPrice: number | undefined;
  options: TagValue[];
}

function writeCalculation(w: FieldWriter, f: CalculationFields, sv: number, what: string): void {
  const c = f.contract;
  requireVersion(sv, ServerVersion.TRADING_CLASS, Boolean(c.tradingClass), `${what} tradingClass`);
  w.int(CALC_VERSION)
    .int(f.reqId)
    .int(c.conId ?? 0);
  writeContractBody(w, c, sv);
  // Plain fields: an unset price goes out as the max-double literal, as the official client writes it.
  w.double(f.first ?? UNSET_DOUBLE).double(f.underPrice ?? UNSET_DOUBLE);
  writeOptionsField(w, f.options, sv, `${what} options`);
}

function readCalculation(r: FieldReader, sv: number): CalculationFields {
  r.skip(); // version
  const reqId = r.readInt();
  const contract = readContractBody(r, { conId: r.readInt() }, sv);
  const first = r.readDoubleMax();
  const underPrice = r.readDoubleMax();
  return { reqId, contract, first, underPrice, options: readOptionsField(r, sv) };
}

const validDouble = (n: number | undefined) => (n === undefined || n === UNSET_DOUBLE ? undefined : n);

export const calculateImpliedVolatility = request<CalculateImpliedVolatilityMessage>({
  id: OutgoingMessageId.REQ_CALC_IMPLIED_VOLAT,
  name: "REQ_CALC_IMPLIED_VOLAT",
  minServerVersion: ServerVersion.REQ_CALC_IMPLIED_VOLAT,
  text: {
    write(w, m, sv) {
      const { optionPrice: first, implVolOptions: options, ...rest } = m;
      writeCalculation(w, { ...rest, first, options }, sv, "calculateImpliedVolatility");
    },
    read(r, sv) {
      const { reqId, contract, first, underPrice, options } = readCalculation(r, sv);
      return { reqId, contract, optionPrice: first, underPrice, implVolOptions: options };
    },
  },
  protobuf: protobufForm(CalculateImpliedVolatilityRequest, {
    toProto: (m) => ({
      reqId: validInt(m.reqId),
      contract: contractToRequestProto(m.contract),
      optionPrice: validDouble(m.optionPrice),
      underPrice: validDouble(m.underPrice),
      impliedVolatilityOptions: tagValueMap(m.implVolOptions),
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? UNSET_INTEGER,
      contract: contractFromProto(p.contract),
      optionPrice: p.optionPrice,
      underPrice: p.underPrice,
      implVolOptions: tagValueList(p.impliedVolatilityOptions),
    }),
  }),
});

export const calculateOptionPrice = request<CalculateOptionPriceMessage>({
  id: OutgoingMessageId.REQ_CALC_OPTION_PRICE,
  name: "REQ_CALC_OPTION_PRICE",
  // Not MIN_SERVER_VER_REQ_CALC_OPTION_PRICE: the official client tests the implied-volatility constant here.
  minServerVersion: ServerVersion.REQ_CALC_IMPLIED_VOLAT,
  text: {
    write(w, m, sv) {
      const { volatility: first, optPrcOptions: options, ...rest } = m;
      writeCalculation(w, { ...rest, first, options }, sv, "calculateOptionPrice");
    },
    read(r, sv) {
      const { reqId, contract, first, underPrice, options } = readCalculation(r, sv);
      return { reqId, contract, volatility: first, underPrice, optPrcOptions: options };
    },
  },
  protobuf: protobufForm(CalculateOptionPriceRequest, {
    toProto: (m) => ({
      reqId: validInt(m.reqId),
      contract: contractToRequestProto(m.contract),
      volatility: validDouble(m.volatility),
      underPrice: validDouble(m.underPrice),
      optionPriceOptions: tagValueMap(m.optPrcOptions),
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? UNSET_INTEGER,
      contract: contractFromProto(p.contract),
      volatility: p.volatility,
      underPrice: p.underPrice,
      optPrcOptions: tagValueList(p.optionPriceOptions),
    }),
  }),
});

/** The two cancels have the same shape: version 1 and the reqId, or a protobuf with the reqId. */
function cancelCalculation(
  id: number,
  name: "CANCEL_CALC_IMPLIED_VOLAT" | "CANCEL_CALC_OPTION_PRICE",
  codec: typeof CancelCalculateImpliedVolatility | typeof CancelCalculateOptionPrice,
): OutgoingSpec<CancelCalculationMessage> {
  return request<CancelCalculationMessage>({
    id,
    name,
    minServerVersion: ServerVersion.REQ_CALC_IMPLIED_VOLAT,
    text: {
      write(w, m) {
        w.int(CANCEL_CALC_VERSION).int(m.reqId);
      },
      read(r) {
        r.skip();
        return { reqId: r.readInt() };
      },
    },
    protobuf: protobufForm(codec, {
      toProto: (m) => ({ reqId: validInt(m.reqId) }),
      fromProto: (p) => ({ reqId: p.reqId ?? UNSET_INTEGER }),
    }),
  });
}

export const cancelCalculateImpliedVolatility = cancelCalculation(
  OutgoingMessageId.CANCEL_CALC_IMPLIED_VOLAT,
  "CANCEL_CALC_IMPLIED_VOLAT",
  CancelCalculateImpliedVolatility,
);

export const cancelCalculateOptionPrice = cancelCalculation(
  OutgoingMessageId.CANCEL_CALC_OPTION_PRICE,
  "CANCEL_CALC_OPTION_PRICE",
  CancelCalculateOptionPrice,
);
