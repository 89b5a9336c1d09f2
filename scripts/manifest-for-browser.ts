/**
 * One source manifest (manifest.json, written for Chrome MV3), two browsers.
 * Firefox differs in a few keys only: it has no `sidePanel` API (the same
 * page becomes a `sidebar_action`), it runs `background.scripts` instead of a
 * service worker, and AMO needs a gecko id, a minimum version and the data
 * collection declaration. Keeping the differences in this one function means
 * the two builds cannot drift apart by accident.
 */

export type TargetBrowser = 'chrome' | 'firefox';

/** The manifest keys this transform reads or writes; everything else passes through untouched. */
export interface SourceManifest {
  manifest_version: number;
  name: string;
  version: string;
  permissions?: string[];
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  side_panel?: { default_path: string };
  action?: { default_title?: string; default_icon?: Record<string, string> };
  icons?: Record<string, string>;
  [key: string]: unknown;
}

export const GECKO_ID = 'kontext@kontext.example';
export const GECKO_MIN_VERSION = '140.0';
export const GECKO_ANDROID_MIN_VERSION = '142.0';

export function manifestForBrowser(source: SourceManifest, browser: TargetBrowser): SourceManifest {
  const m: SourceManifest = structuredClone(source);
  if (browser === 'chrome') return m;

  const panel = m.side_panel?.default_path;
  delete m.side_panel;
  m.permissions = (m.permissions ?? []).filter((p) => p !== 'sidePanel');
  const worker = m.background?.service_worker;
  if (worker) m.background = { scripts: [worker], type: 'module' };
  if (panel) {
    m['sidebar_action'] = {
      default_panel: panel,
      default_title: m.action?.default_title ?? m.name,
      default_icon: m.action?.default_icon ?? m.icons ?? {},
      open_at_install: false,
    };
  }
  m['browser_specific_settings'] = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      // Kontext analyses pages on the device and sends nothing anywhere.
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android learned data_collection_permissions in 142.
    gecko_android: { strict_min_version: GECKO_ANDROID_MIN_VERSION },
  };
  return m;
}
