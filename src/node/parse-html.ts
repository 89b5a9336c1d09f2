/**
 * Node-side page loading: bytes (optionally gzip) → decoded HTML → linkedom
 * Document, so the same DOM extractor that runs in the content script runs
 * in the CLI and the evaluations. Charset handling follows the order a
 * browser uses (BOM, transport header, <meta> prescan) and falls back to
 * windows-1252 when bytes that claim nothing are not valid UTF-8.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { DOMParser } from 'linkedom';

export interface ParseOptions {
  /** HTTP Content-Type header value, e.g. "text/html; charset=iso-8859-1". */
  contentType?: string;
}

const PRESCAN_BYTES = 4096;

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Charset label from a Content-Type-like string ("text/html; charset=utf-8"). */
export function charsetFromContentType(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(value);
  return m?.[1]?.toLowerCase() ?? null;
}

function bomCharset(bytes: Uint8Array): { charset: string; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', skip: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', skip: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', skip: 2 };
  return null;
}

/** The charset a <meta charset> or <meta http-equiv="Content-Type"> near the top declares. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1] && !/http-equiv/i.test(tag)) return direct[1].toLowerCase();
    if (/http-equiv\s*=\s*["']?content-type/i.test(tag)) {
      const content = /\bcontent\s*=\s*["']([^"']*)["']/i.exec(tag);
      const cs = charsetFromContentType(content?.[1]);
      if (cs) return cs;
    }
  }
  return null;
}

/** windows-1252 bytes 0x80–0x9F (Node 20's TextDecoder maps these as ISO-8859-1 control characters). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Decode windows-1252 (also what the labels latin1 / iso-8859-1 / ascii mean in HTML). */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin = Buffer.from(bytes).toString('latin1');
  return latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

interface Decoder {
  encoding: string;
  decode(bytes: Uint8Array): string;
}

function decoderFor(label: string): Decoder | null {
  // A page that declares UTF-16 in a <meta> but has no BOM is really ASCII-compatible (HTML spec).
  const fixed = /^utf-16/.test(label) ? 'utf-8' : label;
  try {
    const d = new TextDecoder(fixed);
    if (d.encoding === 'windows-1252') return { encoding: d.encoding, decode: decodeWindows1252 };
    return d;
  } catch {
    return null;
  }
}

function hasNonAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/** Decode HTML bytes to a string, honouring BOM, transport charset and <meta> declarations. */
export function decodeHtml(input: Uint8Array, opts: ParseOptions = {}): string {
  const bytes = isGzip(input) ? new Uint8Array(gunzipSync(input)) : input;
  const bom = bomCharset(bytes);
  if (bom) return new TextDecoder(bom.charset).decode(bytes.subarray(bom.skip));
  const transport = charsetFromContentType(opts.contentType);
  const declared = transport ?? metaCharset(bytes);
  const declaredDecoder = declared ? decoderFor(declared) : null;
  if (declaredDecoder && declaredDecoder.encoding !== 'utf-8') {
    // A saved or re-encoded page keeps its old <meta charset>; bytes with multi-byte sequences that are all
    // valid UTF-8 are practically never legacy-encoded text, so they outrank a <meta> (not a transport header).
    if (transport || !hasNonAscii(bytes)) return declaredDecoder.decode(bytes);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return declaredDecoder.decode(bytes);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Invalid UTF-8: old Western pages that declare nothing (or wrongly declare UTF-8) are windows-1252.
    return decodeWindows1252(bytes);
  }
}

/** Parse HTML bytes (plain or gzip) into a DOM Document. */
export function parseHtml(bytes: Uint8Array, opts: ParseOptions = {}): Document {
  return parseHtmlString(decodeHtml(bytes, opts));
}

export function parseHtmlString(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Read and parse an HTML file (".html" or ".html.gz"). */
export async function parseHtmlFile(path: string, opts: ParseOptions = {}): Promise<Document> {
  return parseHtml(new Uint8Array(await readFile(path)), opts);
}
