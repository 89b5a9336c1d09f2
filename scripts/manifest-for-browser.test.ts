import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestForBrowser, type SourceManifest } from './manifest-for-browser.ts';

const source = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as SourceManifest;

describe('manifestForBrowser', () => {
  it('leaves the Chrome manifest as written', () => {
    expect(manifestForBrowser(source, 'chrome')).toEqual(source);
  });

  it('turns the side panel into a Firefox sidebar and the worker into background scripts', () => {
    const ff = manifestForBrowser(source, 'firefox');
    expect(ff.side_panel).toBeUndefined();
    expect(ff['sidebar_action']).toMatchObject({ default_panel: source.side_panel?.default_path });
    expect(ff.background).toEqual({ scripts: [source.background?.service_worker], type: 'module' });
    expect(ff.permissions).not.toContain('sidePanel');
    expect(ff['browser_specific_settings']).toMatchObject({
      gecko: { strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    });
  });

  it('does not modify its input', () => {
    const copy = structuredClone(source);
    manifestForBrowser(source, 'firefox');
    expect(source).toEqual(copy);
  });

  it('asks for no host permissions and no remote code', () => {
    for (const b of ['chrome', 'firefox'] as const) {
      const m = manifestForBrowser(source, b);
      expect(m['host_permissions']).toBeUndefined();
      expect(m.permissions?.every((p) => ['storage', 'sidePanel'].includes(p))).toBe(true);
      expect(JSON.stringify(m)).not.toMatch(/https?:\/\/(?!\*)/);
    }
  });
});
