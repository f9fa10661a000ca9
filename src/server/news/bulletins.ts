import { NewsBulletinType } from "../../protocol/models/news.js";
import type { HostClock, TimerHandle } from "../clock.js";
import { zoneOffset } from "../engine/market/calendar.js";
import { uniform } from "../engine/market/hash.js";
import { localDay } from "../engine/market/index.js";
import type { HostState } from "../handlers/types.js";
import type { ClientScopedService } from "../services.js";

/**
 * IB news bulletins (REQ_NEWS_BULLETINS / CANCEL_NEWS_BULLETINS): a synthetic, seeded schedule on the host clock
 * (a bulletin in a 90-minute slot with a fixed chance, at a second drawn for the slot), and one subscription per
 * client. `allMsgs` sends the bulletins of the host's day (US/Eastern) so far first; new ones go to every
 * subscriber when they fall due. Assumed, since no source shows them: a second request replaces the first, and a
 * cancel without a subscription is answered with nothing.
 */

export interface Bulletin {
  readonly time: number;
  readonly msgId: number;
  readonly msgType: number;
  readonly newsMessage: string;
  readonly originExch: string;
}

const SLOT_MS = 90 * 60_000;
const RATE = 0.4;
const STREAM = 0x62756c;
const EXCHANGES = ["ARCA", "ISLAND", "NYSE", "BATS"];
const NOTES = [
  "[SIM] Simulated TWS host: scheduled maintenance of the synthetic order routing this weekend.",
  "[SIM] Simulated TWS host: margin requirements unchanged; this bulletin is synthetic.",
  "[SIM] Simulated TWS host: the synthetic market data farm was restarted; no data was lost.",
];

/** The bulletin of slot `slot` (slots of 90 minutes since the epoch), if any. */
export function bulletinAt(seed: number, slot: number): Bulletin | undefined {
  if (uniform(seed, slot, STREAM, 0) >= RATE) return undefined;
  const time = slot * SLOT_MS + Math.floor(uniform(seed, slot, STREAM, 1) * (SLOT_MS / 1000)) * 1000;
  const kind = uniform(seed, slot, STREAM, 2);
  // The msgId is the slot: every bulletin has its own, in time order.
  if (kind < 0.7) {
    const newsMessage = NOTES[Math.floor(uniform(seed, slot, STREAM, 3) * NOTES.length)]!;
    return { time, msgId: slot, msgType: NewsBulletinType.NEWS, newsMessage, originExch: "" };
  }
  const exchange = EXCHANGES[Math.floor(uniform(seed, slot, STREAM, 3) * EXCHANGES.length)]!;
  const up = kind >= 0.85;
  return {
    time,
    msgId: slot,
    msgType: up ? NewsBulletinType.EXCHANGE_AVAILABLE : NewsBulletinType.EXCHANGE_UNAVAILABLE,
    newsMessage: `[SIM] ${exchange} is ${up ? "available" : "unavailable"} for trading in the simulated market.`,
    originExch: exchange,
  };
}

/** The bulletins in (from, to], oldest first. */
export function bulletinsBetween(seed: number, from: number, to: number): Bulletin[] {
  const out: Bulletin[] = [];
  for (let slot = Math.floor(from / SLOT_MS); slot <= Math.floor(to / SLOT_MS); slot++) {
    const b = bulletinAt(seed, slot);
    if (b && b.time > from && b.time <= to) out.push(b);
  }
  return out;
}

/** The first bulletin after `t` (searching a year ahead at most). */
function nextBulletin(seed: number, t: number): Bulletin | undefined {
  const last = Math.floor(t / SLOT_MS) + 6000;
  for (let slot = Math.floor(t / SLOT_MS); slot <= last; slot++) {
    const b = bulletinAt(seed, slot);
    if (b && b.time > t) return b;
  }
  return undefined;
}

/** Midnight in US/Eastern of the host's day of `t` (with the offset at `t`: off by an hour on a clock change day). */
function dayStart(t: number): number {
  return localDay("US/Eastern", t) * 86_400_000 - zoneOffset("US/Eastern", t);
}

export type BulletinSend = (value: Record<string, unknown>) => void;

export class BulletinService implements ClientScopedService {
  private readonly subscribers = new Map<number, BulletinSend>();
  private timer: TimerHandle | undefined;

  constructor(
    private readonly seed: number,
    private readonly clock: HostClock,
  ) {}

  /** Subscribes a client (replacing its subscription), sending today's bulletins so far first with `allMsgs`. */
  subscribe(clientId: number, allMsgs: boolean, send: BulletinSend): void {
    this.subscribers.set(clientId, send);
    const now = this.clock.now();
    if (allMsgs) for (const b of bulletinsBetween(this.seed, dayStart(now) - 1, now)) this.deliver(clientId, send, b);
    this.schedule();
  }

  /** Ends a client's subscription; false when it had none. */
  unsubscribe(clientId: number): boolean {
    const had = this.subscribers.delete(clientId);
    this.unscheduleIfIdle();
    return had;
  }

  dropClient(clientId: number): void {
    this.unsubscribe(clientId);
  }

  dispose(): void {
    this.subscribers.clear();
    this.unscheduleIfIdle();
  }

  private deliver(clientId: number, send: BulletinSend, b: Bulletin): void {
    try {
      send({ msgId: b.msgId, msgType: b.msgType, newsMessage: b.newsMessage, originExch: b.originExch });
    } catch {
      this.unsubscribe(clientId);
    }
  }

  private schedule(): void {
    if (this.timer || this.subscribers.size === 0) return;
    const next = nextBulletin(this.seed, this.clock.now());
    if (!next) return;
    this.timer = this.clock.setTimer(() => {
      this.timer = undefined;
      for (const [clientId, send] of [...this.subscribers]) this.deliver(clientId, send, next);
      this.schedule();
    }, next.time - this.clock.now());
  }

  private unscheduleIfIdle(): void {
    if (this.subscribers.size > 0 || !this.timer) return;
    this.clock.clearTimer(this.timer);
    this.timer = undefined;
  }
}

const BULLETINS = Symbol("bulletins");

/** The bulletin service of a host, made on first use (the host ends a leaving client's subscription). */
export function bulletinsOf(host: HostState): BulletinService {
  return host.services.get(BULLETINS, () => new BulletinService(host.options.seed, host.clock));
}
