/**
 * Exit codes and the one error type the command line reports. Every failure
 * a user can cause (bad option, missing file, binary file, broken gzip …)
 * becomes a CliError with a one-line message; only a bug in the engine
 * reaches the "internal error" path, and even that prints one line unless
 * KONTEXT_DEBUG is set.
 */

export const EXIT = {
  /** Everything analysed (a valid page without an article counts as success). */
  ok: 0,
  /** At least one input could not be read or is not an HTML page / valid JSON line. */
  input: 1,
  /** Bad command line (unknown option, missing argument). */
  usage: 2,
  /** A bug: the engine threw on an input it accepted. */
  internal: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.input,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Collapse a message to one printable line (page text can contain anything, including terminal escapes). */
export function oneLine(message: string, max = 300): string {
  // C0/C1 controls (terminal escapes, NUL) and line/paragraph separators become spaces
  const flat = message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A one-line description of anything thrown. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return oneLine(err.message || err.name);
  return oneLine(String(err));
}
