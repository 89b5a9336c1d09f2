/**
 * Context as of the article's date: an entity's roles and timeline around
 * the article, and a topic's background split into what came before, what
 * the article reports, and what came next. Nothing after the article's
 * date is mixed into its past; with no date, everything counts as past and
 * nothing as "next".
 */
import type { Lang } from '../types.ts';
import { articleDay, dayNumber, formatDate, formatMonth } from './dates.ts';
import type { KnowledgePack, PackDisagreement, PackEntity, PackKeyIssue, PackRole, PackTimelineEntry } from './pack-types.ts';
import type { Background, ContextOptions, EntityContext, KeyIssueItem, PersonItem, SourceNote, TimelineItem } from './ui-types.ts';

type Relation = 'past' | 'now' | 'next';

/** Where a dated entry sits relative to the article's day (the day before counts as "now": agency copy runs late). */
function relationTo(date: string, end: string | undefined, day: number | null): Relation {
  if (day === null) return 'past';
  const start = dayNumber(date, 'start') ?? 0;
  const last = dayNumber(end ?? date, 'end') ?? start;
  if (start > day) return 'next';
  if (last >= day - 1) return 'now';
  return 'past';
}

function note(d: PackDisagreement, lang: Lang): SourceNote {
  return { id: d.id, title: d.title[lang], text: d.text[lang], sources: d.sources };
}

function disagreementsAbout(pack: KnowledgePack, ids: readonly string[]): PackDisagreement[] {
  return pack.disagreements.filter((d) => d.about.some((a) => ids.includes(a)));
}

function timelineItem(pack: KnowledgePack, t: PackTimelineEntry, lang: Lang): TimelineItem {
  return {
    id: t.id,
    date: t.date,
    end: t.end ?? null,
    dateLabel: formatPeriod(t.date, t.end, lang),
    text: t.text[lang],
    entities: t.entities,
    sources: t.sources,
    disputed: disagreementsAbout(pack, [t.id]).length > 0,
  };
}

function issueItem(pack: KnowledgePack, k: PackKeyIssue, lang: Lang): KeyIssueItem {
  return {
    id: k.id,
    title: k.title[lang],
    text: k.text[lang],
    entities: k.entities,
    sources: k.sources,
    disagreements: disagreementsAbout(pack, [k.id]).map((d) => note(d, lang)),
  };
}

