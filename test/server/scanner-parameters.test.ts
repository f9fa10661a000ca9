import { describe, expect, it } from "vitest";
import { RANGE_FILTERS } from "../../src/server/scanner/filters.js";
import { SCAN_CODES } from "../../src/server/scanner/scan-codes.js";
import { hostFixture } from "../harness/host-fixture.js";

const fx = hostFixture();

interface XmlNode {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlNode[];
  text: string;
}

/** A strict reader for the subset of XML the document uses; throws on anything not well formed. */
function parseXml(xml: string): XmlNode {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>/, "");
  const root: XmlNode = { name: "#root", attrs: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<&]*")*)\s*(\/?)>|([^<]+)/gy;
  let at = 0;
  while (at < body.length) {
    token.lastIndex = at;
    const m = token.exec(body);
    if (!m) throw new Error(`not well formed at ${at}: ${body.slice(at, at + 40)}`);
    at = token.lastIndex;
    const top = stack.at(-1)!;
    if (m[5] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos);)/.test(m[5])) throw new Error(`bad entity in ${m[5]}`);
      top.text += m[5];
      continue;
    }
    if (m[1]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs = Object.fromEntries([...m[3]!.matchAll(/([\w.-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
    const node: XmlNode = { name: m[2]!, attrs, children: [], text: "" };
    top.children.push(node);
    if (!m[4]) stack.push(node);
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error("unclosed elements or several roots");
  return root.children[0]!;
}

const all = (n: XmlNode, name: string): XmlNode[] =>
  n.children.flatMap((c) => (c.name === name ? [c, ...all(c, name)] : all(c, name)));
const child = (n: XmlNode, name: string) => n.children.find((c) => c.name === name);

describe.each([176, 214])("REQ_SCANNER_PARAMETERS at server version %i", (sv) => {
  it("answers a well-formed document listing every scan code, location and filter the host serves", async () => {
    const { host } = await fx.start({ seed: 1, requestsPerSecond: 1000 });
    const c = await fx.ready(host, 1, { max: sv });
    c.send("REQ_SCANNER_PARAMETERS", {});
    const { xml } = (await c.take("SCANNER_PARAMETERS")).value;
    const doc = parseXml(xml);
    expect(doc.name).toBe("ScanParameterResponse");
    expect(doc.children.map((n) => n.name)).toEqual(["InstrumentList", "LocationTree", "ScanTypeList", "FilterList"]);
    const instruments = all(doc, "Instrument").map((i) => child(i, "type")!.text);
    expect(instruments).toEqual(["STK"]);
    const scanCodes = all(doc, "ScanType").map((s) => child(s, "scanCode")!.text);
    expect(scanCodes).toEqual(SCAN_CODES.map((s) => s.code));
    const locations = all(doc, "Location").map((l) => child(l, "locationCode")!.text);
    expect(locations).toContain("STK.US.MAJOR");
    const filterCodes = all(doc, "AbstractField").map((f) => child(f, "code")!.text);
    expect(filterCodes).toEqual(RANGE_FILTERS.flatMap((f) => f.fields.map((x) => x.code)));

    // Everything the document lists is served: every scan code in every location, with every filter.
    let reqId = 0;
    for (const scanCode of scanCodes) {
      for (const locationCode of locations) {
        reqId++;
        const filters = [{ tag: filterCodes[reqId % filterCodes.length]!, value: "0" }];
        c.send("REQ_SCANNER_SUBSCRIPTION", {
          reqId,
          subscription: { numberOfRows: 5, instrument: "STK", locationCode, scanCode },
          scannerSubscriptionOptions: undefined,
          scannerSubscriptionFilterOptions: filters,
        });
        const m = await c.take(() => true);
        expect({ scanCode, locationCode, got: m.name }).toEqual({ scanCode, locationCode, got: "SCANNER_DATA" });
        c.send("CANCEL_SCANNER_SUBSCRIPTION", { reqId });
        await c.takeError(162);
      }
    }
  });
});
