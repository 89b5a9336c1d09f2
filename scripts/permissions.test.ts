/**
 * Every permission the extension asks for must be explained to the reader: this test fails
 * when a built manifest (or, without a build, the manifest the build would write) requests
 * a permission, host permission, optional permission or content-script match pattern that
 * is not listed, with a reason, in the table under "## Permissions" in README.md. It also
 * guards against remote code: no script loaded from a URL, no remote source in the CSP.
 *
 * The built manifests are checked when present because they are what ships; the generated
 * ones are always checked so the test also means something on a fresh checkout.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestForBrowser, type SourceManifest, type TargetBrowser } from './manifest-for-browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const BUILDS: Record<TargetBrowser, string> = { chrome: join(ROOT, 'dist'), firefox: join(ROOT, 'dist-firefox') };
const BROWSERS: TargetBrowser[] = ['chrome', 'firefox'];

type Json = Record<string, unknown>;

interface ManifestUnderTest {
  label: string;
  browser: TargetBrowser;
  manifest: Json;
  /** The build folder, when this manifest is a built one (its files can be scanned too). */
  dist: string | null;
}

interface PermissionRow {
  names: string[];
  browsers: Set<TargetBrowser>;
  reason: string;
}

function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function manifestsUnderTest(): ManifestUnderTest[] {
  const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as SourceManifest;
  const out: ManifestUnderTest[] = [];
  for (const browser of BROWSERS) {
    out.push({ label: `generated ${browser} manifest`, browser, manifest: manifestForBrowser(source, browser), dist: null });
    const built = join(BUILDS[browser], 'manifest.json');
    if (existsSync(built)) {
      out.push({ label: `built ${browser} manifest (${built})`, browser, manifest: JSON.parse(readFileSync(built, 'utf8')) as Json, dist: BUILDS[browser] });
    }
  }
  return out;
}

/**
 * Everything in a manifest that grants access: API permissions, host permissions (required
 * and optional), content-script match patterns, and Firefox data collection other than "none".
 */
function requestedPermissions(manifest: Json): string[] {
  const found = new Set<string>();
  for (const key of ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions']) {
    for (const p of strings(manifest[key])) found.add(p);
  }
  const scripts = manifest['content_scripts'];
  if (Array.isArray(scripts)) {
    for (const entry of scripts) if (isJson(entry)) for (const m of strings(entry['matches'])) found.add(m);
  }
  const gecko = isJson(manifest['browser_specific_settings']) ? manifest['browser_specific_settings']['gecko'] : undefined;
  const collection = isJson(gecko) ? gecko['data_collection_permissions'] : undefined;
  if (isJson(collection)) {
    for (const key of ['required', 'optional']) for (const p of strings(collection[key])) if (p !== 'none') found.add(p);
  }
  return [...found].sort();
}

/** The "## Permissions" section of a markdown document (up to the next level-2 heading), or null. */
function permissionsSection(markdown: string): string | null {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => /^##\s+Permissions\s*$/i.test(line));
  if (start < 0) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^##\s/.test(line));
  return (end < 0 ? rest : rest.slice(0, end)).join('\n');
}

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
}

function browsersIn(cell: string): Set<TargetBrowser> {
  const text = cell.toLowerCase();
  if (text === '' || /\b(both|all)\b/.test(text)) return new Set(BROWSERS);
  return new Set(BROWSERS.filter((b) => text.includes(b)));
}

/**
 * Rows of the first table in the section. The permission column is the one headed
 * "permission"; names are its `code` spans. The reason column is headed "why" or "reason";
 * a "browser" column is optional (absent means both browsers).
 */
