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
    // The pipeline is wired end to end: an article with attributed quotes and named entities.
    const r2 = result as { article: { title: string | null } | null; quotes: Array<{ speaker: unknown }>; entities: unknown[] };
    expect(r2.article?.title).toBeTruthy();
    expect(r2.quotes.some((q) => q.speaker !== null)).toBe(true);
    expect(r2.entities.length).toBeGreaterThan(0);
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

  it('the default summary lists metadata, quotes by speaker and entities by kind, or says there is no article', async () => {
    const r = await run(['analyze', SEED, NON_ARTICLE]);
    expect(r.code).toBe(0);
    const [seed, none] = r.stdout.split(/^== /m).slice(1);
    expect(seed).toMatch(/^Title: +\S/m);
    expect(seed).toMatch(/^Quotes \(\d+\)\n {2}\S.* \(\d+\)\n {4}“/m);
    expect(seed).toMatch(/^ {2}People: +\S/m);
    expect(none).toMatch(/No article found/);
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
    const paras = [
      'Der Bürgermeister von Köln, Jürgen Schäfer, äußerte sich am Montag zu den Plänen für die neue Brücke über den Rhein.',
      '„Wir müssen die Kosten genau prüfen“, sagte Schäfer vor Journalisten im Rathaus. Die Opposition übte scharfe Kritik.',
      'Nach Angaben der Stadtverwaltung sollen die Bauarbeiten im Frühjahr beginnen und etwa drei Jahre dauern.',
      'Anwohner befürchten über Jahre hinweg Lärm und Staus. Eine Bürgerinitiative kündigte für Samstag eine Kundgebung an.',
    ];
    const html = `<!DOCTYPE html><html lang="de"><head><meta charset="iso-8859-1"><meta property="og:type" content="article"><title>Brücke für Köln</title></head><body><main><article><h1>Streit um die Brücke in Köln</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article></main></body></html>`;
    const latin = join(dir, 'latin1.html');
    writeFileSync(latin, Buffer.from(html, 'latin1'));
    const undeclared = join(dir, 'undeclared.html');
    writeFileSync(undeclared, Buffer.from(html.replace('<meta charset="iso-8859-1">', ''), 'latin1'));
    const r = await run(['analyze', '--format', 'json', latin, undeclared]);
    expect(r.code).toBe(0);
    expect(lines(r.stderr)).toEqual([`kontext: warning: ${undeclared}: not valid UTF-8 and no charset declared; read as windows-1252`]);
    const out = lines(r.stdout).map((l) => JSON.parse(l) as { article: { text: string } | null });
    expect(out).toHaveLength(2);
    for (const o of out) {
      expect(checkAnalysisResult(o, ['file'])).toEqual([]);
      expect(o.article?.text).toContain('Der Bürgermeister von Köln, Jürgen Schäfer, äußerte');
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
    const r = await run(['analyze', '--max-size', '0.001', SEED]);
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
