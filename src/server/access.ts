import { isIP } from "node:net";

/**
 * Who may connect, as TWS's "Allow connections from localhost only" and "Trusted IPs" settings decide: a peer on
 * this machine always, another peer only when its address is trusted (single addresses, no subnets, as in TWS).
 * Everyone else is closed at once, before a byte is read, as TWS does without its accept dialog.
 */
export interface AccessRule {
  /** Whether a peer at `address` may connect. */
  allows(address: string | undefined): boolean;
  /** The trusted addresses, normalised. */
  readonly trustedIps: readonly string[];
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same peer; IPv6 text compares in lower case. */
export function normaliseAddress(address: string): string {
  const lower = address.trim().toLowerCase();
  return lower.startsWith("::ffff:") && isIP(lower.slice(7)) === 4 ? lower.slice(7) : lower;
}

/** Loopback: 127.0.0.0/8 and ::1. */
export function isLoopbackAddress(address: string): boolean {
  const a = normaliseAddress(address);
  return a === "::1" || (isIP(a) === 4 && a.startsWith("127."));
}

/** Checks and normalises the trusted addresses; throws a RangeError naming the first one that is not an IP. */
export function parseTrustedIps(list: readonly string[]): string[] {
  return list.map((entry) => {
    const a = normaliseAddress(entry);
    if (isIP(a) === 0) {
      throw new RangeError(
        `trusted IP '${entry}' is not an IPv4 or IPv6 address (TWS takes single addresses, no subnets)`,
      );
    }
    return a;
  });
}

/**
 * The rule for a host. `isLocal` says which peers count as this machine (default: loopback); tests narrow it to
 * treat another loopback address such as 127.0.0.2 as a remote peer.
 */
export function accessRule(
  trusted: readonly string[],
  isLocal: (address: string) => boolean = isLoopbackAddress,
): AccessRule {
  const trustedIps = parseTrustedIps(trusted);
  const set = new Set(trustedIps);
  return {
    trustedIps,
    allows(address) {
      if (address === undefined) return false;
      const a = normaliseAddress(address);
      return isLocal(a) || set.has(a);
    },
  };
}
