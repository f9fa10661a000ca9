/**
 * The TWS error and notice codes the host sends, with TWS's texts (reference §9 and §10, and the texts seen in the
 * IB Gateway 1040 recordings under `../shared/recordings/gw1040`). `id` -1 means "not tied to a request".
 */
export const TwsCode = {
  MAX_RATE_EXCEEDED: 100,
  REQUEST_READ_ERROR: 320,
  REQUEST_VALIDATION_ERROR: 321,
  REQUEST_PROCESSING_ERROR: 322,
  CLIENT_ID_IN_USE: 326,
  AUTO_BIND_NEEDS_CLIENT_ZERO: 327,
  CONNECTIVITY_LOST: 1100,
  CONNECTIVITY_RESTORED_DATA_LOST: 1101,
  CONNECTIVITY_RESTORED_DATA_MAINTAINED: 1102,
  MARKET_DATA_FARM_BROKEN: 2103,
  MARKET_DATA_FARM_OK: 2104,
  HMDS_FARM_BROKEN: 2105,
  HMDS_FARM_OK: 2106,
  SECDEF_FARM_BROKEN: 2157,
  SECDEF_FARM_OK: 2158,
  /**
   * Our choice for the 33rd client (docs/decisions/0004-host-sessions.md): 502 is what every official client
   * reports when it cannot connect to TWS, and the text says why.
   */
  TOO_MANY_CLIENTS: 502,
} as const;

/** The kinds of data farm TWS reports on. */
export type FarmKind = "marketData" | "hmds" | "secDef";

/** The notice codes of each farm kind: connection OK, and connection broken. */
export const FARM_CODES: Record<FarmKind, { readonly ok: number; readonly broken: number }> = {
  marketData: { ok: TwsCode.MARKET_DATA_FARM_OK, broken: TwsCode.MARKET_DATA_FARM_BROKEN },
  hmds: { ok: TwsCode.HMDS_FARM_OK, broken: TwsCode.HMDS_FARM_BROKEN },
  secDef: { ok: TwsCode.SECDEF_FARM_OK, broken: TwsCode.SECDEF_FARM_BROKEN },
};

const FARM_LABEL: Record<FarmKind, string> = {
  marketData: "Market data",
  hmds: "HMDS data",
  secDef: "Sec-def data",
};

/** `Market data farm connection is OK:usfarm`, as recorded. */
export function farmOkText(kind: FarmKind, farm: string): string {
  return `${FARM_LABEL[kind]} farm connection is OK:${farm}`;
}

/** `Market data farm connection is broken:usfarm`. */
export function farmBrokenText(kind: FarmKind, farm: string): string {
  return `${FARM_LABEL[kind]} farm connection is broken:${farm}`;
}

/** The farm kind of a farm name as TWS names them (`usfarm`, `cashfarm` / `ushmds` / `secdefil`, `secdefnj`). */
export function farmKindOf(farm: string): FarmKind {
  if (/hmds/i.test(farm)) return "hmds";
  if (/^secdef/i.test(farm)) return "secDef";
  return "marketData";
}

/** The texts of fixed messages. */
export const TwsText = {
  clientIdInUse: "Unable to connect as the client id is already in use. Retry with a unique client id.",
  autoBindNeedsClientZero: "Only API connections with clientId set to 0 can set the auto bind TWS orders property.",
  connectivityLost: "Connectivity between IB and Trader Workstation has been lost.",
  connectivityRestoredDataLost: "Connectivity between IB and Trader Workstation has been restored - data lost.",
  connectivityRestoredDataMaintained:
    "Connectivity between IB and Trader Workstation has been restored - data maintained.",
  readOnly: "The API interface is currently in Read-Only mode.",
  tooManyClients: (max: number) =>
    `Couldn't connect to TWS. The maximum number of API client connections (${max}) has been reached: ` +
    "disconnect another client and retry.",
  /** `max=50 rec=51 (1)`: the limit, the requests received in the window, and the violation count. */
  maxRate: (max: number, received: number, violation: number) =>
    `Max rate of messages per second has been exceeded:max=${max} rec=${received} (${violation})`,
} as const;

/** Which of TWS's three request errors: it could not read, validate or process the request. */
export type RequestErrorKind = "read" | "validate" | "process";

const REQUEST_ERROR: Record<RequestErrorKind, { readonly code: number; readonly verb: string }> = {
  read: { code: TwsCode.REQUEST_READ_ERROR, verb: "reading" },
  validate: { code: TwsCode.REQUEST_VALIDATION_ERROR, verb: "validating" },
  process: { code: TwsCode.REQUEST_PROCESSING_ERROR, verb: "processing" },
};

/**
 * A 320 / 321 / 322 error in TWS's shape, `Error validating request.-'V' : cause - <why>` (recorded). TWS puts an
 * internal one-letter request code between the quotes; the host puts the request's name there instead.
 */
export function requestError(kind: RequestErrorKind, request: string, cause: string): { code: number; text: string } {
  const { code, verb } = REQUEST_ERROR[kind];
  return { code, text: `Error ${verb} request.-'${request}' : cause - ${cause}` };
}
