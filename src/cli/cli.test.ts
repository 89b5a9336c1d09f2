/**
 * The real command line, spawned as a user runs it (node bin/kontext.mjs),
 * on the repository's fixtures and on bad files generated into a temp dir:
 * output shape, one-line errors, exit statuses, no stack traces.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAnalysisResult, checkTextResult } from './result-shape.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/kontext.mjs');
const SEED = join(ROOT, 'fixtures/hanoi-summit-rnd-dpa.html');
const NON_ARTICLE = join(ROOT, 'fixtures/non-article/trafilatura__apache.html.gz');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], input?: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, KONTEXT_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '');
/** A stack trace has "    at fn (file:line:col)" lines. */
const hasStack = (s: string): boolean => /^\s+at .+[:(]/m.test(s);

let dir = '';
const bad: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kontext-cli-'));
  const put = (name: string, data: string | Buffer): string => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };
  bad.empty = put('empty.html', '');
  bad.whitespace = put('blank.html', '  \n\t\n');
  bad.binary = put('binary.html', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  bad.png = put('image.html', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]));
  const gz = gzipSync(readFileSync(SEED));
  bad.truncatedGzip = put('cut.html.gz', gz.subarray(0, Math.floor(gz.length / 2)));
  bad.json = put('data.html', '{"not": "a page"}\n');
  bad.plain = put('notes.txt', 'Just a line of plain text without any markup at all.\n');
  bad.missing = join(dir, 'does-not-exist.html');
  bad.directory = dir;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('kontext CLI', () => {
  it('prints help with exit 0, and a one-line usage error with exit 2', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/kontext analyze PAGE\.html/);
    expect(help.stdout).toMatch(/--jsonl/);
    for (const args of [['analyze', '--bogus', SEED], ['analyze'], ['frobnicate'], ['analyze', '--format', 'xml', SEED], ['analyze', SEED, SEED, '--url', 'https://x.test/']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(lines(r.stderr), args.join(' ')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('--format json on the seed page prints exactly the documented shape', async () => {
    const r = await run(['analyze', '--format', 'json', '--url', 'https://news.example/hanoi', SEED]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const result: unknown = JSON.parse(r.stdout);
    expect(checkAnalysisResult(result)).toEqual([]);
    expect(result).toMatchObject({ url: 'https://news.example/hanoi' });
  });

  it('several pages give JSON Lines with a "file" field; a page without an article is not an error', async () => {
    const r = await run(['analyze', '--format', 'json', SEED, NON_ARTICLE]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.file)).toEqual([SEED, NON_ARTICLE]);
    for (const o of out) expect(checkAnalysisResult(o, ['file'])).toEqual([]);
    expect(out[1]?.article).toBeNull();
  });

  it('the default summary says when a page has no article', async () => {
    const r = await run(['analyze', NON_ARTICLE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No article found/);
  });

  it('each bad file gets one clear line on stderr and exit 1, and the good files are still analysed', async () => {
    const files = Object.values(bad);
    const r = await run(['analyze', '--format', 'json', ...files, NON_ARTICLE]);
    expect(r.code).toBe(1);
    expect(hasStack(r.stderr)).toBe(false);
    const errs = lines(r.stderr);
    expect(errs).toHaveLength(files.length);
    for (const [i, file] of files.entries()) expect(errs[i]?.startsWith(`kontext: ${file}: `), errs[i]).toBe(true);
    expect(errs.join('\n')).toMatch(/empty/);
    expect(errs.join('\n')).toMatch(/binary|PNG/);
    expect(errs.join('\n')).toMatch(/truncated gzip/);
    expect(errs.join('\n')).toMatch(/no such file/);
    expect(errs.join('\n')).toMatch(/is a directory/);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.file)).toEqual([NON_ARTICLE]);
  });

  it('a single bad file in summary mode: one line, exit 1, nothing on stdout', async () => {
    for (const file of [bad.empty, bad.truncatedGzip, bad.missing, bad.binary]) {
      const r = await run(['analyze', file!]);
      expect(r.code).toBe(1);
      expect(lines(r.stderr)).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  it('honours a declared latin-1 charset (no encoding warning) and warns when guessing', async () => {
    const body = '<p>Der Bürgermeister von Köln äußerte sich am Montag.</p>';
    const latin = join(dir, 'latin1.html');
    writeFileSync(latin, Buffer.from(`<html><head><meta charset="iso-8859-1"><title>Grüße</title></head><body>${body}</body></html>`, 'latin1'));
    const undeclared = join(dir, 'undeclared.html');
    writeFileSync(undeclared, Buffer.from(`<html><head><title>Grüße</title></head><body>${body}</body></html>`, 'latin1'));
    const r = await run(['analyze', '--format', 'json', latin, undeclared]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([`kontext: warning: ${undeclared}: not valid UTF-8 and no charset declared; read as windows-1252`]);
    for (const l of lines(r.stdout)) {
      const o = JSON.parse(l) as { article: { text: string; title: string | null } | null };
      expect(checkAnalysisResult(o, ['file'])).toEqual([]);
      if (o.article) expect(o.article.text + (o.article.title ?? '')).not.toMatch(/\uFFFD|Ã/);
    }
  });

  it('malformed and truncated HTML still parse: exit 0 and the documented shape', async () => {
    const seedText = readFileSync(SEED, 'utf8');
    const truncated = join(dir, 'truncated.html');
    writeFileSync(truncated, seedText.slice(0, Math.floor(seedText.length * 0.6)));
    const malformed = join(dir, 'malformed.html');
    writeFileSync(malformed, '<html><body><p>Unclosed <div><<<>>> &bogus; <b><i>crossed</b></i> <p attr="x>y<td></table></html></body><p');
    const r = await run(['analyze', '--format', 'json', truncated, malformed]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as unknown);
    expect(out).toHaveLength(2);
    for (const o of out) expect(checkAnalysisResult(o, ['file'])).toEqual([]);
  });

  it('a page over --max-size is refused before it is read', async () => {
    const r = await run(['analyze', '--max-size', '0.01', SEED]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/file too large/);
  });

  it('--jsonl reads texts from stdin and writes one result per line; bad lines are reported by number', async () => {
    const texts = [
      { id: 'de-1', text: '„Wir sind zu Gesprächen bereit“, sagte der Minister am Montag in Berlin.', lang: 'de' },
      { id: 2, text: '"We will meet again," the president said in Washington on Friday.' },
    ];
    const input = [JSON.stringify(texts[0]), 'this is not json', '', JSON.stringify({ id: 'x' }), JSON.stringify(texts[1])].join('\n');
    const r = await run(['analyze', '--jsonl', '-'], input);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toHaveLength(2);
    expect(r.stderr).toMatch(/^kontext: stdin:2: invalid JSON/m);
    expect(r.stderr).toMatch(/^kontext: stdin:4: "text" must be a string/m);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(['de-1', 2]);
    out.forEach((o, i) => expect(checkTextResult(o, texts[i]!.text)).toEqual([]));
    expect(out[0]?.language).toBe('de');
    expect(out[1]?.language).toBe('en');
  });

  it('--jsonl on a missing file: one line, exit 1', async () => {
    const r = await run(['analyze', '--jsonl', bad.missing!]);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([`kontext: ${bad.missing}: no such file`]);
  });
});
