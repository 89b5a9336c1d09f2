/**
 * The page's Kontext state as a DOM attribute on <html>
 * (`data-kontext-state`), for browser tests and nothing else: no global,
 * nothing a page script could call. Values: analysing, ready, no-article,
 * error, never, paused.
 */
import type { PageStatus } from '../shared/views.ts';

export const STATE_ATTRIBUTE = 'data-kontext-state';

export function setPageState(doc: Document, status: PageStatus): void {
  doc.documentElement.setAttribute(STATE_ATTRIBUTE, status);
}

export function clearPageState(doc: Document): void {
  doc.documentElement.removeAttribute(STATE_ATTRIBUTE);
}
