/**
 * UI text lookup: every user-visible string comes from _locales (de, en),
 * keyed by the names in public/_locales/en/messages.json, so a typo in a
 * key is a type error. The browser picks the language (its UI language).
 */
import type enMessages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof enMessages;
export type Translate = (key: MessageKey, substitutions?: string | string[]) => string;

/** Wrap a getMessage implementation (browser.i18n.getMessage, or a table in tests). */
export function makeTranslate(getMessage: (key: string, subs?: string | string[]) => string): Translate {
  return (key, subs) => getMessage(key, subs) || key;
}

interface MessageEntry { message: string; placeholders?: Record<string, { content: string }> }

/**
 * getMessage over a messages.json table, with the browsers' placeholder
 * rules ($NAME$ → placeholder content → $1…). Used by tests and by the
 * locale consistency check; extension pages use browser.i18n.
 */
export function tableGetMessage(table: Record<string, MessageEntry>): (key: string, subs?: string | string[]) => string {
  return (key, subs) => {
    const entry = table[key];
    if (!entry) return '';
    const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    const fill = (s: string): string => s.replace(/\$(\d)/g, (_, d: string) => args[Number(d) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
      const ph = entry.placeholders?.[name.toLowerCase()];
      return ph ? fill(ph.content) : whole;
    });
  };
}
