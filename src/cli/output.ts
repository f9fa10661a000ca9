import pc from "picocolors";

/** picocolors' formatters (all identity functions when color is off). */
export type Colors = ReturnType<typeof pc.createColors>;

/** The fields of a JSON line besides `type`, which always comes first and cannot be overridden. */
export type JsonFields = { readonly [key: string]: unknown } & { readonly type?: never };

/** JSON.stringify replacer: bigint as its decimal string (JSON numbers would lose precision). */
function replacer(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}

/** One JSON object on one line (no newline), `type` first. */
export function jsonLine(type: string, fields: JsonFields = {}): string {
  return JSON.stringify({ type, ...fields }, replacer);
}

/** Whether to color human output: not with --no-color, not when NO_COLOR is set (https://no-color.org), not off a TTY. */
export function colorEnabled(options: {
  readonly color: boolean;
  readonly env: { readonly NO_COLOR?: string | undefined };
  readonly isTTY: boolean;
}): boolean {
  const noColor = options.env.NO_COLOR;
  return options.color && (noColor === undefined || noColor === "") && options.isTTY;
}

/**
 * Lays out rows under a header in columns two spaces apart; the header is bold. Cells are plain text (color a
 * whole line afterwards, not a cell, so the padding stays right). Returns the lines without newlines.
 */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[], colors: Colors): string[] {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? "").length)));
  const layout = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [colors.bold(layout(header)), ...rows.map(layout)];
}

/** Where a command writes: records on stdout, diagnostics on stderr. */
export interface Output {
  /** True with --json: write records, not text. */
  readonly json: boolean;
  readonly colors: Colors;
  /** One JSON line on stdout. */
  record(type: string, fields?: JsonFields): void;
  /** One line of human text on stdout. */
  line(text?: string): void;
  /** One line on stderr, only with --verbose. */
  debug(text: string): void;
}

/** The writers and flags {@link createOutput} needs. */
export interface OutputOptions {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly json: boolean;
  readonly verbose: boolean;
  readonly color: boolean;
}

export function createOutput(options: OutputOptions): Output {
  const colors = pc.createColors(options.color);
  return {
    json: options.json,
    colors,
    record: (type, fields) => options.stdout(`${jsonLine(type, fields)}\n`),
    line: (text = "") => options.stdout(`${text}\n`),
    debug: (text) => {
      if (options.verbose) options.stderr(`${colors.dim(text)}\n`);
    },
  };
}
