/** A one-line progress bar on a terminal (stderr), redrawn in place: `label [#######.......]  50%`. */
export interface Progress {
  update(fraction: number): void;
  /** Erases the bar. */
  end(): void;
}

const WIDTH = 30;
const CLEAR_LINE = "\r\u001b[2K";

/** A progress bar writing to `write`; a no-op when `enabled` is false (not a terminal). */
export function progressBar(write: (text: string) => void, label: string, enabled: boolean): Progress {
  if (!enabled) return { update() {}, end() {} };
  let drawn = false;
  return {
    update(fraction) {
      const f = Math.max(0, Math.min(1, fraction));
      const filled = Math.round(f * WIDTH);
      write(
        `${CLEAR_LINE}${label} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.round(f * 100)).padStart(3)}%`,
      );
      drawn = true;
    },
    end() {
      if (drawn) write(CLEAR_LINE);
      drawn = false;
    },
  };
}
