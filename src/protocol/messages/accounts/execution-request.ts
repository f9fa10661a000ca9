import { OutgoingMessageId } from "../../message-ids.js";
import type { ExecutionFilter } from "../../models/execution.js";
import { ExecutionRequest } from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { NO_VALID_ID, UNSET_INTEGER } from "../../values.js";
import { requireVersion } from "../common/contract.js";
import { protobufForm, request } from "../spec.js";

/**
 * REQ_EXECUTIONS (official `reqExecutions`): the fills of today (or of the days the filter names) that match the
 * filter, answered by EXECUTION_DATA per fill and EXECUTION_DATA_END. Protobuf from MIN_SERVER_VER_PROTOBUF (201),
 * the first request to switch.
 *
 * Text: version 3, reqId (MIN_SERVER_VER_EXECUTION_DATA_CHAIN), the seven filter fields clientId, acctCode, time,
 * symbol, secType, exchange, side, then from MIN_SERVER_VER_PARAMETRIZED_DAYS_OF_EXECUTIONS lastNDays (a plain
 * field: unset goes out as 2147483647) and specificDates as a count and that many `yyyyMMdd` ints. Below that
 * version the official client refuses a filter with lastNDays or specificDates (error 503) — any specificDates
 * list, even an empty one, as it tests `is not None`.
 */
export interface ReqExecutionsMessage {
  reqId: number;
  execFilter: ExecutionFilter;
}

/** The version field of the text form. */
const VERSION = 3;

const setText = (s: string | undefined) => (s ? s : undefined);
const setInt = (n: number | undefined) => (n === undefined || n === UNSET_INTEGER ? undefined : n);

export const reqExecutions = request<ReqExecutionsMessage>({
  id: OutgoingMessageId.REQ_EXECUTIONS,
  name: "REQ_EXECUTIONS",
  text: {
    write(w, m, sv) {
      const f = m.execFilter;
      const daysFilter = setInt(f.lastNDays) !== undefined || f.specificDates !== undefined;
      requireVersion(sv, ServerVersion.PARAMETRIZED_DAYS_OF_EXECUTIONS, daysFilter, "lastNDays and specificDates");
      w.int(VERSION);
      if (sv >= ServerVersion.EXECUTION_DATA_CHAIN) w.int(m.reqId);
      w.int(f.clientId ?? 0)
        .string(f.acctCode)
        .string(f.time)
        .string(f.symbol)
        .string(f.secType)
        .string(f.exchange)
        .string(f.side);
      if (sv >= ServerVersion.PARAMETRIZED_DAYS_OF_EXECUTIONS) {
        w.int(f.lastNDays ?? UNSET_INTEGER);
        const dates = f.specificDates ?? [];
        w.int(dates.length);
        for (const d of dates) w.int(d);
      }
    },
    read(r, sv) {
      r.skip(); // version
      const reqId = sv >= ServerVersion.EXECUTION_DATA_CHAIN ? r.readInt() : NO_VALID_ID;
      const execFilter: ExecutionFilter = {
        clientId: r.readInt(),
        acctCode: r.readString(),
        time: r.readString(),
        symbol: r.readString(),
        secType: r.readString(),
        exchange: r.readString(),
        side: r.readString(),
      };
      if (sv >= ServerVersion.PARAMETRIZED_DAYS_OF_EXECUTIONS) {
        execFilter.lastNDays = setInt(r.readInt());
        const n = r.readInt();
        if (n > 0) {
          execFilter.specificDates = [];
          for (let i = 0; i < n; i++) execFilter.specificDates.push(r.readInt());
        }
      }
      return { reqId, execFilter };
    },
  },
  protobuf: protobufForm(ExecutionRequest, {
    // createExecutionRequestProto: the filter is always present (possibly empty); clientId 0 is sent, strings
    // only when non-empty, lastNDays when set, specificDates when non-empty.
    toProto: (m) => {
      const f = m.execFilter;
      return {
        reqId: setInt(m.reqId),
        executionFilter: {
          clientId: setInt(f.clientId ?? 0),
          acctCode: setText(f.acctCode),
          time: setText(f.time),
          symbol: setText(f.symbol),
          secType: setText(f.secType),
          exchange: setText(f.exchange),
          side: setText(f.side),
          lastNDays: setInt(f.lastNDays),
          specificDates: f.specificDates && f.specificDates.length > 0 ? [...f.specificDates] : undefined,
        },
      };
    },
    fromProto: (p) => {
      const f = p.executionFilter ?? {};
      const execFilter: ExecutionFilter = {
        clientId: f.clientId ?? UNSET_INTEGER,
        acctCode: f.acctCode ?? "",
        time: f.time ?? "",
        symbol: f.symbol ?? "",
        secType: f.secType ?? "",
        exchange: f.exchange ?? "",
        side: f.side ?? "",
      };
      if (f.lastNDays !== undefined) execFilter.lastNDays = f.lastNDays;
      if (f.specificDates && f.specificDates.length > 0) execFilter.specificDates = f.specificDates;
      return { reqId: p.reqId ?? UNSET_INTEGER, execFilter };
    },
  }),
});
