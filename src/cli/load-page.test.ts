/**
 * The bad-input rules of page loading, in process: what is refused (and
 * with which message) and how bytes are decoded before parsing.
 */
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPage, encodingWarning } from './load-page.ts';
import { binaryReason } from './page-bytes.ts';
import { notHtmlReason } from './parse-page.ts';
import { CliError } from './errors.ts';

const dir = mkdtempSync(join(tmpdir(), 'kontext-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(data: string | Buffer): string {
  const p = join(dir, `f${n++}.html`);
  writeFileSync(p, data);
  return p;
}

async function refusal(p: string, maxBytes?: number): Promise<string> {
  try {
    await loadPage(p, maxBytes);
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    const msg = (err as Error).message;
    expect(msg).not.toMatch(/\n/);
    return msg;
  }
  throw new Error(`expected ${p} to be refused`);
}

const page = (title: string, body: string, head = ''): string => `<!DOCTYPE html><html><head>${head}<title>${title}</title></head><body>${body}</body></html>`;

describe('loadPage decoding', () => {
  it('honours <meta charset> and http-equiv declarations', async () => {
    const a = await loadPage(file(Buffer.from(page('Grüße aus Köln', '<p>Ärger</p>', '<meta charset="iso-8859-1">'), 'latin1')));
    expect(a.document.title).toBe('Grüße aus Köln');
    expect(a.warning).toBeNull();
    const b = await loadPage(file(Buffer.from(page('Straße', '<p>x</p>', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'), 'latin1')));
    expect(b.document.title).toBe('Straße');
  });

  it('decodes a UTF-16 page with a byte-order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page('Pjöngjang', '<p>Text</p>'), 'utf16le')]);
    expect((await loadPage(file(bytes))).document.title).toBe('Pjöngjang');
  });

  it('falls back to windows-1252 for undeclared non-UTF-8 bytes, with a warning', async () => {
    const r = await loadPage(file(Buffer.from(page('Müller', '<p>x</p>'), 'latin1')));
    expect(r.document.title).toBe('Müller');
    expect(r.warning).toMatch(/not valid UTF-8/);
    expect(encodingWarning(Buffer.from(page('Müller', ''), 'utf8'))).toBeNull();
  });

  it('reads gzip by its magic number, whatever the file name', async () => {
    const r = await loadPage(file(gzipSync(Buffer.from(page('Gzipped', '<p>body</p>')))));
    expect(r.document.title).toBe('Gzipped');
  });

  it('wraps a fragment without <html> so its content lands in <body>', async () => {
    const r = await loadPage(file('<h1>Head</h1><p>First paragraph.</p>'));
    expect(r.document.body.textContent).toContain('First paragraph.');
  });
});

describe('loadPage refusals', () => {
  it('refuses empty, binary, truncated gzip, JSON, plain text, missing and oversized input with one-line reasons', async () => {
    expect(await refusal(file(''))).toMatch(/empty file/);
    expect(await refusal(file(gzipSync(Buffer.alloc(0))))).toMatch(/empty after decompression/);
    expect(await refusal(file(' \n '))).toMatch(/empty \(only whitespace\)/);
    const gz = gzipSync(Buffer.from(page('T', '<p>x</p>'.repeat(200))));
    expect(await refusal(file(gz.subarray(0, gz.length - 12)))).toMatch(/truncated gzip/);
    expect(await refusal(file(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31])))).toMatch(/PDF/);
    expect(await refusal(file('[1, 2, 3]'))).toMatch(/JSON/);
    expect(await refusal(file('no markup here'))).toMatch(/no HTML markup/);
    expect(await refusal(join(dir, 'nope.html'))).toMatch(/no such file/);
    expect(await refusal(dir)).toMatch(/is a directory/);
    expect(await refusal(file(page('Big', '<p>word </p>'.repeat(2000))), 10_000)).toMatch(/file too large/);
    expect(await refusal(file(gzipSync(Buffer.from(page('Bomb', ' '.repeat(200_000))))), 10_000)).toMatch(/too large once decompressed/);
  });

  it('binaryReason accepts text with tabs and form feeds but not NUL or dense control bytes', () => {
    expect(binaryReason(Buffer.from('<p>a\tb\fc\r\n</p>'))).toBeNull();
    expect(binaryReason(Buffer.from('<p>a\u0000b</p>'))).toMatch(/NUL/);
    expect(binaryReason(Buffer.from('\u0001\u0002\u0003<p>abc</p>'))).toMatch(/control bytes/);
    expect(binaryReason(Buffer.from('<html><body><p>Hallo</p></body></html>', 'utf16le'))).toMatch(/UTF-16 text without a byte-order mark/);
  });

  it('notHtmlReason accepts a minimal fragment', () => {
    expect(notHtmlReason('<p>hello</p>')).toBeNull();
    expect(notHtmlReason('a < b and c > d')).not.toBeNull();
  });
});
