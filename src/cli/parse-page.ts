/**
 * Decoded page text to a DOM Document (src/node's linkedom parser, the
 * same one the evaluations use), after checking it is HTML at all.
 * linkedom builds odd trees from fragments that lack an <html> element
 * (the first tag becomes the root and <body> stays empty), so such
 * fragments are wrapped in a document shell first.
 */
import { parseHtmlString } from '../node/parse-html.ts';
import { CliError } from './errors.ts';

const HTML_TAG = /<(?:!doctype\s+html|html|head|body|title|meta|article|main|section|div|p|h[1-6]|span|a|br|table|ul|ol|li|header|footer|nav|script|style|link|em|strong|b|i)[\s>/]/i;

/** Why this text is not an HTML page, or null if it looks like one. */
export function notHtmlReason(text: string): string | null {
  const head = text.slice(0, 256 * 1024);
  if (head.trim() === '') return 'empty (only whitespace)';
  if (!HTML_TAG.test(head)) {
    const t = head.trimStart();
    if (t.startsWith('{') || t.startsWith('[')) return 'looks like JSON, not an HTML page';
    return 'no HTML markup found, not an HTML page';
  }
  return null;
}

function withDocumentShell(text: string): string {
  const head = text.slice(0, 64 * 1024);
  if (/<html[\s>]/i.test(head)) return text;
  const rest = text.replace(/^\s*<!doctype[^>]*>/i, '');
  if (/<(?:head|body)[\s>]/i.test(head)) return `<!DOCTYPE html><html>${rest}</html>`;
  return `<!DOCTYPE html><html><head></head><body>${rest}</body></html>`;
}

export function parseHtmlText(text: string, label: string): Document {
  const why = notHtmlReason(text);
  if (why) throw new CliError(`${label}: ${why}`);
  const source = withDocumentShell(text);
  try {
    return parseHtmlString(source);
  } catch (err) {
    throw new CliError(`${label}: could not parse HTML (${err instanceof Error ? err.message : String(err)})`);
  }
}
