/**
 * What a popup says, built from the analysis and the knowledge contexts the
 * background sent. Pure (no DOM), so it is tested on its own; the view only
 * lays it out. All wording comes from _locales through `t`.
 */
import type { EntityDetail, EntityType, QuoteDetail, TextAnalysis } from '../../core/types.ts';
import type { EntityContext } from '../../shared/views.ts';
import type { MessageKey, Translate } from '../../shared/i18n.ts';
import { mentionsOf, quotesBy, shownQuotes } from '../../shared/display.ts';

export interface PopupContent {
  kind: 'entity' | 'quote';
  /** Entity type or "Quote", for the small label above the heading. */
  label: string;
  heading: string;
  /** Roles held on the article's date ("US President since January 2017"), from the knowledge pack. */
  roles: string[];
  /** Who or what it is (knowledge pack), or a note that it is unknown. */
  description: string;
  /** Its role in this article ("Quoted 3 times", "Mentioned 5 times", …). */
  roleLines: string[];
}

const TYPE_KEY: Record<EntityType, MessageKey> = { PER: 'typePer', LOC: 'typeLoc', ORG: 'typeOrg', MISC: 'typeMisc' };

function countLine(t: Translate, n: number, one: MessageKey, many: MessageKey): string {
  return n === 1 ? t(one) : t(many, String(n));
}

/** Case endings and possessives that make "Trumps" or "Trump's" another form of "Trump", not another name. */
const INFLECTION = /^(?:s|es|n|en|'s|’s|'|’)$/;

/** Drop names that are only an inflected form of another name in the list or of a reference name. */
export function withoutInflections(names: string[], references: string[]): string[] {
  const bases = [...names, ...references];
  return names.filter((n) => !bases.some((b) => b !== n && n.startsWith(b) && INFLECTION.test(n.slice(b.length))));
}

export function entityPopup(entity: EntityDetail, analysis: TextAnalysis, contexts: Record<string, EntityContext>, t: Translate): PopupContent {
  const ctx = entity.entityId ? contexts[entity.entityId] : undefined;
  const mentions = mentionsOf(entity, analysis.entities);
  const roleLines: string[] = [];
  if (entity.type === 'PER') {
    const quoted = quotesBy(entity, shownQuotes(analysis)).length;
    if (quoted > 0) roleLines.push(countLine(t, quoted, 'popupQuotedOnce', 'popupQuotedMany'));
  }
  roleLines.push(countLine(t, mentions.length, 'popupMentionedOnce', 'popupMentionedMany'));
  const heading = ctx?.name ?? entity.canonical;
  const otherNames = withoutInflections([...new Set(mentions.map((m) => m.text))], [heading, entity.canonical])
    .filter((n) => n !== heading && n !== entity.canonical);
  if (otherNames.length) roleLines.push(t('popupAlsoCalled', otherNames.slice(0, 3).join(', ')));
  return {
    kind: 'entity',
    label: t(TYPE_KEY[entity.type]),
    heading,
    roles: ctx ? (ctx.when ? [ctx.when, ...ctx.roles] : ctx.roles) : [],
    description: ctx?.description ?? t('popupUnknown'),
    roleLines,
  };
}

export function quotePopup(quote: QuoteDetail, analysis: TextAnalysis, contexts: Record<string, EntityContext>, t: Translate): PopupContent {
  const speaker = quote.speaker;
  const ctx = speaker?.entityId ? contexts[speaker.entityId] : undefined;
  const name = ctx?.name ?? speaker?.name ?? null;
  const roleLines: string[] = [];
  if (speaker) {
    const same = shownQuotes(analysis).filter((q) =>
      (quote.speakerCluster !== null && q.speakerCluster === quote.speakerCluster)
      || (speaker.entityId !== null && q.speaker?.entityId === speaker.entityId)
      || q.speaker?.name === speaker.name);
    roleLines.push(countLine(t, same.length, 'popupQuotedOnce', 'popupQuotedMany'));
  }
  return {
    kind: 'quote',
    label: t('typeQuote'),
    heading: name ? t('popupQuoteBy', name) : t('popupQuoteUnattributed'),
    roles: ctx?.roles ?? [],
    description: ctx?.description ?? (name ? t('popupUnknown') : ''),
    roleLines,
  };
}
