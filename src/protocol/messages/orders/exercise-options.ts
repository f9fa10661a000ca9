import { OutgoingMessageId } from "../../message-ids.js";
import type { Contract } from "../../models/contract.js";
import { ExerciseOptionsRequest } from "../../proto/index.js";
import { ServerVersion as V } from "../../server-versions.js";
import { UNSET_INTEGER } from "../../values.js";
import { contractFromProto, contractToRequestProto, requireVersion } from "../common/contract.js";
import { protobufForm, request } from "../spec.js";
import { canonicalContract } from "./canonical.js";

/**
 * EXERCISE_OPTIONS (official `exerciseOptions`), protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_1 (211),
 * where `reqId` travels as `orderId` and `override` as a bool. The decoded contract is canonical.
 */
export interface ExerciseOptionsMessage {
  reqId: number;
  /** The text form carries conId and tradingClass but no primaryExchange, secIdType or secId. */
  contract: Contract;
  /** 1 exercise, 2 lapse. */
  exerciseAction: number;
  exerciseQuantity: number;
  account: string;
  /** 1: exercise or lapse against the system's natural action; 0: no. */
  override: number;
  /** MIN_SERVER_VER_MANUAL_ORDER_TIME_EXERCISE_OPTIONS (180). */
  manualOrderTime: string;
  /** MIN_SERVER_VER_CUSTOMER_ACCOUNT (183). */
  customerAccount: string;
  /** MIN_SERVER_VER_PROFESSIONAL_CUSTOMER (184). */
  professionalCustomer: boolean;
}

/** The version field of the text form. */
const VERSION = 2;

export const exerciseOptions = request<ExerciseOptionsMessage>({
  id: OutgoingMessageId.EXERCISE_OPTIONS,
  name: "EXERCISE_OPTIONS",
  text: {
    write(w, m, sv) {
      const c = m.contract;
      // The official refusals from v100 on (conId / tradingClass need v68, always there).
      const r = (min: number, present: boolean, what: string) =>
        requireVersion(sv, min, present, `exerciseOptions ${what}`);
      r(V.MANUAL_ORDER_TIME_EXERCISE_OPTIONS, Boolean(m.manualOrderTime), "manualOrderTime");
      r(V.CUSTOMER_ACCOUNT, Boolean(m.customerAccount), "customerAccount");
      r(V.PROFESSIONAL_CUSTOMER, m.professionalCustomer, "professionalCustomer");
      w.int(VERSION).int(m.reqId);
      w.int(c.conId ?? 0) // v68
        .string(c.symbol)
        .string(c.secType)
        .string(c.lastTradeDateOrContractMonth)
        .doubleMax(c.strike)
        .string(c.right)
        .string(c.multiplier)
        .string(c.exchange)
        .string(c.currency)
        .string(c.localSymbol)
        .string(c.tradingClass); // v68
      w.int(m.exerciseAction).int(m.exerciseQuantity).string(m.account).int(m.override);
      if (sv >= V.MANUAL_ORDER_TIME_EXERCISE_OPTIONS) w.string(m.manualOrderTime);
      if (sv >= V.CUSTOMER_ACCOUNT) w.string(m.customerAccount);
      if (sv >= V.PROFESSIONAL_CUSTOMER) w.bool(m.professionalCustomer);
    },
    read(r, sv) {
      r.skip(); // version
      const reqId = r.readInt();
      const contract: Contract = {
        conId: r.readInt(),
        symbol: r.readString(),
        secType: r.readString(),
        lastTradeDateOrContractMonth: r.readString(),
        strike: r.readDoubleMax(),
        right: r.readString(),
        multiplier: r.readString(),
        exchange: r.readString(),
        currency: r.readString(),
        localSymbol: r.readString(),
        tradingClass: r.readString(),
      };
      const exerciseAction = r.readInt();
      const exerciseQuantity = r.readInt();
      const account = r.readString();
      const override = r.readInt();
      const manualOrderTime = sv >= V.MANUAL_ORDER_TIME_EXERCISE_OPTIONS ? r.readString() : "";
      const customerAccount = sv >= V.CUSTOMER_ACCOUNT ? r.readString() : "";
      const professionalCustomer = sv >= V.PROFESSIONAL_CUSTOMER ? r.readBool() : false;
      return {
        reqId,
        contract: canonicalContract(contract),
        exerciseAction,
        exerciseQuantity,
        account,
        override,
        manualOrderTime,
        customerAccount,
        professionalCustomer,
      };
    },
  },
  protobuf: protobufForm(ExerciseOptionsRequest, {
    // createExerciseOptionsRequestProto: numbers unless unset, text when non-empty, flags when true.
    toProto: (m) => ({
      orderId: m.reqId === UNSET_INTEGER ? undefined : m.reqId,
      contract: contractToRequestProto(m.contract),
      exerciseAction: m.exerciseAction === UNSET_INTEGER ? undefined : m.exerciseAction,
      exerciseQuantity: m.exerciseQuantity === UNSET_INTEGER ? undefined : m.exerciseQuantity,
      account: m.account ? m.account : undefined,
      override: m.override !== 0 ? true : undefined,
      manualOrderTime: m.manualOrderTime ? m.manualOrderTime : undefined,
      customerAccount: m.customerAccount ? m.customerAccount : undefined,
      professionalCustomer: m.professionalCustomer ? true : undefined,
    }),
    fromProto: (p) => ({
      reqId: p.orderId ?? UNSET_INTEGER,
      contract: canonicalContract(contractFromProto(p.contract)),
      exerciseAction: p.exerciseAction ?? UNSET_INTEGER,
      exerciseQuantity: p.exerciseQuantity ?? UNSET_INTEGER,
      account: p.account ?? "",
      override: p.override ? 1 : 0,
      manualOrderTime: p.manualOrderTime ?? "",
      customerAccount: p.customerAccount ?? "",
      professionalCustomer: p.professionalCustomer ?? false,
    }),
  }),
});
