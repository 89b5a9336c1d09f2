/**
 * A key-by-key check of the documented JSON shapes (AnalysisResult and the
 * --jsonl per-text result), including that every span's text is the slice
 * of the analysed text it claims to be. Outside evaluations parse this
 * JSON, so tests hold the command line's real output to it; it returns
 * every problem found rather than stopping at the first.
 */

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const ENTITY_TYPES = new Set(['PER', 'LOC', 'ORG', 'MISC']);

function exactKeys(v: Rec, keys: readonly string[], at: string, problems: string[]): void {
  const have = Object.keys(v).sort();
  const want = [...keys].sort();
  if (have.join(',') !== want.join(',')) problems.push(`${at}: keys [${have.join(', ')}], expected [${want.join(', ')}]`);
}

function strOrNull(v: unknown): boolean {
  return v === null || typeof v === 'string';
}

function checkSpan(v: Rec, text: string | null, at: string, problems: string[]): void {
  const { start, end } = v;
  if (!isInt(start) || !isInt(end)) {
    problems.push(`${at}: start/end must be integers`);
    return;
  }
  if (start < 0 || end < start) problems.push(`${at}: bad span [${start}, ${end})`);
  if (text !== null) {
    if (end > text.length) problems.push(`${at}: end ${end} beyond text length ${text.length}`);
    else if (v.text !== text.slice(start, end)) problems.push(`${at}: text does not equal the slice [${start}, ${end})`);
  }
  if (typeof v.text !== 'string') problems.push(`${at}.text must be a string`);
}

function checkEntityId(v: unknown, nullable: boolean, at: string, problems: string[]): void {
  if (!(typeof v === 'string' || (nullable && v === null))) problems.push(`${at}.entityId must be a string${nullable ? ' or null' : ''}`);
}

function checkAnalysisLists(r: Rec, text: string | null, problems: string[]): void {
  for (const key of ['quotes', 'entities', 'concepts'] as const) {
    if (!Array.isArray(r[key])) problems.push(`${key} must be an array`);
  }
  (Array.isArray(r.quotes) ? r.quotes : []).forEach((q: unknown, i) => {
    const at = `quotes[${i}]`;
    if (!isRec(q)) return void problems.push(`${at} must be an object`);
    exactKeys(q, ['text', 'start', 'end', 'speaker'], at, problems);
    checkSpan(q, text, at, problems);
    if (q.speaker !== null) {
      if (!isRec(q.speaker)) return void problems.push(`${at}.speaker must be an object or null`);
      exactKeys(q.speaker, ['name', 'entityId'], `${at}.speaker`, problems);
      if (typeof q.speaker.name !== 'string' || q.speaker.name === '') problems.push(`${at}.speaker.name must be a non-empty string`);
      checkEntityId(q.speaker.entityId, true, `${at}.speaker`, problems);
    }
  });
  (Array.isArray(r.entities) ? r.entities : []).forEach((e: unknown, i) => {
    const at = `entities[${i}]`;
    if (!isRec(e)) return void problems.push(`${at} must be an object`);
    exactKeys(e, ['text', 'start', 'end', 'type', 'entityId'], at, problems);
    checkSpan(e, text, at, problems);
    if (typeof e.type !== 'string' || !ENTITY_TYPES.has(e.type)) problems.push(`${at}.type must be PER, LOC, ORG or MISC`);
    checkEntityId(e.entityId, true, at, problems);
  });
  (Array.isArray(r.concepts) ? r.concepts : []).forEach((c: unknown, i) => {
    const at = `concepts[${i}]`;
    if (!isRec(c)) return void problems.push(`${at} must be an object`);
    exactKeys(c, ['text', 'start', 'end', 'entityId'], at, problems);
    checkSpan(c, text, at, problems);
    checkEntityId(c.entityId, false, at, problems);
  });
}

/** Problems with a `--format json` object (pass extraKeys: ["file"] for JSON Lines). */
export function checkAnalysisResult(v: unknown, extraKeys: readonly string[] = []): string[] {
  const problems: string[] = [];
  if (!isRec(v)) return ['result must be an object'];
  exactKeys(v, ['url', 'article', 'quotes', 'entities', 'concepts', 'topics', ...extraKeys], 'result', problems);
  if (!strOrNull(v.url)) problems.push('url must be a string or null');
  let text: string | null = null;
  const a = v.article;
  if (a !== null) {
    if (!isRec(a)) return [...problems, 'article must be an object or null'];
    exactKeys(a, ['title', 'byline', 'published', 'language', 'agencies', 'dateline', 'text'], 'article', problems);
    for (const k of ['title', 'byline', 'published', 'dateline'] as const) if (!strOrNull(a[k])) problems.push(`article.${k} must be a string or null`);
    if (typeof a.language !== 'string' || a.language === '') problems.push('article.language must be a non-empty string');
    if (!Array.isArray(a.agencies) || !a.agencies.every((x) => typeof x === 'string')) problems.push('article.agencies must be an array of strings');
    if (typeof a.text !== 'string') problems.push('article.text must be a string');
    else text = a.text;
  } else {
    for (const key of ['quotes', 'entities', 'concepts', 'topics'] as const) {
      if (Array.isArray(v[key]) && v[key].length > 0) problems.push(`${key} must be empty when there is no article`);
    }
  }
  checkAnalysisLists(v, text, problems);
  if (!Array.isArray(v.topics)) problems.push('topics must be an array');
  else
    v.topics.forEach((t: unknown, i) => {
      const at = `topics[${i}]`;
      if (!isRec(t)) return void problems.push(`${at} must be an object`);
      exactKeys(t, ['id', 'score'], at, problems);
      if (typeof t.id !== 'string') problems.push(`${at}.id must be a string`);
      if (typeof t.score !== 'number' || !Number.isFinite(t.score)) problems.push(`${at}.score must be a finite number`);
    });
  return problems;
}

/** Problems with one `--jsonl` output line, given the input text it analysed. */
export function checkTextResult(v: unknown, inputText: string): string[] {
  const problems: string[] = [];
  if (!isRec(v)) return ['result must be an object'];
  exactKeys(v, ['id', 'language', 'quotes', 'entities', 'concepts'], 'result', problems);
  if (typeof v.id !== 'string' && typeof v.id !== 'number') problems.push('id must be a string or number');
  if (typeof v.language !== 'string' || v.language === '') problems.push('language must be a non-empty string');
  checkAnalysisLists(v, inputText, problems);
  return problems;
}
