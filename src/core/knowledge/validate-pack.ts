/**
 * Checks a knowledge pack against the format (pack-types.ts) and its own
 * consistency: ids unique and referenced ids present, dates valid and in
 * order, every fact with a source. Packs are JSON, so TypeScript cannot
 * check them; this does, in a unit test (a broken pack fails the tests)
 * and when a pack is loaded (a broken pack is refused, not half used).
 */
import { dayNumber, isPackDate } from './dates.ts';
import type { KnowledgePack } from './pack-types.ts';

type Obj = Record<string, unknown>;

const ENTITY_TYPES = new Set(['person', 'place', 'org', 'event', 'concept']);
const REF_KINDS = new Set(['descriptor', 'adjective', 'term']);
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

class Checker {
  readonly errors: string[] = [];
  fail(where: string, msg: string): void {
    this.errors.push(`${where}: ${msg}`);
  }
  obj(v: unknown, where: string): Obj | null {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Obj;
    this.fail(where, 'expected an object');
    return null;
  }
  str(v: unknown, where: string): string | null {
    if (typeof v === 'string' && v.trim() !== '' && v === v.trim()) return v;
    this.fail(where, 'expected a non-empty string without outer spaces');
    return null;
  }
  id(v: unknown, where: string): string | null {
    const s = this.str(v, where);
    if (s !== null && !ID_RE.test(s)) this.fail(where, `id "${s}" is not kebab-case`);
    return s;
  }
  date(v: unknown, where: string): string | null {
    const s = this.str(v, where);
    if (s !== null && !isPackDate(s)) this.fail(where, `"${s}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    return s;
  }
  optDate(v: unknown, where: string): string | null {
    return v === undefined || v === null ? null : this.date(v, where);
  }
  num(v: unknown, where: string, min: number): number | null {
    if (typeof v === 'number' && Number.isFinite(v) && v >= min) return v;
    this.fail(where, `expected a number >= ${min}`);
    return null;
  }
  local(v: unknown, where: string): void {
    const o = this.obj(v, where);
    if (o === null) return;
    this.str(o['de'], `${where}.de`);
    this.str(o['en'], `${where}.en`);
  }
  strings(v: unknown, where: string, allowEmpty: boolean): string[] {
    if (!Array.isArray(v)) {
      this.fail(where, 'expected an array of strings');
      return [];
    }
    if (!allowEmpty && v.length === 0) this.fail(where, 'must not be empty');
    const out: string[] = [];
    v.forEach((s, i) => {
      const ok = this.str(s, `${where}[${i}]`);
      if (ok !== null) out.push(ok);
    });
    return out;
  }
  sources(v: unknown, where: string): void {
    for (const url of this.strings(v, `${where}.sources`, false)) {
      if (!/^https?:\/\/\S+$/.test(url)) this.fail(`${where}.sources`, `"${url}" is not an http(s) URL`);
    }
  }
  array(v: unknown, where: string): unknown[] {
    if (Array.isArray(v)) return v;
    this.fail(where, 'expected an array');
    return [];
  }
  period(from: string | null, to: string | null, where: string): void {
    if (from === null || to === null) return;
    const a = dayNumber(from, 'start');
    const b = dayNumber(to, 'end');
    if (a !== null && b !== null && b < a) this.fail(where, `ends (${to}) before it starts (${from})`);
  }
}

/** All problems of a pack, as "path: message" lines; empty when valid. */
export function validatePack(raw: unknown): string[] {
  const c = new Checker();
  const pack = c.obj(raw, 'pack');
  if (pack === null) return c.errors;
  if (pack['format'] !== 1) c.fail('pack.format', 'must be 1');
  c.id(pack['id'], 'pack.id');
  c.local(pack['title'], 'pack.title');
  c.date(pack['asOf'], 'pack.asOf');
  const topic = c.obj(pack['topic'], 'pack.topic');
  if (topic !== null) {
    c.num(topic['defaultWeight'], 'topic.defaultWeight', 0);
    c.num(topic['threshold'], 'topic.threshold', 0.0001);
    c.num(topic['minCore'], 'topic.minCore', 0);
    c.num(topic['contextMin'], 'topic.contextMin', 0);
    c.num(topic['minCoreMentions'], 'topic.minCoreMentions', 0);
    c.num(topic['titleBoost'], 'topic.titleBoost', 1);
    c.num(topic['leadBoost'], 'topic.leadBoost', 1);
    c.num(topic['leadChars'], 'topic.leadChars', 0);
  }

  const entityIds = new Set<string>();
  const refsNeeding: { where: string; ids: string[] }[] = [];
  const nameOwner = new Map<string, string>();
  c.array(pack['entities'], 'pack.entities').forEach((rawEntity, i) => {
    const e = c.obj(rawEntity, `entities[${i}]`);
    if (e === null) return;
    const id = c.id(e['id'], `entities[${i}].id`) ?? `#${i}`;
    const at = `entity ${id}`;
    if (entityIds.has(id)) c.fail(at, 'duplicate id');
    entityIds.add(id);
    const type = e['type'];
    if (typeof type !== 'string' || !ENTITY_TYPES.has(type)) c.fail(`${at}.type`, 'must be person, place, org, event or concept');
    c.local(e['name'], `${at}.name`);
    c.local(e['description'], `${at}.description`);
    const names = c.obj(e['names'], `${at}.names`);
    if (names !== null) {
      for (const lang of ['de', 'en'] as const) {
        for (const n of c.strings(names[lang], `${at}.names.${lang}`, true)) {
          const key = `${lang}:${n}`;
          const owner = nameOwner.get(key);
          if (owner !== undefined && owner !== id) c.fail(`${at}.names.${lang}`, `"${n}" is also a name of ${owner} (use a dated or conditional ref)`);
          nameOwner.set(key, id);
        }
      }
    }
    if (e['shortNames'] !== undefined) c.strings(e['shortNames'], `${at}.shortNames`, false);
    if (e['refs'] !== undefined) {
      c.array(e['refs'], `${at}.refs`).forEach((rawRef, j) => {
        const where = `${at}.refs[${j}]`;
        const r = c.obj(rawRef, where);
        if (r === null) return;
        if (r['lang'] !== 'de' && r['lang'] !== 'en') c.fail(`${where}.lang`, 'must be de or en');
        c.str(r['text'], `${where}.text`);
        if (typeof r['kind'] !== 'string' || !REF_KINDS.has(r['kind'])) c.fail(`${where}.kind`, 'must be descriptor, adjective or term');
        c.period(c.optDate(r['from'], `${where}.from`), c.optDate(r['to'], `${where}.to`), where);
        if (r['needs'] !== undefined) refsNeeding.push({ where: `${where}.needs`, ids: c.strings(r['needs'], `${where}.needs`, false) });
        if (r['needsTopic'] !== undefined && typeof r['needsTopic'] !== 'boolean') c.fail(`${where}.needsTopic`, 'must be a boolean');
      });
    }
    const qid = e['wikidata'];
    if (qid !== null && (typeof qid !== 'string' || !/^Q\d+$/.test(qid))) c.fail(`${at}.wikidata`, 'must be null or a Q-id');
    if (e['roles'] !== undefined) {
      c.array(e['roles'], `${at}.roles`).forEach((rawRole, j) => {
        const where = `${at}.roles[${j}]`;
        const r = c.obj(rawRole, where);
        if (r === null) return;
        c.str(r['de'], `${where}.de`);
        c.str(r['en'], `${where}.en`);
        c.period(c.optDate(r['from'], `${where}.from`), c.optDate(r['to'], `${where}.to`), where);
      });
    }
    if (e['when'] !== undefined) {
      const w = c.obj(e['when'], `${at}.when`);
      if (w !== null) c.period(c.date(w['start'], `${at}.when.start`), c.optDate(w['end'], `${at}.when.end`), `${at}.when`);
    } else if (type === 'event') c.fail(`${at}.when`, 'events need a date');
    if (e['weight'] !== undefined) c.num(e['weight'], `${at}.weight`, 0);
    if (e['unverified'] !== undefined && typeof e['unverified'] !== 'boolean') c.fail(`${at}.unverified`, 'must be a boolean');
    c.sources(e['sources'], at);
  });
  for (const { where, ids } of refsNeeding) {
    for (const id of ids) if (!entityIds.has(id)) c.fail(where, `unknown entity "${id}"`);
  }

