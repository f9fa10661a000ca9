import { describe, expect, it } from "vitest";
import { outgoingForms } from "../../src/protocol/message-forms.js";
import { OutgoingMessageId, PROTOBUF_MSG_ID_OFFSET } from "../../src/protocol/message-ids.js";
import { ServerVersion } from "../../src/protocol/server-versions.js";
import { hostFixture } from "../harness/host-fixture.js";

const fx = hostFixture();

/** The replies of the requests the host answers with data. */
const REPLIES: Record<string, string> = {
  REQ_CURRENT_TIME: "CURRENT_TIME",
  REQ_CURRENT_TIME_IN_MILLIS: "CURRENT_TIME_IN_MILLIS",
  REQ_IDS: "NEXT_VALID_ID",
  REQ_MANAGED_ACCTS: "MANAGED_ACCTS",
  REQ_USER_INFO: "USER_INFO",
  REQ_MATCHING_SYMBOLS: "SYMBOL_SAMPLES",
  REQ_SEC_DEF_OPT_PARAMS: "SECURITY_DEFINITION_OPTION_PARAMETER_END",
  REQ_SMART_COMPONENTS: "SMART_COMPONENTS",
  REQ_MKT_DEPTH_EXCHANGES: "MKT_DEPTH_EXCHANGES",
  REQ_FAMILY_CODES: "FAMILY_CODES",
  REQ_SOFT_DOLLAR_TIERS: "SOFT_DOLLAR_TIERS",
  REQ_SCANNER_PARAMETERS: "SCANNER_PARAMETERS",
  REQ_NEWS_PROVIDERS: "NEWS_PROVIDERS",
};

/** Requests whose empty form is a valid request the host answers with a TWS error code (not a 32x naming it). */
const ERROR_REPLIES: Record<string, number> = {
  // An empty contract names nothing: TWS's "No security definition has been found for the request".
  REQ_CONTRACT_DATA: 200,
  // The same for market data: an empty contract is no instrument the host has.
  REQ_MKT_DATA: 200,
  // An empty cancel names no stream: "Can't find EId with tickerId".
  CANCEL_MKT_DATA: 300,
  // An empty protobuf depth request has no row count limit to refuse, and no contract: 200.
  REQ_MKT_DEPTH: 200,
  // Likewise for depth: "Can't find the subscribed market depth with tickerId".
  CANCEL_MKT_DEPTH: 310,
  // An unknown historical query: "Historical market data Service error message: ... 366".
  CANCEL_HISTORICAL_DATA: 366,
  // An empty scanner subscription names no instrument type: the scanner farm's 162.
  REQ_SCANNER_SUBSCRIPTION: 162,
  // An empty scanner cancel names no subscription: "No scanner subscription found for ticker id".
  CANCEL_SCANNER_SUBSCRIPTION: 365,
};

/** Requests TWS answers with nothing: checked by a REQ_CURRENT_TIME sent after them being answered next. */
const SILENT = new Set([
  // An empty bulletin request asks only for new bulletins; the cancel is silent.
  "REQ_NEWS_BULLETINS",
  "CANCEL_NEWS_BULLETINS",
  "CANCEL_CONTRACT_DATA",
  "CANCEL_TICK_BY_TICK_DATA",
  "CANCEL_REAL_TIME_BARS",
  "CANCEL_HEAD_TIMESTAMP",
  // Histograms and historical ticks are answered at once: their cancels find nothing to stop.
  "CANCEL_HISTOGRAM_DATA",
  "CANCEL_HISTORICAL_TICKS",
  // The calculation was answered with its request: nothing is left to cancel.
  "CANCEL_CALC_IMPLIED_VOLAT",
  "CANCEL_CALC_OPTION_PRICE",
]);

/** A frame of request `id` at `sv`: an empty protobuf body where the request goes as protobuf, else a version field. */
function frameOf(id: number, sv: number): Buffer {
  const forms = outgoingForms.get(id)!;
  if (sv >= ServerVersion.PROTOBUF) {
    const head = Buffer.alloc(4);
    const protobuf = forms.protobufFrom !== null && sv >= forms.protobufFrom;
    head.writeUInt32BE(protobuf ? id + PROTOBUF_MSG_ID_OFFSET : id);
    return protobuf ? head : Buffer.concat([head, Buffer.from("1\0")]);
  }
  return Buffer.from(`${id}\u00001\u0000`, "latin1");
}

describe("no request is silently ignored", () => {
  it.each([176, 226])("every request id of the catalogue gets a reply or an error naming it at %i", async (sv) => {
    const { host } = await fx.start({ requestsPerSecond: 1000 });
    const c = await fx.ready(host, 0, { max: sv });
    const names = Object.entries(OutgoingMessageId).filter(([name]) => name !== "START_API");
    expect(names.length).toBeGreaterThan(80);
    for (const [name, id] of names) {
      c.sendPayload(frameOf(id, sv));
      if (SILENT.has(name)) {
        c.send("REQ_CURRENT_TIME", {});
        const next = await c.take(() => true);
        if (next.name === "CURRENT_TIME") continue;
        // Below its version, an error naming it comes first.
        expect(String(next.value.errorString)).toContain(`'${name}'`);
        await c.take("CURRENT_TIME");
        continue;
      }
      const m = await c.take(() => true);
      const answered =
        m.name === REPLIES[name] ||
        (m.name === "ERR_MSG" &&
          (String(m.value.errorString).includes(`'${name}'`) || m.value.errorCode === ERROR_REPLIES[name]));
      expect({ name, answered, got: m.name === "ERR_MSG" ? m.value.errorString : m.name }).toMatchObject({
        name,
        answered: true,
      });
    }
    expect(c.isClosed).toBe(false);
  });
});
