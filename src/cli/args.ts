/**
 * Command-line parsing for `kontext`. Uses node:util parseArgs in strict
 * mode, and turns its errors (unknown option, missing value) into usage
 * errors with exit status 2 instead of stack traces.
 */
import { parseArgs } from 'node:util';
import { CliError, EXIT } from './errors.ts';
import { DEFAULT_MAX_BYTES } from './page-bytes.ts';

export type OutputFormat = 'text' | 'json';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'analyze-pages'; files: string[]; format: OutputFormat; url: string | null; maxBytes: number }
  | { kind: 'analyze-jsonl'; input: string; maxBytes: number };

const usage = (msg: string): CliError => new CliError(`${msg} (see kontext --help)`, EXIT.usage);

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        format: { type: 'string', short: 'f' },
        jsonl: { type: 'string' },
        url: { type: 'string' },
        'max-size': { type: 'string' },
      },
    });
  } catch (err) {
    // parseArgs explains at length; its first sentence is the useful part
    const first = err instanceof Error ? (err.message.split(/\.\s|\n/)[0] ?? '') : '';
    throw usage(first ? first.charAt(0).toLowerCase() + first.slice(1) : 'bad arguments');
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...files] = positionals;
  if (command === undefined) return { kind: 'help' };
  if (command === 'help') return { kind: 'help' };
  if (command !== 'analyze') throw usage(`unknown command "${command}"`);

  let maxBytes = DEFAULT_MAX_BYTES;
  if (values['max-size'] !== undefined) {
    const mb = Number(values['max-size']);
    if (!Number.isFinite(mb) || mb <= 0) throw usage(`--max-size needs a positive number of megabytes, got "${values['max-size']}"`);
    maxBytes = Math.round(mb * 1024 * 1024);
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw usage(`--format must be "text" or "json", got "${format}"`);

  if (values.jsonl !== undefined) {
    if (files.length > 0) throw usage('--jsonl reads texts, not pages: give no page files with it');
    if (values.url !== undefined) throw usage('--url applies to pages, not to --jsonl texts');
    return { kind: 'analyze-jsonl', input: values.jsonl, maxBytes };
  }
  if (files.length === 0) throw usage('analyze needs at least one PAGE.html[.gz] (or "-" for stdin)');
  if (values.url !== undefined && files.length > 1) throw usage('--url sets the URL of one page; give a single file with it');
  return { kind: 'analyze-pages', files, format, url: values.url ?? null, maxBytes };
}
