import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EntityDetail, QuoteDetail, Span, TextAnalysis } from '../core/types.ts';
import { isPackedAnalysisShape, packAnalysis, unpackAnalysis, type PackedAnalysis, type PackedTable } from './packed-analysis.ts';
import { isAnalyseResponse } from './messages.ts';

const span: fc.Arbitrary<Span> = fc.tuple(fc.nat(10_000), fc.nat(500)).map(([start, len]) => ({ start, end: start + len }));
// Few distinct names so the string table really gets shared entries.
const name = fc.constantFrom('Kim', 'Trump', 'Hanoi', '', 'Ünïcödé ✓', '<img src=x onerror=alert(1)>');
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

const entity: fc.Arbitrary<EntityDetail> = fc.record({
  span, text: name, type: fc.constantFrom('PER', 'LOC', 'ORG', 'MISC') as fc.Arbitrary<EntityDetail['type']>,
  entityId: fc.option(name, { nil: null }), confidence: finite, cluster: fc.integer(), canonical: name,
}).map(({ span: s, ...rest }) => ({ text: rest.text, start: s.start, end: s.end, type: rest.type, entityId: rest.entityId,
  confidence: rest.confidence, cluster: rest.cluster, canonical: rest.canonical }));

const quote: fc.Arbitrary<QuoteDetail> = fc.record({
  span, text: fc.string(), speaker: fc.option(fc.record({ name, entityId: fc.option(name, { nil: null }) }), { nil: null }),
  confidence: finite, kind: fc.constantFrom('direct', 'indirect') as fc.Arbitrary<QuoteDetail['kind']>,
  cue: fc.option(span, { nil: null }), speakerMention: fc.option(span, { nil: null }), speakerCluster: fc.option(fc.integer(), { nil: null }),
}).map(({ span: s, ...rest }) => ({ text: rest.text, start: s.start, end: s.end, speaker: rest.speaker, confidence: rest.confidence,
  kind: rest.kind, cue: rest.cue, speakerMention: rest.speakerMention, speakerCluster: rest.speakerCluster }));

const analysis: fc.Arbitrary<TextAnalysis> = fc.record({
  language: fc.constantFrom('de', 'en'),
  quotes: fc.array(quote, { maxLength: 20 }),
  entities: fc.array(entity, { maxLength: 40 }),
  concepts: fc.array(fc.record({ text: name, start: fc.nat(50), end: fc.integer({ min: 50, max: 90 }), entityId: name }), { maxLength: 3 }),
  topics: fc.array(fc.record({ id: name, score: finite, matched: fc.boolean(), evidence: fc.array(name, { maxLength: 3 }) }), { maxLength: 2 }),
});

/** What runtime messaging does to a value in Chrome. */
function overTheWire<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function response(packed: unknown): unknown {
  return { ok: true, packed, contexts: {}, uiLang: 'en' };
}

const sample: TextAnalysis = {
  language: 'de',
  quotes: [{ text: 'Hallo', start: 1, end: 6, speaker: { name: 'A', entityId: 'q1' }, confidence: 0.9, kind: 'direct', cue: { start: 8, end: 9 }, speakerMention: null, speakerCluster: 2 }],
  entities: [
    { text: 'Welt', start: 7, end: 11, type: 'LOC', entityId: null, confidence: 1, cluster: 0, canonical: 'Welt' },
    { text: 'Kim', start: 12, end: 15, type: 'PER', entityId: 'q1', confidence: 0.5, cluster: 1, canonical: 'Kim Jong Un' },
  ],
  concepts: [],
  topics: [{ id: 'korea', score: 0.8, matched: true, evidence: ['Kim'] }],
};

