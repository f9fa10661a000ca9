import type { FieldReader } from "../../field-reader.js";
import type { FieldWriter } from "../../field-writer.js";
import { OutgoingMessageId } from "../../message-ids.js";
import type { TagValue } from "../../models/contract.js";
import type { ScannerSubscription } from "../../models/scanner.js";
import {
  CancelScannerSubscription,
  ScannerParametersRequest,
  type ScannerSubscription as ScannerSubscriptionProto,
  ScannerSubscriptionRequest,
} from "../../proto/index.js";
import { ServerVersion } from "../../server-versions.js";
import { UNSET_DOUBLE, UNSET_INTEGER } from "../../values.js";
import { requireVersion } from "../common/contract.js";
import type { NoArguments } from "../common/no-arguments.js";
import { protobufForm, request } from "../spec.js";
import {
  intOrUnset,
  optionsFromProto,
  optionsToProto,
  readOptions,
  setInt,
  setString,
  writeOptions,
} from "./option-lists.js";

/**
 * Scanner requests (official `client.py` reqScannerParameters, reqScannerSubscription,
 * cancelScannerSubscription). Protobuf from MIN_SERVER_VER_PROTOBUF_SCAN_DATA (210).
 */

/** The version field of the scanner requests' text form. */
const VERSION = 1;
/** REQ_SCANNER_SUBSCRIPTION's version field, written only below MIN_SERVER_VER_SCANNER_GENERIC_OPTS. */
const SUBSCRIPTION_VERSION = 4;

/** REQ_SCANNER_PARAMETERS: the XML that describes every scan TWS offers. */
export const reqScannerParameters = request<NoArguments>({
  id: OutgoingMessageId.REQ_SCANNER_PARAMETERS,
  name: "REQ_SCANNER_PARAMETERS",
  text: {
    write(w) {
      w.int(VERSION);
    },
    read(r) {
      r.skip(); // version
      return {};
    },
  },
  protobuf: protobufForm(ScannerParametersRequest, { toProto: () => ({}), fromProto: () => ({}) }),
});

/** REQ_SCANNER_SUBSCRIPTION: start a scan; rows arrive as SCANNER_DATA until it is cancelled. */
export interface ReqScannerSubscriptionMessage {
  reqId: number;
  subscription: ScannerSubscription;
  /** "For internal use only" in the official documentation; MIN_SERVER_VER_LINKING (70). */
  scannerSubscriptionOptions: TagValue[] | undefined;
  /** Generic filters (`tag=value`, names from the scanner parameters XML); MIN_SERVER_VER_SCANNER_GENERIC_OPTS. */
  scannerSubscriptionFilterOptions: TagValue[] | undefined;
}

const unsetIfEmpty = (s: string): string | undefined => (s === "" ? undefined : s);

/** The subscription's 21 text fields. Numbers are "handle empty" fields (unset → empty); strings are plain. */
function writeSubscription(w: FieldWriter, s: ScannerSubscription): void {
  w.intMax(s.numberOfRows)
    .string(s.instrument)
    .string(s.locationCode)
    .string(s.scanCode)
    .doubleMax(s.abovePrice)
    .doubleMax(s.belowPrice)
    .intMax(s.aboveVolume)
    .doubleMax(s.marketCapAbove)
    .doubleMax(s.marketCapBelow)
    .string(s.moodyRatingAbove)
    .string(s.moodyRatingBelow)
    .string(s.spRatingAbove)
    .string(s.spRatingBelow)
    .string(s.maturityDateAbove)
    .string(s.maturityDateBelow)
    .doubleMax(s.couponRateAbove)
    .doubleMax(s.couponRateBelow)
    .bool(s.excludeConvertible)
    .intMax(s.averageOptionVolumeAbove)
    .string(s.scannerSettingPairs)
    .string(s.stockTypeFilter);
}

