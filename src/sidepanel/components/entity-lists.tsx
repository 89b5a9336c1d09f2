/** Names in the article by kind, with mention counts; each scrolls to its first mention. */
import type { Span, TextAnalysis } from '../../core/types.ts';
import type { EntityContext } from '../../shared/views.ts';
import { t } from '../../shared/ui-i18n.ts';
import { entitiesByKind, type EntityKind } from '../view-model.ts';
import { KIND_LABEL } from '../../shared/kind-labels.ts';

const ORDER: EntityKind[] = ['per', 'org', 'loc', 'misc'];

export function EntityLists({ analysis, contexts, onShow }: { analysis: TextAnalysis; contexts: Record<string, EntityContext>; onShow: (s: Span) => void }) {
  const byKind = entitiesByKind(analysis, contexts);
  const any = ORDER.some((k) => byKind[k].length > 0);
  return (
    <section class="entities" aria-labelledby="kontext-entities-heading">
      <h2 id="kontext-entities-heading">{t('panelEntities')}</h2>
      {!any && <p class="muted">{t('panelNoEntities')}</p>}
      {ORDER.filter((k) => byKind[k].length > 0).map((k) => (
        <div class={`entity-kind kind-${k}`} key={k}>
          <h3><span class={`sample sample-${k}`}>{t(KIND_LABEL[k])}</span></h3>
          <ul>
            {byKind[k].map((row) => (
              <li key={row.key}>
                <button type="button" class="entity" title={row.description ?? undefined} onClick={() => onShow(row.first)}>
                  <span>{row.name}</span>
                  <span class="count">
                    <span aria-hidden="true">{row.count}</span>
                    <span class="visually-hidden">{t('panelMentions', String(row.count))}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