describe('packed analysis', () => {
  it('survives pack → JSON → check → unpack unchanged', () => {
    fc.assert(fc.property(analysis, (a) => {
      const packed = overTheWire(packAnalysis(a));
      expect(isAnalyseResponse(response(packed))).toBe(true);
      expect(unpackAnalysis(packed)).toEqual(overTheWire(a));
    }), { numRuns: 200 });
  });

  it('stores each repeated string once', () => {
    const p = packAnalysis({ ...sample, entities: Array.from({ length: 100 }, () => sample.entities[1]!) });
    expect(p.entities.count).toBe(100);
    expect(p.strings.filter((s) => s === 'Kim Jong Un')).toHaveLength(1);
  });

  it('sends each table as two base64 strings, far smaller than objects', () => {
    const many = { ...sample, entities: Array.from({ length: 1000 }, (_, i) => ({ ...sample.entities[1]!, start: i * 10, end: i * 10 + 3 })) };
    const p = packAnalysis(many);
    expect(typeof p.entities.ints).toBe('string');
    expect(typeof p.entities.floats).toBe('string');
    expect(JSON.stringify(p).length).toBeLessThan(JSON.stringify(many).length / 2);
  });

  it('rejects malformed columns', () => {
    const good = packAnalysis(sample);
    // Columns as the packer lays them out (column-major): entity ints start,end,text,type,entityId,canonical; floats confidence,cluster.
    // Quote ints start,end,text,speakerName,speakerEntityId,kind,cueStart,cueEnd,mentionStart,mentionEnd; floats confidence,speakerCluster.
    const ints = (t: PackedTable, edit: (a: Int32Array, n: number) => void): void => {
      const a = new Int32Array(new Uint8Array(Buffer.from(t.ints, 'base64')).buffer);
      edit(a, t.count);
      t.ints = Buffer.from(a.buffer).toString('base64');
    };
    const floats = (t: PackedTable, edit: (a: Float64Array, n: number) => void): void => {
      const a = new Float64Array(new Uint8Array(Buffer.from(t.floats, 'base64')).buffer);
      edit(a, t.count);
      t.floats = Buffer.from(a.buffer).toString('base64');
    };
    const bad: [string, (p: PackedAnalysis) => void][] = [
      ['short column', (p) => { p.entities.count = 3; }],
      ['truncated bytes', (p) => { p.entities.ints = p.entities.ints.slice(0, -8); }],
      ['not base64', (p) => { p.quotes.floats = '%%%%'; }],
      ['negative start', (p) => ints(p.entities, (a) => { a[0] = -1; })],
      ['end before start', (p) => ints(p.quotes, (a, n) => { a[n] = 0; })],
      ['string index out of range', (p) => ints(p.entities, (a, n) => { a[5 * n] = p.strings.length; })],
      ['unknown entity type', (p) => ints(p.entities, (a, n) => { a[3 * n] = 4; })],
      ['unknown quote kind', (p) => ints(p.quotes, (a, n) => { a[5 * n] = 2; })],
      ['half a null span', (p) => ints(p.quotes, (a, n) => { a[6 * n] = -1; })],
      ['non-finite confidence', (p) => floats(p.quotes, (a) => { a[0] = Number.NaN; })],
      ['infinite cluster', (p) => floats(p.entities, (a, n) => { a[n] = Number.POSITIVE_INFINITY; })],
      ['count as string', (p) => { (p.entities as unknown as Record<string, unknown>)['count'] = '2'; }],
      ['speaker id without name', (p) => ints(p.quotes, (a, n) => { a[3 * n] = -1; })],
      ['non-string in table', (p) => { (p.strings as unknown[])[0] = 7; }],
      ['wrong format tag', (p) => { (p as { format: string }).format = 'v0'; }],
      ['bad topic', (p) => { (p.topics as unknown[]).push({ id: 3 }); }],
      ['bad concept', (p) => { (p.concepts as unknown[]).push({ text: 'x', start: 2, end: 1, entityId: 'e' }); }],
    ];
    expect(isAnalyseResponse(response(good))).toBe(true);
    for (const [what, spoil] of bad) {
      const p = structuredClone(good);
      spoil(p);
      expect(isAnalyseResponse(response(p)), what).toBe(false);
    }
    expect(isPackedAnalysisShape(null)).toBe(false);
    expect(isAnalyseResponse({ ok: true, analysis: sample, contexts: {}, uiLang: 'en' })).toBe(false);
    expect(isAnalyseResponse({ ...(response(good) as object), contexts: { x: { id: 'x' } } })).toBe(false);
  });
});
