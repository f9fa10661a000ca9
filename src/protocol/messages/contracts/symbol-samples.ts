import { IncomingMessageId, OutgoingMessageId } from "../../message-ids.js";
import type { Contract } from "../../models/contract.js";
import type { ContractDescription } from "../../models/contract-description.js";
import { MatchingSymbolsRequest, SymbolSamples } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID, UNSET_INTEGER } from "../../values.js";
import { contractFromProto, contractToProto } from "../common/contract.js";
import { protobufForm, reply, request } from "../spec.js";
import { officialProtoContract } from "./official-details.js";
import { readStrings, writeStrings, writeText } from "./text-fields.js";

/**
 * Symbol search: REQ_MATCHING_SYMBOLS (official `reqMatchingSymbols`, from MIN_SERVER_VER_REQ_MATCHING_SYMBOLS;
 * protobuf from MIN_SERVER_VER_PROTOBUF_REST_MESSAGES_2) and its answer SYMBOL_SAMPLES
 * (`processSymbolSamplesMsg`). Neither text form has a version field.
 */

/** REQ_MATCHING_SYMBOLS: the arguments of `reqMatchingSymbols`. */
export interface ReqMatchingSymbolsMessage {
  reqId: number;
  /** The start of a symbol or company name, e.g. `AAP`. */
  pattern: string;
}

/** SYMBOL_SAMPLES: the matches of one search. */
export interface SymbolSamplesMessage {
  reqId: number;
  /**
   * Text: per match conId, symbol, secType, primaryExchange, currency, the derivative security types, and from
   * MIN_SERVER_VER_BOND_ISSUERID the contract's description and issuerId. Protobuf: a whole contract.
   */
  contractDescriptions: ContractDescription[];
}

/** An int the official protobuf builders leave out when it is UNSET_INTEGER. */
const validInt = (n: number): number | undefined => (n === UNSET_INTEGER ? undefined : n);

export const reqMatchingSymbols = request<ReqMatchingSymbolsMessage>({
  id: OutgoingMessageId.REQ_MATCHING_SYMBOLS,
  name: "REQ_MATCHING_SYMBOLS",
  // The official client refuses the request (503) below this version.
  minServerVersion: ServerVersion.REQ_MATCHING_SYMBOLS,
  text: {
    write(w, m) {
      w.int(m.reqId).string(m.pattern);
    },
    read: (r) => ({ reqId: r.readInt(), pattern: r.readString() }),
  },
  protobuf: protobufForm(MatchingSymbolsRequest, {
    // createMatchingSymbolsRequestProto: the pattern only when non-empty.
    toProto: (m) => ({ reqId: validInt(m.reqId), pattern: m.pattern ? m.pattern : undefined }),
    fromProto: (p) => ({ reqId: p.reqId ?? UNSET_INTEGER, pattern: p.pattern ?? "" }),
  }),
});

export const symbolSamples = reply<SymbolSamplesMessage>({
  id: IncomingMessageId.SYMBOL_SAMPLES,
  name: "SYMBOL_SAMPLES",
  text: {
    write(w, m, sv) {
      w.int(m.reqId).int(m.contractDescriptions.length);
      for (const { contract: c, derivativeSecTypes } of m.contractDescriptions) {
        w.int(c.conId ?? 0);
        for (const s of [c.symbol, c.secType, c.primaryExchange, c.currency]) writeText(w, s);
        writeStrings(w, derivativeSecTypes);
        if (sv >= ServerVersion.BOND_ISSUERID) {
          writeText(w, c.description);
          writeText(w, c.issuerId);
        }
      }
    },
    read(r, sv) {
      const reqId = r.readInt();
      const n = r.readInt();
      const contractDescriptions: ContractDescription[] = [];
      for (let i = 0; i < n; i++) {
        const contract: Contract = {
          conId: r.readInt(),
          symbol: r.readString(),
          secType: r.readString(),
          primaryExchange: r.readString(),
          currency: r.readString(),
        };
        const derivativeSecTypes = readStrings(r);
        if (sv >= ServerVersion.BOND_ISSUERID) {
          contract.description = r.readString();
          contract.issuerId = r.readString();
        }
        contractDescriptions.push({ contract, derivativeSecTypes });
      }
      return { reqId, contractDescriptions };
    },
  },
  protobuf: protobufForm(SymbolSamples, {
    toProto: (m) => ({
      reqId: m.reqId,
      contractDescriptions: m.contractDescriptions.map((d) => ({
        contract: contractToProto(d.contract),
        derivativeSecTypes: d.derivativeSecTypes,
      })),
    }),
    fromProto: (p) => ({
      reqId: p.reqId ?? NO_VALID_ID,
      contractDescriptions: (p.contractDescriptions ?? []).map((d) => ({
        contract: contractFromProto(d.contract),
        derivativeSecTypes: d.derivativeSecTypes ?? [],
      })),
    }),
  }),
  callbacks: (m, _sv, form) => [
    [
      "symbolSamples",
      m.reqId,
      form === "text"
        ? m.contractDescriptions
        : m.contractDescriptions.map((d) => ({ ...d, contract: officialProtoContract(d.contract) })),
    ],
  ],
});
