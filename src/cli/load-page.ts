/**
 * One entry point from a path to a parsed Document: bytes (with gzip and
 * binary checks), then charset decoding (src/node, browser order: BOM,
 * <meta>, UTF-8, windows-1252), then HTML parsing. Kept apart from the
 * analysis so the bad-input rules can be tested on their own.
 */
import { isUtf8 } from 'node:buffer';
import { decodeHtml, metaCharset } from '../node/parse-html.ts';
import { readPageBytes, DEFAULT_MAX_BYTES } from './page-bytes.ts';
import { parseHtmlText } from './parse-page.ts';

export interface LoadedPage {
  document: Document;
  /** A non-fatal note for stderr (e.g. guessed encoding), or null. */
  warning: string | null;
}

function hasBom(b: Uint8Array): boolean {
  return (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

/** What the reader should know about how the bytes were decoded, or null. */
export function encodingWarning(bytes: Uint8Array): string | null {
  if (hasBom(bytes)) return null;
  const declared = metaCharset(bytes);
  if (declared) {
    try {
      new TextDecoder(declared);
      return null;
    } catch {
      return `unknown declared charset "${declared.slice(0, 40)}"; read as ${isUtf8(bytes) ? 'UTF-8' : 'windows-1252'}`;
    }
  }
  return isUtf8(bytes) ? null : 'not valid UTF-8 and no charset declared; read as windows-1252';
}

export async function loadPage(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<LoadedPage> {
  const label = path === '-' ? 'stdin' : path;
  const bytes = new Uint8Array(await readPageBytes(path, maxBytes));
  const warning = encodingWarning(bytes);
  const document = parseHtmlText(decodeHtml(bytes), label);
  return { document, warning: warning ? `${label}: ${warning}` : null };
}
