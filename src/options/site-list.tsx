/** An editable list of sites (host names) with add and remove, validated as the reader types. */
import { useState } from 'preact/hooks';
import { normalizeHost } from '../shared/settings.ts';
import { t } from '../shared/ui-i18n.ts';

export function SiteList({ id, label, sites, onChange }: { id: string; label: string; sites: string[]; onChange: (sites: string[]) => void }) {
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const add = (e: Event): void => {
    e.preventDefault();
    const host = normalizeHost(draft);
    if (!host) { setInvalid(true); return; }
    setInvalid(false);
    setDraft('');
    if (!sites.includes(host)) onChange([...sites, host]);
  };
  return (
    <fieldset class="site-list">
      <legend>{label}</legend>
      {sites.length === 0 && <p class="muted">{t('optionsSiteEmpty')}</p>}
      <ul>
        {sites.map((site) => (
          <li key={site}>
            <span>{site}</span>
            <button type="button" class="link-button" aria-label={t('optionsSiteRemove', site)} onClick={() => onChange(sites.filter((x) => x !== site))}>×</button>
          </li>
        ))}
      </ul>
      <form onSubmit={add} class="site-add">
        <label class="visually-hidden" for={`site-${id}`}>{t('optionsSiteInput', label)}</label>
        <input
          id={`site-${id}`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={draft}
          aria-invalid={invalid}
          aria-describedby={invalid ? `site-${id}-error` : undefined}
          onInput={(e) => setDraft((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="primary">{t('optionsSiteAdd')}</button>
      </form>
      {invalid && <p class="error" id={`site-${id}-error`} role="alert">{t('optionsSiteInvalid')}</p>}
    </fieldset>
  );
}
