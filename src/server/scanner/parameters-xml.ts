import { RANGE_FILTERS } from "./filters.js";
import { SCAN_INSTRUMENTS, SCAN_LOCATION_TREE, type ScanLocation } from "./locations.js";
import { SCAN_CODES } from "./scan-codes.js";

/**
 * The scanner parameters document (SCANNER_PARAMETERS), in the shape TWS sends: a `ScanParameterResponse` with
 * an `InstrumentList`, a `LocationTree` of nested `Location`s, a `ScanTypeList` and a `FilterList` of
 * `RangeFilter`s whose `AbstractField` codes are the tags of scannerSubscriptionFilterOptions (the element paths
 * the TWS API documentation gives, "Market Scanner Subscription"). It lists exactly what the host computes: every
 * scan code of scan-codes.ts, every location of locations.ts and every filter of filters.ts.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text escaped for an XML element or attribute. */
export function xmlText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `<name>text</name>`. */
const el = (name: string, text: string | number | boolean): string => `<${name}>${xmlText(String(text))}</${name}>`;

const instrumentTypes = SCAN_INSTRUMENTS.map((i) => i.type).join(",");
const filterIds = RANGE_FILTERS.map((f) => f.id).join(",");

function instrumentList(): string {
  const items = SCAN_INSTRUMENTS.map(
    (i) =>
      `<Instrument>${el("name", i.name)}${el("type", i.type)}${el("filters", filterIds)}` +
      `${el("group", "STK.GLOBAL")}${el("shortName", i.name)}</Instrument>`,
  );
  return `<InstrumentList varName="instrumentList">${items.join("")}</InstrumentList>`;
}

function location(l: ScanLocation): string {
  const children =
    l.children.length > 0
      ? `<LocationTree varName="locationTree">${l.children.map(location).join("")}</LocationTree>`
      : "";
  return (
    `<Location>${el("displayName", l.displayName)}${el("locationCode", l.code)}${el("instruments", instrumentTypes)}` +
    `${el("routeExchange", "SMART")}${el("delayedOnly", false)}${el("access", true)}${children}</Location>`
  );
}

function scanTypeList(): string {
  const items = SCAN_CODES.map(
    (s) =>
      `<ScanType>${el("displayName", s.displayName)}${el("scanCode", s.code)}${el("instruments", instrumentTypes)}` +
      `${el("absoluteColumns", false)}${el("supportsSorting", true)}${el("respSizeLimit", 50)}` +
      `${el("snapshotSizeLimit", 50)}${el("searchDefault", false)}${el("access", "unrestricted")}</ScanType>`,
  );
  return `<ScanTypeList varName="scanTypeList">${items.join("")}</ScanTypeList>`;
}

function filterList(): string {
  const items = RANGE_FILTERS.map((f) => {
    const fields = f.fields.map(
      (x) =>
        `<AbstractField type="${xmlText(x.type)}">${el("code", x.code)}${el("displayName", x.displayName)}` +
        `${el("tooltip", x.displayName)}${el("abbrev", x.displayName)}${el("acceptNegative", f.id === "CHANGEPERC")}` +
        `${el("dontAllowClearAll", false)}${el("skipNotEditableField", true)}</AbstractField>`,
    );
    return (
      `<RangeFilter>${el("id", f.id)}${el("category", f.category)}${el("access", "unrestricted")}` +
      `${fields.join("")}</RangeFilter>`
    );
  });
  return `<FilterList varName="filterList">${items.join("")}</FilterList>`;
}

let cached: string | undefined;

/** The whole document (built once: it depends on nothing but the tables above). */
export function scannerParametersXml(): string {
  cached ??=
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<ScanParameterResponse>${instrumentList()}<LocationTree varName="locationTree">${location(SCAN_LOCATION_TREE)}` +
    `</LocationTree>${scanTypeList()}${filterList()}</ScanParameterResponse>`;
  return cached;
}
