import { describe, expect, it } from 'vitest';
import { parseCommand } from './args.ts';
import { CliError, EXIT } from './errors.ts';

function usageError(argv: string[]): string {
  try {
    parseCommand(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(EXIT.usage);
    return (err as CliError).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseCommand', () => {
  it('reads pages, format, url and size limit', () => {
    expect(parseCommand(['analyze', 'a.html', 'b.html.gz', '-f', 'json'])).toEqual({ kind: 'analyze-pages', files: ['a.html', 'b.html.gz'], format: 'json', url: null, maxBytes: 20 * 1024 * 1024 });
    expect(parseCommand(['analyze', '--url', 'https://x.test/a', 'a.html', '--max-size', '1'])).toMatchObject({ url: 'https://x.test/a', maxBytes: 1024 * 1024, format: 'text' });
    expect(parseCommand(['analyze', '--jsonl', '-'])).toEqual({ kind: 'analyze-jsonl', input: '-', maxBytes: 20 * 1024 * 1024 });
    expect(parseCommand([])).toEqual({ kind: 'help' });
    expect(parseCommand(['analyze', '--help'])).toEqual({ kind: 'help' });
  });

  it('turns every bad command line into a one-line usage error', () => {
    expect(usageError(['analyze', '--nope'])).toMatch(/^unknown option '--nope'/);
    expect(usageError(['analyze', '--url'])).toMatch(/--url/);
    expect(usageError(['analyse', 'x.html'])).toMatch(/unknown command "analyse"/);
    expect(usageError(['analyze'])).toMatch(/at least one PAGE/);
    expect(usageError(['analyze', '--jsonl', 'in.jsonl', 'page.html'])).toMatch(/--jsonl/);
    expect(usageError(['analyze', '--url', 'u', 'a.html', 'b.html'])).toMatch(/single file/);
    expect(usageError(['analyze', 'a.html', '--max-size=-3'])).toMatch(/positive/);
    expect(usageError(['analyze', 'a.html', '--max-size', 'lots'])).toMatch(/positive/);
    for (const argv of [['analyze', '--nope'], ['analyze', '--url']]) expect(usageError(argv)).not.toMatch(/\n/);
  });
});