  const allIds = new Set(entityIds);
  const checkEntities = (v: unknown, where: string): void => {
    for (const id of c.strings(v, where, false)) if (!entityIds.has(id)) c.fail(where, `unknown entity "${id}"`);
  };
  let previous = -Infinity;
  c.array(pack['timeline'], 'pack.timeline').forEach((rawEntry, i) => {
    const t = c.obj(rawEntry, `timeline[${i}]`);
    if (t === null) return;
    const id = c.id(t['id'], `timeline[${i}].id`) ?? `#${i}`;
    const at = `timeline ${id}`;
    if (allIds.has(id)) c.fail(at, 'duplicate id');
    allIds.add(id);
    const date = c.date(t['date'], `${at}.date`);
    c.period(date, c.optDate(t['end'], `${at}.end`), at);
    const day = dayNumber(date, 'start');
    if (day !== null) {
      if (day < previous) c.fail(at, 'timeline is not in date order');
      previous = day;
    }
    c.local(t['text'], `${at}.text`);
    checkEntities(t['entities'], `${at}.entities`);
    c.sources(t['sources'], at);
  });
  c.array(pack['keyIssues'], 'pack.keyIssues').forEach((rawIssue, i) => {
    const k = c.obj(rawIssue, `keyIssues[${i}]`);
    if (k === null) return;
    const id = c.id(k['id'], `keyIssues[${i}].id`) ?? `#${i}`;
    const at = `key issue ${id}`;
    if (allIds.has(`issue:${id}`)) c.fail(at, 'duplicate id');
    allIds.add(`issue:${id}`);
    c.local(k['title'], `${at}.title`);
    c.local(k['text'], `${at}.text`);
    checkEntities(k['entities'], `${at}.entities`);
    c.sources(k['sources'], at);
  });
  c.array(pack['disagreements'], 'pack.disagreements').forEach((rawD, i) => {
    const d = c.obj(rawD, `disagreements[${i}]`);
    if (d === null) return;
    const id = c.id(d['id'], `disagreements[${i}].id`) ?? `#${i}`;
    const at = `disagreement ${id}`;
    c.local(d['title'], `${at}.title`);
    c.local(d['text'], `${at}.text`);
    for (const about of c.strings(d['about'], `${at}.about`, false)) {
      if (!allIds.has(about) && !allIds.has(`issue:${about}`)) c.fail(`${at}.about`, `unknown id "${about}"`);
    }
    c.sources(d['sources'], at);
  });
  return c.errors;
}

/** The pack, typed, or an exception listing what is wrong with it. */
export function parsePack(raw: unknown): KnowledgePack {
  const errors = validatePack(raw);
  if (errors.length > 0) throw new Error(`invalid knowledge pack:\n  ${errors.slice(0, 20).join('\n  ')}`);
  return raw as KnowledgePack;
}
