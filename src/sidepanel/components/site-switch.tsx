/** Per-site switch: default, always on this site, never on this site. */
import type { Settings } from '../../shared/settings.ts';
import { hostMatches, normalizeHost } from '../../shared/settings.ts';
import { t } from '../../shared/ui-i18n.ts';

type Choice = 'default' | 'always' | 'never';

function choiceOf(s: Settings, host: string): Choice {
  if (s.siteNever.some((d) => hostMatches(host, d))) return 'never';
  if (s.siteAlways.some((d) => hostMatches(host, d))) return 'always';
  return 'default';
}

export function applySiteChoice(s: Settings, host: string, choice: Choice): Settings {
  const site = normalizeHost(host);
  if (!site) return s;
  const drop = (list: string[]): string[] => list.filter((d) => !hostMatches(site, d));
  const siteNever = drop(s.siteNever);
  const siteAlways = drop(s.siteAlways);
  if (choice === 'never') siteNever.push(site);
  if (choice === 'always') siteAlways.push(site);
  return { ...s, siteNever, siteAlways };
}

export function SiteSwitch({ host, settings, update }: { host: string; settings: Settings; update: (c: (s: Settings) => Settings) => void }) {
  const current = choiceOf(settings, host);
  const options: [Choice, string][] = [['default', t('panelSiteDefault')], ['always', t('panelSiteAlways')], ['never', t('panelSiteNever')]];
  return (
    <fieldset class="site-switch">
      <legend>{t('panelSite')} <span class="muted">({host})</span></legend>
      {options.map(([value, label]) => (
        <label key={value} class="radio">
          <input type="radio" name="kontext-site" value={value} checked={current === value} onChange={() => update((s) => applySiteChoice(s, host, value))} />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
