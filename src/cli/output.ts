/**
 * Writing to stdout/stderr with back-pressure, and quietly stopping when
 * the reader of our output goes away (`kontext analyze … | head`), instead
 * of dying with an EPIPE stack trace.
 */

export interface Output {
  out(text: string): Promise<void>;
  err(line: string): void;
}

let stdoutClosed = false;

export function nodeOutput(): Output {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') {
      stdoutClosed = true;
      return;
    }
    process.stderr.write(`kontext: cannot write output (${err.code ?? err.message})\n`);
    stdoutClosed = true;
  });
  return {
    out(text: string): Promise<void> {
      if (stdoutClosed) return Promise.resolve();
      if (process.stdout.write(text)) return Promise.resolve();
      return new Promise((resolve) => {
        process.stdout.once('drain', resolve);
        process.stdout.once('error', () => resolve());
      });
    },
    err(line: string): void {
      process.stderr.write(`kontext: ${line}\n`);
    },
  };
}