/** Reads what {@link writeSubscription} writes: empty fields and `excludeConvertible` 0 read as not set. */
function readSubscription(r: FieldReader): ScannerSubscription {
  return {
    numberOfRows: r.readIntMax(),
    instrument: unsetIfEmpty(r.readString()),
    locationCode: unsetIfEmpty(r.readString()),
    scanCode: unsetIfEmpty(r.readString()),
    abovePrice: r.readDoubleMax(),
    belowPrice: r.readDoubleMax(),
    aboveVolume: r.readIntMax(),
    marketCapAbove: r.readDoubleMax(),
    marketCapBelow: r.readDoubleMax(),
    moodyRatingAbove: unsetIfEmpty(r.readString()),
    moodyRatingBelow: unsetIfEmpty(r.readString()),
    spRatingAbove: unsetIfEmpty(r.readString()),
    spRatingBelow: unsetIfEmpty(r.readString()),
    maturityDateAbove: unsetIfEmpty(r.readString()),
    maturityDateBelow: unsetIfEmpty(r.readString()),
    couponRateAbove: r.readDoubleMax(),
    couponRateBelow: r.readDoubleMax(),
    excludeConvertible: r.readBool() || undefined,
    averageOptionVolumeAbove: r.readIntMax(),
    scannerSettingPairs: unsetIfEmpty(r.readString()),
    stockTypeFilter: unsetIfEmpty(r.readString()),
  };
}

const setDouble = (n: number | undefined) => (n === undefined || n === UNSET_DOUBLE ? undefined : n);
const setIntMax = (n: number | undefined) => (n === undefined || n === UNSET_INTEGER ? undefined : n);
const setLong = (n: number | undefined) => {
  const v = setIntMax(n);
  return v === undefined ? undefined : BigInt(v);
};

/**
 * createScannerSubscriptionProto: numbers unless unset, strings when non-empty, excludeConvertible only when
 * true, both option lists as maps. The two volumes are int64 in protobuf.
 */
function subscriptionToProto(
  s: ScannerSubscription,
  options: readonly TagValue[] | undefined,
  filterOptions: readonly TagValue[] | undefined,
): ScannerSubscriptionProto {
  return {
    numberOfRows: setIntMax(s.numberOfRows),
    instrument: setString(s.instrument),
    locationCode: setString(s.locationCode),
    scanCode: setString(s.scanCode),
    abovePrice: setDouble(s.abovePrice),
    belowPrice: setDouble(s.belowPrice),
    aboveVolume: setLong(s.aboveVolume),
    marketCapAbove: setDouble(s.marketCapAbove),
    marketCapBelow: setDouble(s.marketCapBelow),
    moodyRatingAbove: setString(s.moodyRatingAbove),
    moodyRatingBelow: setString(s.moodyRatingBelow),
    spRatingAbove: setString(s.spRatingAbove),
    spRatingBelow: setString(s.spRatingBelow),
    maturityDateAbove: setString(s.maturityDateAbove),
    maturityDateBelow: setString(s.maturityDateBelow),
    couponRateAbove: setDouble(s.couponRateAbove),
    couponRateBelow: setDouble(s.couponRateBelow),
    excludeConvertible: s.excludeConvertible ? true : undefined,
    averageOptionVolumeAbove: setLong(s.averageOptionVolumeAbove),
    scannerSettingPairs: setString(s.scannerSettingPairs),
    stockTypeFilter: setString(s.stockTypeFilter),
    scannerSubscriptionFilterOptions: optionsToProto(filterOptions),
    scannerSubscriptionOptions: optionsToProto(options),
  };
}

const numberOf = (n: bigint | undefined) => (n === undefined ? undefined : Number(n));

function subscriptionFromProto(p: ScannerSubscriptionProto | undefined): ScannerSubscription {
  if (!p) return {};
  return {
    numberOfRows: p.numberOfRows,
    instrument: setString(p.instrument),
    locationCode: setString(p.locationCode),
    scanCode: setString(p.scanCode),
    abovePrice: p.abovePrice,
    belowPrice: p.belowPrice,
    aboveVolume: numberOf(p.aboveVolume),
    marketCapAbove: p.marketCapAbove,
    marketCapBelow: p.marketCapBelow,
    moodyRatingAbove: setString(p.moodyRatingAbove),
    moodyRatingBelow: setString(p.moodyRatingBelow),
    spRatingAbove: setString(p.spRatingAbove),
    spRatingBelow: setString(p.spRatingBelow),
    maturityDateAbove: setString(p.maturityDateAbove),
    maturityDateBelow: setString(p.maturityDateBelow),
    couponRateAbove: p.couponRateAbove,
    couponRateBelow: p.couponRateBelow,
    excludeConvertible: p.excludeConvertible || undefined,
    averageOptionVolumeAbove: numberOf(p.averageOptionVolumeAbove),
    scannerSettingPairs: setString(p.scannerSettingPairs),
    stockTypeFilter: setString(p.stockTypeFilter),
  };
}

