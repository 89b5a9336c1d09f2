/**
 * The matched topic's background: why it is shown, the timeline up to the
 * article, "what came next" kept apart, and the key issues.
 */
import type { BackgroundView } from '../../shared/views.ts';
import type { TimelineItem } from '../../core/knowledge/index.ts';
import { t } from '../../shared/ui-i18n.ts';

function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <ol class="timeline">
      {items.map((i) => (
        <li key={i.id}>
          <time dateTime={i.date}>{i.dateLabel}</time>
          <span>{i.text}</span>
        </li>
      ))}
    </ol>
  );
}

/** Entries shown before the "earlier events" expander: the run-up to the article matters most. */
const RECENT_ENTRIES = 6;

export function BackgroundSection({ view }: { view: BackgroundView }) {
  const b = view.background;
  const upToArticle = [...b.past, ...b.now];
  const earlier = upToArticle.slice(0, Math.max(0, upToArticle.length - RECENT_ENTRIES));
  const recent = upToArticle.slice(earlier.length);
  return (
    <section class="background" aria-labelledby="kontext-background-heading">
      <h2 id="kontext-background-heading">{t('panelBackground')}: {b.title}</h2>
      {view.evidence.length > 0 && <p class="muted why">{t('panelWhyMatched', view.evidence.join(', '))}</p>}
      {upToArticle.length > 0 && (
        <>
          <h3>{t('panelTimeline')}</h3>
          {earlier.length > 0 && (
            <details class="earlier">
              <summary>{t('panelEarlier', String(earlier.length))}</summary>
              <Timeline items={earlier} />
            </details>
          )}
          <Timeline items={recent} />
        </>
      )}
      {b.next.length > 0 && (
        <div class="what-came-next">
          <h3>{t('panelWhatCameNext')}</h3>
          <p class="muted">{t('panelWhatCameNextHint')}</p>
          <Timeline items={b.next} />
        </div>
      )}
      {b.keyIssues.length > 0 && (
        <>
          <h3>{t('panelKeyIssues')}</h3>
          {b.keyIssues.map((k) => (
            <details key={k.id} class="issue">
              <summary>{k.title}</summary>
              <p>{k.text}</p>
            </details>
          ))}
        </>
      )}
    </section>
  );
}
