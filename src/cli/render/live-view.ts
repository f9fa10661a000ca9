/** ANSI control sequences used to redraw in place (ECMA-48). */
const CSI = "\u001b[";
const HIDE_CURSOR = `${CSI}?25l`;
const SHOW_CURSOR = `${CSI}?25h`;
const CLEAR_LINE = `${CSI}2K`;
const CLEAR_BELOW = `${CSI}J`;

/**
 * A block of lines redrawn in place on a terminal: each draw moves the cursor back to the block's first line and
 * rewrites it, so a quote board or an order book updates without scrolling. For terminals only; callers print
 * plain lines when stdout is not one.
 */
export class LiveView {
  private drawn = 0;
  private started = false;

  constructor(private readonly write: (text: string) => void) {}

  /** Replaces the block with `lines`. */
  draw(lines: readonly string[]): void {
    let text = this.started ? "" : HIDE_CURSOR;
    this.started = true;
    // CSI n F: to the start of the line n lines up.
    if (this.drawn > 0) text += `${CSI}${this.drawn}F`;
    for (const line of lines) text += `${CLEAR_LINE}${line}\n`;
    if (lines.length < this.drawn) text += CLEAR_BELOW;
    this.drawn = lines.length;
    this.write(text);
  }

  /** Leaves the last drawing on screen and shows the cursor again. */
  end(): void {
    if (this.started) this.write(SHOW_CURSOR);
    this.started = false;
    this.drawn = 0;
  }
}

/**
 * Calls `fn` at most once per `ms`, and never sooner than `settleMs` after the first call of a burst (ticks of one
 * market update arrive as several frames: wait for the rest). `flush()` runs a pending call now.
 */
export function throttle(fn: () => void, ms: number, settleMs = 20): { (): void; flush(): void; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  let last = 0;
  const run = () => {
    timer = undefined;
    last = Date.now();
    fn();
  };
  const call = () => {
    if (timer) return;
    timer = setTimeout(run, Math.max(settleMs, last + ms - Date.now()));
  };
  call.flush = () => {
    if (timer) {
      clearTimeout(timer);
      run();
    }
  };
  call.cancel = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  return call;
}
