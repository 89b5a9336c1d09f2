/**
 * The reader's settings: schema, defaults, migrations and validation.
 *
 * Stored under one key in storage.local with a `version`. Reading never
 * fails: older versions are migrated step by step, and every field is
 * validated on its own, so one corrupt or unknown value falls back to its
 * default without losing the others.
 */
import { HIGHLIGHT_KINDS, type HighlightKind } from './kinds.ts';
import { isBoolean, isRecord, isString, type UnknownRecord } from './guards.ts';

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 2;

export type HighlightStyle = 'full' | 'subtle';
export type BackgroundLanguage = 'auto' | 'de' | 'en';

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Master switch for painting (the toggle shortcut flips it). */
  highlightsOn: boolean;
  /** Per-kind switches, applied under the master switch. */
  kinds: Record<HighlightKind, boolean>;
  /** "full": quote tint + underlines; "subtle": thinner marks, no tint. */
  style: HighlightStyle;
  /** Analyse every page automatically; when off, only sites on the always list. */
  autoRun: boolean;
  /** Host names (and their subdomains) where Kontext never runs. */
  siteNever: string[];
  /** Host names (and their subdomains) where Kontext always runs, even with autoRun off. */
  siteAlways: string[];
  /** Language of background texts in popups and the side panel; auto follows the browser. */
  backgroundLanguage: BackgroundLanguage;
  /** Online lookups (off by default; nothing uses the network yet). */
  onlineLookup: boolean;
}

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    highlightsOn: true,
    kinds: { quote: true, per: true, loc: true, org: true, misc: false },
    style: 'full',
    autoRun: true,
    siteNever: [],
    siteAlways: [],
    backgroundLanguage: 'auto',
    onlineLookup: false,
  };
}

/**
 * Migrations from version N to N+1 work on raw records: a migration must not
 * assume the old data is valid, only move what it recognises.
 * v1 (first preview): { version: 1, enabled, kinds, disabledSites, lang }.
 */
const MIGRATIONS: Record<number, (old: UnknownRecord) => UnknownRecord> = {
  1: (old) => {
    const { enabled, disabledSites, lang, ...rest } = old;
    return { ...rest, version: 2, highlightsOn: enabled, siteNever: disabledSites, backgroundLanguage: lang };
  },
};

/** Bring a stored record up to the current version. Unknown or future versions are read as they are. */
export function migrateSettings(raw: UnknownRecord): UnknownRecord {
  let rec = raw;
  let version = typeof rec['version'] === 'number' ? rec['version'] : 1;
  while (version < SETTINGS_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) break;
    rec = step(rec);
    version += 1;
  }
  return rec;
}

function pick<T>(v: unknown, ok: (x: unknown) => x is T, fallback: T): T {
  return ok(v) ? v : fallback;
}

const isStyle = (v: unknown): v is HighlightStyle => v === 'full' || v === 'subtle';
const isBgLang = (v: unknown): v is BackgroundLanguage => v === 'auto' || v === 'de' || v === 'en';

/** Clean a list of site entries; entries that are not host names are dropped, not the whole list. */
function siteList(v: unknown, fallback: string[]): string[] {
  if (!Array.isArray(v)) return fallback;
  const out: string[] = [];
  for (const item of v) {
    if (!isString(item)) continue;
    const host = normalizeHost(item);
    if (host && !out.includes(host)) out.push(host);
  }
  return out;
}

/** "https://www.Example.com/x" or "example.com" → "example.com"; null when it is not a host name. */
export function normalizeHost(input: string): string | null {
  let s = input.trim().toLowerCase();
  if (!s) return null;
  s = s.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/^www\./, '');
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(s)) return null;
  return s;
}

/** Read whatever storage holds into valid settings: migrate, then validate field by field. */
export function parseSettings(stored: unknown): Settings {
  const d = defaultSettings();
  if (!isRecord(stored)) return d;
  const r = migrateSettings(stored);
  const kindsRaw = isRecord(r['kinds']) ? r['kinds'] : {};
  const kinds = { ...d.kinds };
  for (const k of HIGHLIGHT_KINDS) kinds[k] = pick(kindsRaw[k], isBoolean, d.kinds[k]);
  return {
    version: SETTINGS_VERSION,
    highlightsOn: pick(r['highlightsOn'], isBoolean, d.highlightsOn),
    kinds,
    style: pick(r['style'], isStyle, d.style),
    autoRun: pick(r['autoRun'], isBoolean, d.autoRun),
    siteNever: siteList(r['siteNever'], d.siteNever),
    siteAlways: siteList(r['siteAlways'], d.siteAlways),
    backgroundLanguage: pick(r['backgroundLanguage'], isBgLang, d.backgroundLanguage),
    onlineLookup: pick(r['onlineLookup'], isBoolean, d.onlineLookup),
  };
}

/** Is `host` the listed domain or one of its subdomains? */
export function hostMatches(host: string, listed: string): boolean {
  const h = host.toLowerCase().replace(/^www\./, '');
  return h === listed || h.endsWith('.' + listed);
}

export type SiteDecision = 'run' | 'never' | 'paused';

/** Whether Kontext should analyse a page on this host. "never" wins over "always". */
export function siteDecision(s: Settings, host: string): SiteDecision {
  if (s.siteNever.some((d) => hostMatches(host, d))) return 'never';
  if (s.siteAlways.some((d) => hostMatches(host, d))) return 'run';
  return s.autoRun ? 'run' : 'paused';
}