function parsePermissionTable(section: string): PermissionRow[] {
  const tableLines = section.split('\n').filter((line) => line.trim().startsWith('|'));
  const [header, separator, ...body] = tableLines;
  if (!header || !separator || !/^\|?\s*:?-{3,}/.test(separator.trim())) return [];
  const heads = cells(header).map((h) => h.toLowerCase());
  const nameCol = heads.findIndex((h) => h.includes('permission'));
  const reasonCol = heads.findIndex((h) => h.includes('why') || h.includes('reason'));
  const browserCol = heads.findIndex((h) => h.includes('browser'));
  if (nameCol < 0 || reasonCol < 0) return [];
  return body.map((line) => {
    const row = cells(line);
    const names = [...(row[nameCol] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '').filter(Boolean);
    return { names, browsers: browsersIn(browserCol < 0 ? '' : (row[browserCol] ?? '')), reason: row[reasonCol] ?? '' };
  });
}

const README_HINT = 'README.md needs a "## Permissions" section with a table | permission | browser | why | (text to paste: docs/permissions-section.md)';

/** KONTEXT_README points the check at another file (to try a new section before pasting it). */
const README = process.env['KONTEXT_README'] ?? join(ROOT, 'README.md');

function readmeRows(): PermissionRow[] {
  const section = permissionsSection(readFileSync(README, 'utf8'));
  if (section === null) throw new Error(README_HINT);
  const rows = parsePermissionTable(section);
  if (rows.length === 0) throw new Error(`the "## Permissions" section of README.md has no permission table. ${README_HINT}`);
  return rows;
}

/** Keys whose values are match patterns or permission names, not resources to load. */
const PATTERN_KEYS = new Set(['matches', 'exclude_matches', 'include_globs', 'exclude_globs', 'permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions', 'homepage_url']);

/** Every string in the manifest that points at another origin, outside match-pattern keys. */
function remoteReferences(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return !PATTERN_KEYS.has(key) && /^(https?:|wss?:|ftp:)?\/\//i.test(value.trim()) ? [`${key}: ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((item) => remoteReferences(item, key));
  if (isJson(value)) return Object.entries(value).flatMap(([k, v]) => remoteReferences(v, k));
  return [];
}

/** CSP source expressions that allow anything beyond the extension itself. */
function remoteCspSources(policy: string): string[] {
  const allowed = /^'(self|none|wasm-unsafe-eval|strict-dynamic|report-sample|(nonce|sha256|sha384|sha512)-[^']+)'$/i;
  const bad: string[] = [];
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (!name) continue;
    for (const source of sources) if (!allowed.test(source)) bad.push(`${name} ${source}`);
  }
  return bad;
}

