/** Quotes grouped by speaker; each quote is a button that scrolls the page to it. */
import type { Span, TextAnalysis } from '../../core/types.ts';
import type { EntityContext } from '../../shared/views.ts';
import { t } from '../../shared/ui-i18n.ts';
import { groupQuotesBySpeaker } from '../view-model.ts';

export function QuoteGroups({ analysis, contexts, onShow }: { analysis: TextAnalysis; contexts: Record<string, EntityContext>; onShow: (s: Span) => void }) {
  const groups = groupQuotesBySpeaker(analysis, contexts);
  return (
    <section class="quotes" aria-labelledby="kontext-quotes-heading">
      <h2 id="kontext-quotes-heading">{t('panelQuotes')}</h2>
      {groups.length === 0 && <p class="muted">{t('panelNoQuotes')}</p>}
      {groups.map((g) => (
        <div class="speaker" key={g.key} data-speaker={g.name ?? ''}>
          <h3>
            <span class="speaker-name">{g.name ?? t('panelUnattributed')}</span>
            <span class="count">
              <span aria-hidden="true">{g.quotes.length}</span>
              <span class="visually-hidden">{t('panelQuoteCount', String(g.quotes.length))}</span>
            </span>
          </h3>
          {g.role && <p class="muted role">{g.role}</p>}
          <ul>
            {g.quotes.map((q) => (
              <li key={q.start}>
                <button type="button" class="quote" data-start={q.start} aria-label={t('panelShowInArticle', q.text)} onClick={() => onShow(q)}>
                  „{q.text}“
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
