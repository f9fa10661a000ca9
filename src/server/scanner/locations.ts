/**
 * The instrument types and scan locations the host serves: US stocks (ETFs included, as in TWS, where the
 * recorded STK.US.MAJOR scans list ETFs), located by their primary exchange. Codes and names follow TWS's
 * scanner parameters XML (InstrumentList, LocationTree).
 */

/** The one instrument type: `STK`. */
export const SCAN_INSTRUMENTS: readonly { readonly type: string; readonly name: string }[] = [
  { type: "STK", name: "US Stocks" },
];

/** A location of the tree: its code, name, the primary exchanges it covers and its sub-locations. */
export interface ScanLocation {
  readonly code: string;
  readonly displayName: string;
  readonly exchanges: readonly string[];
  readonly children: readonly ScanLocation[];
}

const leaf = (code: string, displayName: string, exchange: string): ScanLocation => ({
  code,
  displayName,
  exchanges: [exchange],
  children: [],
});

const MAJOR: ScanLocation = {
  code: "STK.US.MAJOR",
  displayName: "Listed/NASDAQ",
  exchanges: ["NYSE", "NASDAQ", "AMEX", "ARCA", "BATS"],
  children: [
    leaf("STK.NYSE", "NYSE", "NYSE"),
    leaf("STK.NASDAQ", "NASDAQ", "NASDAQ"),
    leaf("STK.AMEX", "AMEX", "AMEX"),
    leaf("STK.ARCA", "NYSE Arca", "ARCA"),
    leaf("STK.BATS", "Cboe BZX", "BATS"),
  ],
};

/** The root of the tree: every US stock (the minor markets hold nothing in the host's universe). */
export const SCAN_LOCATION_TREE: ScanLocation = {
  code: "STK.US",
  displayName: "US Stocks",
  exchanges: [...MAJOR.exchanges, "PINK"],
  children: [MAJOR, leaf("STK.US.MINOR", "US OTC", "PINK")],
};

function find(node: ScanLocation, code: string): ScanLocation | undefined {
  if (node.code === code) return node;
  for (const c of node.children) {
    const hit = find(c, code);
    if (hit) return hit;
  }
  return undefined;
}

/** The location named `code` (case as TWS spells it), or undefined. */
export function scanLocationOf(code: string | undefined): ScanLocation | undefined {
  return code === undefined ? undefined : find(SCAN_LOCATION_TREE, code);
}