/** "27.–28. Februar 2019" style periods, falling back to "start – end". */
export function formatPeriod(start: string, end: string | undefined, lang: Lang): string {
  if (end === undefined || end === start) return formatDate(start, lang);
  if (start.length === 10 && end.length === 10 && start.slice(0, 7) === end.slice(0, 7)) {
    const d1 = Number(start.slice(8));
    return lang === 'de' ? `${d1}.–${formatDate(end, lang)}` : `${d1}–${formatDate(end, lang)}`;
  }
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

function roleText(r: PackRole, lang: Lang, current: boolean): string {
  const label = r[lang];
  if (current) {
    if (r.from === null) return label;
    return lang === 'de' ? `${label} seit ${formatMonth(r.from, 'de')}` : `${label} since ${formatMonth(r.from, 'en')}`;
  }
  const to = r.to === null ? '' : formatMonth(r.to, lang);
  return lang === 'de' ? `bis ${to}: ${label}` : `${label} until ${to}`;
}

/** Roles on the article's day (current) and roles that had ended by then (former); roles that began later are left out. */
export function rolesAsOf(entity: PackEntity, lang: Lang, published: string | null): { current: string[]; former: string[] } {
  const day = articleDay(published);
  const current: string[] = [];
  const former: string[] = [];
  for (const r of entity.roles ?? []) {
    const from = dayNumber(r.from, 'start');
    const to = dayNumber(r.to, 'end');
    if (day === null) {
      // No date: say what the pack knows, as of the date it was written for.
      if (to === null) current.push(roleText(r, lang, true));
      continue;
    }
    if (from !== null && from > day) continue;
    if (to !== null && to < day) former.push(roleText(r, lang, false));
    else current.push(roleText(r, lang, true));
  }
  return { current, former };
}

function links(entity: PackEntity, lang: Lang): EntityContext['links'] {
  const wikidata = entity.wikidata === null ? null : `https://www.wikidata.org/wiki/${entity.wikidata}`;
  const wikipedia =
    entity.wikidata === null
      ? `https://${lang}.wikipedia.org/w/index.php?search=${encodeURIComponent(entity.name[lang])}`
      : `https://www.wikidata.org/wiki/Special:GoToLinkedPage/${lang}wiki/${entity.wikidata}`;
  return { wikipedia, wikidata };
}

export function entityContext(pack: KnowledgePack, entity: PackEntity, opts: ContextOptions): EntityContext {
  const { lang, published } = opts;
  const day = articleDay(published);
  const roles = rolesAsOf(entity, lang, published);
  const related = pack.timeline.filter((t) => t.entities.includes(entity.id));
  const before = related.filter((t) => relationTo(t.date, t.end, day) !== 'next').slice(-3);
  const after = related.filter((t) => relationTo(t.date, t.end, day) === 'next');
  let relation: EntityContext['relation'] = null;
  if (entity.when !== undefined) {
    const r = relationTo(entity.when.start, entity.when.end, day);
    relation = r === 'next' ? 'later' : r === 'now' ? 'current' : 'past';
  }
  const ownIssues = pack.keyIssues.filter((k) => k.entities.includes(entity.id));
  return {
    id: entity.id,
    topicId: pack.id,
    type: entity.type,
    name: entity.name[lang],
    roles: roles.current,
    formerRoles: roles.former,
    description: entity.description[lang],
    when: entity.when === undefined ? null : formatPeriod(entity.when.start, entity.when.end, lang),
    relation,
    before: before.map((t) => timelineItem(pack, t, lang)),
    after: after.map((t) => timelineItem(pack, t, lang)),
    issues: ownIssues.map((k) => issueItem(pack, k, lang)),
    disagreements: disagreementsAbout(pack, [entity.id]).map((d) => note(d, lang)),
    links: links(entity, lang),
    sources: entity.sources,
    unverified: entity.unverified === true,
  };
}

export interface BackgroundOptions extends ContextOptions {
  /** Entity ids the article names; people it names are listed first. */
  mentioned?: readonly string[];
  /** How many key people to list (default 6). */
  maxPeople?: number;
}

export function topicBackground(pack: KnowledgePack, opts: BackgroundOptions): Background {
  const { lang, published } = opts;
  const day = articleDay(published);
  const past: TimelineItem[] = [];
  const now: TimelineItem[] = [];
  const next: TimelineItem[] = [];
  for (const t of pack.timeline) {
    const item = timelineItem(pack, t, lang);
    const r = relationTo(t.date, t.end, day);
    (r === 'past' ? past : r === 'now' ? now : next).push(item);
  }
  const mentioned = new Set(opts.mentioned ?? []);
  const people = pack.entities
    .filter((e) => e.type === 'person')
    .filter((e) => rolesAsOf(e, lang, published).current.length > 0 || mentioned.has(e.id))
    .map((e, order) => ({ e, order, rank: (mentioned.has(e.id) ? 100 : 0) + (e.weight ?? pack.topic.defaultWeight) }))
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .slice(0, opts.maxPeople ?? 6)
    .map(({ e }): PersonItem => ({ id: e.id, name: e.name[lang], role: rolesAsOf(e, lang, published).current[0] ?? null, description: e.description[lang] }));
  return {
    topicId: pack.id,
    title: pack.title[lang],
    lang,
    published,
    past,
    now,
    next,
    keyPeople: people,
    keyIssues: pack.keyIssues.map((k) => issueItem(pack, k, lang)),
    disagreements: pack.disagreements.map((d) => note(d, lang)),
    asOf: pack.asOf,
  };
}
