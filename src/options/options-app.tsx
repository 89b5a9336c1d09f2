/**
 * The options page: what to highlight and how, per-site lists, the language
 * of background texts, and the (off by default) online lookup switch.
 * Every change is saved at once; the content scripts and the side panel
 * follow through storage change events.
 */
import { HIGHLIGHT_KINDS } from '../shared/kinds.ts';
import type { BackgroundLanguage, HighlightStyle, Settings } from '../shared/settings.ts';
import { setKind } from '../shared/toggles.ts';
import { t } from '../shared/ui-i18n.ts';
import { useSettings } from '../shared/use-settings.ts';
import { KIND_LABEL } from '../shared/kind-labels.ts';
import { SiteList } from './site-list.tsx';

export function OptionsApp() {
  const [s, update] = useSettings();
  if (!s) return null;
  const set = (patch: Partial<Settings>): void => update((cur) => ({ ...cur, ...patch }));
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="opt-highlights">
        <h2 id="opt-highlights">{t('optionsHighlights')}</h2>
        <label class="switch">
          <input type="checkbox" checked={s.highlightsOn} onChange={(e) => set({ highlightsOn: (e.currentTarget as HTMLInputElement).checked })} />
          <span>{t('optionsHighlightsOn')}</span>
        </label>
        <fieldset>
          <legend>{t('optionsKinds')}</legend>
          {HIGHLIGHT_KINDS.map((k) => (
            <label class="switch" key={k}>
              <input type="checkbox" checked={s.kinds[k]} onChange={(e) => { const on = (e.currentTarget as HTMLInputElement).checked; update((cur) => ({ ...setKind(cur, k, on), highlightsOn: cur.highlightsOn })); }} />
              <span class={`sample sample-${k}`}>{t(KIND_LABEL[k])}</span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('optionsStyle')}</legend>
          {([['full', 'optionsStyleFull'], ['subtle', 'optionsStyleSubtle']] as const).map(([value, key]) => (
            <label class="radio" key={value}>
              <input type="radio" name="style" value={value} checked={s.style === value} onChange={() => set({ style: value as HighlightStyle })} />
              <span>{t(key)}</span>
            </label>
          ))}
        </fieldset>
        <p class="muted">{t('optionsShortcuts')}</p>
      </section>

      <section aria-labelledby="opt-sites">
        <h2 id="opt-sites">{t('optionsSites')}</h2>
        <label class="switch">
          <input type="checkbox" checked={s.autoRun} onChange={(e) => set({ autoRun: (e.currentTarget as HTMLInputElement).checked })} />
          <span>{t('optionsAutoRun')}</span>
        </label>
        <SiteList id="never" label={t('optionsSiteNever')} sites={s.siteNever} onChange={(siteNever) => set({ siteNever })} />
        <SiteList id="always" label={t('optionsSiteAlways')} sites={s.siteAlways} onChange={(siteAlways) => set({ siteAlways })} />
      </section>

      <section aria-labelledby="opt-language">
        <h2 id="opt-language">{t('optionsLanguage')}</h2>
        <fieldset>
          <legend class="visually-hidden">{t('optionsLanguage')}</legend>
          {([['auto', 'optionsLanguageAuto'], ['de', 'optionsLanguageDe'], ['en', 'optionsLanguageEn']] as const).map(([value, key]) => (
            <label class="radio" key={value}>
              <input type="radio" name="bg-lang" value={value} checked={s.backgroundLanguage === value} onChange={() => set({ backgroundLanguage: value as BackgroundLanguage })} />
              <span>{t(key)}</span>
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="opt-online">
        <h2 id="opt-online">{t('optionsOnline')}</h2>
        <label class="switch">
          <input type="checkbox" checked={s.onlineLookup} aria-describedby="opt-online-hint" onChange={(e) => set({ onlineLookup: (e.currentTarget as HTMLInputElement).checked })} />
          <span>{t('optionsOnlineLabel')}</span>
        </label>
        <p class="muted" id="opt-online-hint">{t('optionsOnlineHint')}</p>
      </section>
    </main>
  );
}