function cspPolicies(manifest: Json): string[] {
  const csp = manifest['content_security_policy'];
  if (typeof csp === 'string') return [csp];
  if (isJson(csp)) return Object.values(csp).filter((v): v is string => typeof v === 'string');
  return [];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Places in built HTML/JS that would load code from another origin. */
function remoteCodeLoads(text: string): string[] {
  const patterns = [
    /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
    /\bimport\s*\(\s*["'`](?:https?:)?\/\/[^"'`]+/g,
    /\bimport\s+[^;'"`]*?from\s*["'`](?:https?:)?\/\/[^"'`]+/g,
    /\bimportScripts\s*\(\s*["'`](?:https?:)?\/\/[^"'`]+/g,
    /\bnew\s+(?:Shared)?Worker\s*\(\s*["'`](?:https?:)?\/\/[^"'`]+/g,
  ];
  return patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[0]));
}

describe('the permission table parser', () => {
  const doc = [
    '# X', '', '## Permissions', '', '| permission | browser | why |', '| --- | --- | --- |',
    '| `storage` | both | settings |', '| content script on `http://*/*`, `https://*/*` | Chrome, Firefox | pages |',
    '| `sidePanel` | Chrome | panel |', '| `tabs` | Chrome |  |', '', '## Next', '| `cookies` | both | not here |',
  ].join('\n');

  it('reads the names, browsers and reasons of the section only', () => {
    const rows = parsePermissionTable(permissionsSection(doc) ?? '');
    expect(rows.map((r) => r.names)).toEqual([['storage'], ['http://*/*', 'https://*/*'], ['sidePanel'], ['tabs']]);
    expect([...(rows[2]?.browsers ?? [])]).toEqual(['chrome']);
    expect(rows[0]?.browsers.size).toBe(2);
    expect(rows[3]?.reason).toBe('');
  });

  it('finds no section where there is none', () => {
    expect(permissionsSection('# X\n## Install\ntext')).toBeNull();
  });
});

describe('the remote code detectors', () => {
  it('flag remote sources and accept the extension-only ones', () => {
    expect(remoteCspSources("script-src 'self' 'wasm-unsafe-eval'; object-src 'self'")).toEqual([]);
    expect(remoteCspSources("script-src 'self' https://cdn.example.com; connect-src *")).toEqual(['script-src https://cdn.example.com', 'connect-src *']);
    expect(remoteReferences({ background: { service_worker: 'https://x.example/sw.js' }, content_scripts: [{ matches: ['https://*/*'] }] })).toEqual([
      'service_worker: https://x.example/sw.js',
    ]);
    expect(remoteCodeLoads('<script type="module" src="/assets/a.js"></script> import("./b.js")')).toEqual([]);
    expect(remoteCodeLoads('<script src="https://cdn.example.com/x.js"></script>;import(`//evil.example/m.js`)')).toHaveLength(2);
  });

  it('count content-script matches and optional host permissions as permissions', () => {
    expect(requestedPermissions({ permissions: ['storage'], optional_host_permissions: ['https://api.example/*'], content_scripts: [{ matches: ['https://*/*'] }] })).toEqual([
      'https://*/*', 'https://api.example/*', 'storage',
    ]);
  });
});

describe.each(manifestsUnderTest())('$label', ({ browser, manifest, dist }) => {
  it('asks only for permissions that README.md lists with a reason for this browser', () => {
    const rows = readmeRows();
    const problems: string[] = [];
    for (const permission of requestedPermissions(manifest)) {
      const row = rows.find((r) => r.names.includes(permission));
      if (!row) problems.push(`${permission}: not in the README table`);
      else if (row.reason.replace(/[-–—\s]/g, '') === '') problems.push(`${permission}: no reason given`);
      else if (!row.browsers.has(browser)) problems.push(`${permission}: the README does not list it for ${browser}`);
    }
    expect(problems).toEqual([]);
  });

  it('exposes files to pages only through the per-session dynamic id, and only what README.md lists', () => {
    const entries = Array.isArray(manifest['web_accessible_resources']) ? manifest['web_accessible_resources'] : [];
    const readme = readFileSync(README, 'utf8');
    const problems: string[] = [];
    for (const entry of entries) {
      if (!isJson(entry)) continue;
      for (const resource of strings(entry['resources'])) {
        if (entry['use_dynamic_url'] !== true) problems.push(`${resource}: reachable under the extension id (use_dynamic_url is not true)`);
        if (!readme.includes(`\`${resource}\``)) problems.push(`${resource}: README.md does not name it`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('loads no code from the network', () => {
    expect(remoteReferences(manifest)).toEqual([]);
    for (const policy of cspPolicies(manifest)) expect(remoteCspSources(policy)).toEqual([]);
    if (dist === null) return;
    const loads = filesUnder(dist)
      .filter((file) => /\.(m?js|html)$/.test(file))
      .flatMap((file) => remoteCodeLoads(readFileSync(file, 'utf8')).map((hit) => `${file}: ${hit}`));
    expect(loads).toEqual([]);
  });
});

describe('the README permission table', () => {
  it('lists nothing that no manifest asks for (so it stays true)', () => {
    const requested = new Set(manifestsUnderTest().flatMap(({ manifest }) => requestedPermissions(manifest)));
    const stale = readmeRows().flatMap((row) => row.names.filter((name) => !requested.has(name)));
    expect(stale).toEqual([]);
  });
});