export const reqScannerSubscription = request<ReqScannerSubscriptionMessage>({
  id: OutgoingMessageId.REQ_SCANNER_SUBSCRIPTION,
  name: "REQ_SCANNER_SUBSCRIPTION",
  text: {
    write(w, m, sv) {
      // The official client refuses filter options below 143 whenever the list is not None, even when empty.
      requireVersion(
        sv,
        ServerVersion.SCANNER_GENERIC_OPTS,
        m.scannerSubscriptionFilterOptions !== undefined,
        "scannerSubscriptionFilterOptions",
      );
      requireVersion(sv, ServerVersion.LINKING, !!m.scannerSubscriptionOptions?.length, "scannerSubscriptionOptions");
      // The version field was dropped when the filter options came in.
      if (sv < ServerVersion.SCANNER_GENERIC_OPTS) w.int(SUBSCRIPTION_VERSION);
      w.int(m.reqId);
      writeSubscription(w, m.subscription);
      if (sv >= ServerVersion.SCANNER_GENERIC_OPTS) writeOptions(w, m.scannerSubscriptionFilterOptions);
      if (sv >= ServerVersion.LINKING) writeOptions(w, m.scannerSubscriptionOptions);
    },
    read(r, sv) {
      if (sv < ServerVersion.SCANNER_GENERIC_OPTS) r.skip(); // version
      const reqId = r.readInt();
      const subscription = readSubscription(r);
      const scannerSubscriptionFilterOptions = sv >= ServerVersion.SCANNER_GENERIC_OPTS ? readOptions(r) : undefined;
      const scannerSubscriptionOptions = sv >= ServerVersion.LINKING ? readOptions(r) : undefined;
      return { reqId, subscription, scannerSubscriptionOptions, scannerSubscriptionFilterOptions };
    },
  },
  protobuf: protobufForm(ScannerSubscriptionRequest, {
    // The official builder always sets the subscription (an empty one too) and puts both option lists in it.
    toProto: (m) => ({
      reqId: setInt(m.reqId),
      scannerSubscription: subscriptionToProto(
        m.subscription,
        m.scannerSubscriptionOptions,
        m.scannerSubscriptionFilterOptions,
      ),
    }),
    fromProto: (p) => ({
      reqId: intOrUnset(p.reqId),
      subscription: subscriptionFromProto(p.scannerSubscription),
      scannerSubscriptionOptions: optionsFromProto(p.scannerSubscription?.scannerSubscriptionOptions),
      scannerSubscriptionFilterOptions: optionsFromProto(p.scannerSubscription?.scannerSubscriptionFilterOptions),
    }),
  }),
});

/** CANCEL_SCANNER_SUBSCRIPTION. */
export interface CancelScannerSubscriptionMessage {
  reqId: number;
}

export const cancelScannerSubscription = request<CancelScannerSubscriptionMessage>({
  id: OutgoingMessageId.CANCEL_SCANNER_SUBSCRIPTION,
  name: "CANCEL_SCANNER_SUBSCRIPTION",
  text: {
    write(w, m) {
      w.int(VERSION).int(m.reqId);
    },
    read(r) {
      r.skip(); // version
      return { reqId: r.readInt() };
    },
  },
  protobuf: protobufForm(CancelScannerSubscription, {
    toProto: (m) => ({ reqId: setInt(m.reqId) }),
    fromProto: (p) => ({ reqId: intOrUnset(p.reqId) }),
  }),
});
