/**
 * `kontext analyze --jsonl FILE|-`: plain texts in, one result per line
 * out, streamed so a large corpus never sits in memory. A bad line (not
 * JSON, no "id", no "text") is reported with its line number and skipped.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { analyzeTextAsync } from '../core/analyze-text.ts';
import { CliError, EXIT, describeError, oneLine, type ExitCode } from './errors.ts';
import { toTextResult } from './text-result.ts';
import type { Output } from './output.ts';

interface TextInput {
  id: string | number;
  text: string;
  lang: string | null;
}

/** Validate one parsed line; returns the input or a one-line reason. */
export function readTextInput(value: unknown): TextInput | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object {"id", "text", "lang"?}';
  const rec = value as Record<string, unknown>;
  const { id, text, lang } = rec;
  if (typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string or number';
  if (typeof text !== 'string') return '"text" must be a string';
  if (lang !== undefined && lang !== null && typeof lang !== 'string') return '"lang" must be a string if given';
  return { id, text, lang: lang ?? null };
}

async function openInput(path: string): Promise<NodeJS.ReadableStream> {
  if (path === '-') return process.stdin;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new CliError(`${path}: is a directory`);
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = err instanceof Error && 'code' in err ? String((err as NodeJS.ErrnoException).code) : '';
    throw new CliError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code || describeError(err)})`);
  }
  return createReadStream(path, { encoding: 'utf8' });
}

export async function runJsonl(input: string, maxBytes: number, io: Output): Promise<ExitCode> {
  const stream = await openInput(input);
  let exit: ExitCode = EXIT.ok;
  let lineNo = 0;
  const label = input === '-' ? 'stdin' : input;
  const bad = (msg: string, code: ExitCode = EXIT.input): void => {
    io.err(`${label}:${lineNo}: ${msg}`);
    exit = Math.max(exit, code) as ExitCode;
  };
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      lineNo++;
      if (line.trim() === '') continue;
      if (line.length > maxBytes) {
        bad(`line too long (${line.length} characters; raise --max-size)`);
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (err) {
        bad(`invalid JSON (${describeError(err)})`);
        continue;
      }
      const item = readTextInput(parsed);
      if (typeof item === 'string') {
        bad(item);
        continue;
      }
      try {
        const detail = await analyzeTextAsync(item.text, { language: item.lang });
        await io.out(JSON.stringify(toTextResult(item.id, detail)) + '\n');
      } catch (err) {
        bad(`internal error while analysing id ${oneLine(String(item.id), 60)}: ${describeError(err)}`, EXIT.internal);
      }
    }
  } catch (err) {
    throw new CliError(`${label}: cannot read (${describeError(err)})`);
  }
  return exit;
}
