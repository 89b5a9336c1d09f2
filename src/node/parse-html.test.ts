/** Charset handling and gzip in the Node page loader. */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeHtml, parseHtml } from './parse-html.ts';

const latin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

describe('decodeHtml', () => {
  it('honours a <meta charset> that is not UTF-8', () => {
    expect(decodeHtml(latin1('<meta charset="iso-8859-1"><p>Gr\u00fc\u00dfe</p>'))).toContain('Grüße');
  });
  it('honours <meta http-equiv="Content-Type">', () => {
    const html = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>\u0080 5</p>';
    expect(decodeHtml(latin1(html))).toContain('€ 5');
  });
  it('lets the transport Content-Type win over the page', () => {
    expect(decodeHtml(latin1('<meta charset="utf-8"><p>K\u00f6ln</p>'), { contentType: 'text/html; charset=ISO-8859-1' })).toContain('Köln');
  });
  it('falls back to windows-1252 when undeclared bytes are not UTF-8', () => {
    expect(decodeHtml(latin1('<p>\u201eZitat\u201c M\u00fcller</p>'.replace(/\u201e/g, '\u0084').replace(/\u201c/g, '\u0093')))).toContain('„Zitat“ Müller');
  });
  it('reads valid UTF-8 as UTF-8 even when a stale <meta> declares a legacy charset', () => {
    expect(decodeHtml(utf8('<meta charset="gb2312"><p>人工智能公司</p>'))).toContain('人工智能公司');
    expect(decodeHtml(utf8('<meta charset="iso-8859-1"><p>Grüße</p>'))).toContain('Grüße');
    // The transport header still wins.
    expect(decodeHtml(utf8('<p>Grüße</p>'), { contentType: 'text/html; charset=iso-8859-1' })).toContain('GrÃ¼ÃŸe');
  });
  it('reads UTF-8 with a BOM and undeclared UTF-8', () => {
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<p>Pjöngjang</p>')]))).toBe('<p>Pjöngjang</p>');
    expect(decodeHtml(utf8('<p>Moon Jae-in – 문재인</p>'))).toContain('문재인');
  });
  it('unpacks gzip and parses to a Document', () => {
    const doc = parseHtml(new Uint8Array(gzipSync(utf8('<html lang="de"><body><p>Hallo</p></body></html>'))));
    expect(doc.querySelector('p')?.textContent).toBe('Hallo');
    expect(doc.documentElement.getAttribute('lang')).toBe('de');
  });
});
