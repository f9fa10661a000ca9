import { CliError, EXIT_CODES } from "../exit-codes.js";

/** Why a long-running command stopped. */
export type StopReason = "SIGINT" | "SIGTERM" | "duration";

/**
 * Ctrl-C (SIGINT) and SIGTERM for one command: caught from construction until {@link dispose}, so the command can
 * cancel its subscriptions, disconnect and close the embedded host before it exits, instead of dying mid-write.
 */
export class StopSignal {
  private reason: StopReason | undefined;
  private readonly waiters = new Set<(reason: StopReason) => void>();
  private readonly onInt = () => this.trigger("SIGINT");
  private readonly onTerm = () => this.trigger("SIGTERM");

  constructor() {
    process.on("SIGINT", this.onInt);
    process.on("SIGTERM", this.onTerm);
  }

  /** Stops now (a signal, or the end of --duration). */
  trigger(reason: StopReason): void {
    if (this.reason) return;
    this.reason = reason;
    for (const w of [...this.waiters]) w(reason);
    this.waiters.clear();
  }

  /** Whether a stop was asked for, and why. */
  get stopped(): StopReason | undefined {
    return this.reason;
  }

  /** Resolves when the user stops, or after `seconds` (wall-clock) when given. */
  wait(seconds?: number): Promise<StopReason> {
    if (this.reason) return Promise.resolve(this.reason);
    return new Promise((resolve) => {
      const timer = seconds === undefined ? undefined : setTimeout(() => this.trigger("duration"), seconds * 1000);
      this.waiters.add((reason) => {
        if (timer) clearTimeout(timer);
        resolve(reason);
      });
    });
  }

  /** Rejects when the user stops a one-shot request before its answer came (exit 5: the result is incomplete). */
  interrupted(): Promise<never> {
    const p = this.wait().then((reason) => {
      throw new CliError(`interrupted (${reason}) before the answer came`, EXIT_CODES.error);
    });
    p.catch(() => {});
    return p;
  }

  /** Stops listening to the signals (Node's default handling returns). */
  dispose(): void {
    process.off("SIGINT", this.onInt);
    process.off("SIGTERM", this.onTerm);
  }
}

/** Parses `--duration SECONDS` of a streaming command (0 or more, decimals allowed). */
export function parseSeconds(text: string | undefined, flag = "--duration"): number | undefined {
  if (text === undefined) return undefined;
  const v = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(v >= 0)) throw new CliError(`${flag} must be a number of seconds (0 or more), got '${text}'`, EXIT_CODES.usage);
  return v;
}
