/**
 * The exit codes of `tws`, documented in docs/cli.md. Scripts may rely on them: keep the numbers stable.
 */
export const EXIT_CODES = {
  /** The command did what was asked. */
  ok: 0,
  /** Bad arguments: an unknown command or option, a missing value, a port out of range. */
  usage: 1,
  /** The host could not be reached, refused the connection or the handshake failed. */
  cannotConnect: 2,
  /** Nothing matched (an unknown contract, an empty result), or more than one did where one was needed. */
  notFound: 3,
  /** TWS rejected the request (permissions, market data subscriptions, pacing, an order rejected). */
  rejected: 4,
  /** Any other error reported by TWS, or an unexpected failure of `tws` itself. */
  error: 5,
} as const;

/** One of the documented exit codes. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/**
 * An error a command reports to the user: a one-line message (say how to fix it) and the exit code to leave with.
 * Anything else thrown out of a command is unexpected and exits with {@link EXIT_CODES.error}.
 */
export class CliError extends Error {
  override readonly name = "CliError";
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode, options?: ErrorOptions) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

/** A usage error (exit code 1). */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT_CODES.usage);
}
