/**
 * The `kontext` command line: parse the arguments, run the command, map
 * every failure to a one-line message and an exit status (see errors.ts
 * and docs/cli.md). bin/kontext.mjs loads this file through tsx, so the
 * command works straight after `npm ci` with no build step.
 */
import { readFileSync } from 'node:fs';
import { parseCommand } from './args.ts';
import { CliError, EXIT, describeError, type ExitCode } from './errors.ts';
import { HELP } from './help.ts';
import { nodeOutput, type Output } from './output.ts';

function version(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  } catch {
    // fall through: a missing package.json should not break --version
  }
  return 'unknown';
}

export async function main(argv: readonly string[], io: Output = nodeOutput()): Promise<ExitCode> {
  try {
    const cmd = parseCommand(argv);
    switch (cmd.kind) {
      case 'help':
        await io.out(HELP);
        return EXIT.ok;
      case 'version':
        await io.out(`kontext ${version()}\n`);
        return EXIT.ok;
      // The engine is imported only when needed: --help stays instant and works even if a model fails to load.
      case 'analyze-pages':
        return await (await import('./analyze-pages.ts')).runPages(cmd, io);
      case 'analyze-jsonl':
        return await (await import('./analyze-jsonl.ts')).runJsonl(cmd.input, cmd.maxBytes, io);
    }
  } catch (err) {
    if (err instanceof CliError) {
      io.err(err.message);
      return err.exitCode;
    }
    io.err(`internal error: ${describeError(err)}`);
    if (process.env.KONTEXT_DEBUG && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
    return EXIT.internal;
  }
}
