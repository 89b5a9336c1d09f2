/** Highlight switches: all at once, and per kind, each with a sample of how that kind looks on the page. */
import { HIGHLIGHT_KINDS } from '../../shared/kinds.ts';
import { KIND_LABEL } from '../../shared/kind-labels.ts';
import type { Settings } from '../../shared/settings.ts';
import { setKind, toggleAll } from '../../shared/toggles.ts';
import { t } from '../../shared/ui-i18n.ts';

export function HighlightToggles({ settings, update }: { settings: Settings; update: (c: (s: Settings) => Settings) => void }) {
  return (
    <fieldset class="toggles">
      <legend>{t('panelHighlights')}</legend>
      <label class="switch master">
        <input type="checkbox" checked={settings.highlightsOn} onChange={() => update(toggleAll)} />
        <span>{t('panelAllHighlights')}</span>
      </label>
      <div class="kind-toggles">
        {HIGHLIGHT_KINDS.map((k) => (
          <label key={k} class="switch">
            <input
              type="checkbox"
              checked={settings.highlightsOn && settings.kinds[k]}
              onChange={(e) => {
                // Read the box now: the event's currentTarget is null by the time update() runs its callback.
                const on = (e.currentTarget as HTMLInputElement).checked;
                update((s) => setKind(s, k, on));
              }}
            />
            <span class={`sample sample-${k}`}>{t(KIND_LABEL[k])}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
