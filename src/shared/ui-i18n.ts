/**
 * The translate function for extension pages (side panel, options) and the
 * content script: browser.i18n picks the browser's UI language.
 */
import { browser } from './browser.ts';
import { makeTranslate, type Translate } from './i18n.ts';

export const t: Translate = makeTranslate((key, subs) => browser.i18n.getMessage(key, subs));

/** A date for display in the UI language ("28. Februar 2019"); the raw string if it does not parse. */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { dateStyle: 'long' }).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}
