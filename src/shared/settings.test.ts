import { describe, expect, it } from 'vitest';
import { defaultSettings, migrateSettings, normalizeHost, parseSettings, siteDecision, SETTINGS_VERSION } from './settings.ts';

describe('parseSettings', () => {
  it('gives the defaults for nothing stored and for a value that is not an object', () => {
    expect(parseSettings(undefined)).toEqual(defaultSettings());
    expect(parseSettings('garbage')).toEqual(defaultSettings());
    expect(parseSettings([1, 2])).toEqual(defaultSettings());
  });

  it('keeps valid fields when another one is corrupt', () => {
    const stored = {
      version: 2, highlightsOn: false, kinds: { quote: false, per: 'yes', loc: true }, style: 'neon',
      siteNever: ['zeit.de', 42, 'not a host!'], backgroundLanguage: 'de', onlineLookup: 1,
    };
    const s = parseSettings(stored);
    expect(s.highlightsOn).toBe(false);
    expect(s.kinds.quote).toBe(false);
    expect(s.kinds.per).toBe(defaultSettings().kinds.per);
    expect(s.kinds.loc).toBe(true);
    expect(s.kinds.org).toBe(defaultSettings().kinds.org);
    expect(s.style).toBe('full');
    expect(s.siteNever).toEqual(['zeit.de']);
    expect(s.backgroundLanguage).toBe('de');
    expect(s.onlineLookup).toBe(false);
    expect(s.version).toBe(SETTINGS_VERSION);
  });

  it('ignores unknown extra fields', () => {
    const s = parseSettings({ version: 2, highlightsOn: false, somethingNew: { x: 1 } });
    expect(s).toEqual({ ...defaultSettings(), highlightsOn: false });
  });
});

describe('migrations', () => {
  it('moves version 1 fields to their version 2 names', () => {
    const v1 = { version: 1, enabled: false, kinds: { misc: true }, disabledSites: ['https://www.spiegel.de/politik'], lang: 'en' };
    const s = parseSettings(v1);
    expect(s.highlightsOn).toBe(false);
    expect(s.kinds.misc).toBe(true);
    expect(s.siteNever).toEqual(['spiegel.de']);
    expect(s.backgroundLanguage).toBe('en');
  });

  it('treats a record without a version as version 1', () => {
    expect(migrateSettings({ enabled: true })['highlightsOn']).toBe(true);
  });

  it('a corrupt v1 field does not cost the others', () => {
    const s = parseSettings({ version: 1, enabled: 'maybe', disabledSites: ['taz.de'], lang: 42 });
    expect(s.highlightsOn).toBe(true);
    expect(s.siteNever).toEqual(['taz.de']);
    expect(s.backgroundLanguage).toBe('auto');
  });
});

describe('site rules', () => {
  it('normalises what readers paste', () => {
    expect(normalizeHost('https://www.Example.com:8080/path?q')).toBe('example.com');
    expect(normalizeHost('  news.example.org ')).toBe('news.example.org');
    expect(normalizeHost('not a host')).toBeNull();
    expect(normalizeHost('')).toBeNull();
  });

  it('never beats always, subdomains follow their domain, autoRun decides the rest', () => {
    const s = { ...defaultSettings(), siteNever: ['example.com'], siteAlways: ['example.com', 'news.org'], autoRun: false };
    expect(siteDecision(s, 'www.example.com')).toBe('never');
    expect(siteDecision(s, 'live.news.org')).toBe('run');
    expect(siteDecision(s, 'othernews.org')).toBe('paused');
    expect(siteDecision({ ...s, autoRun: true }, 'othernews.org')).toBe('run');
  });
});
