/**
 * Every shipped pack must pass the validator (a broken pack fails the
 * build's tests), and the validator must actually catch the mistakes a
 * hand-edited pack tends to have.
 */
import { describe, expect, it } from 'vitest';
import { PACK_DATA } from '../../knowledge/index.ts';
import { validatePack } from './validate-pack.ts';

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

type Raw = {
  entities: { id: string; sources: string[]; refs?: { needs?: string[]; from?: string; to?: string }[]; when?: unknown; type: string }[];
  timeline: { id: string; date: string; entities: string[] }[];
  disagreements: { about: string[] }[];
};

describe('knowledge packs', () => {
  it('ships at least one pack', () => {
    expect(PACK_DATA.length).toBeGreaterThan(0);
  });

  for (const raw of PACK_DATA) {
    const id = (raw as { id?: string }).id ?? '?';
    it(`pack ${id} is valid`, () => {
      expect(validatePack(raw)).toEqual([]);
    });
    it(`pack ${id} fits the bundle budget (< 250 KB)`, () => {
      expect(JSON.stringify(raw).length).toBeLessThan(250_000);
    });
  }
});

describe('validatePack catches broken packs', () => {
  const base = PACK_DATA[0] as Raw;

  it('a fact without a source', () => {
    const p = clone(base);
    p.entities[0]!.sources = [];
    expect(validatePack(p).join('\n')).toMatch(/sources: must not be empty/);
  });

  it('a timeline entry about an unknown entity', () => {
    const p = clone(base);
    p.timeline[0]!.entities.push('no-such-entity');
    expect(validatePack(p).join('\n')).toMatch(/unknown entity "no-such-entity"/);
  });

  it('a bad date and a timeline out of order', () => {
    const p = clone(base);
    p.timeline[0]!.date = '2019-13-01';
    const q = clone(base);
    q.timeline[0]!.date = '2030-01-01';
    expect(validatePack(p).join('\n')).toMatch(/is not a date/);
    expect(validatePack(q).join('\n')).toMatch(/not in date order/);
  });

  it('duplicate entity ids and an event without a date', () => {
    const p = clone(base);
    p.entities.push(clone(p.entities[0]!));
    const ev = p.entities.find((e) => e.type === 'event')!;
    delete ev.when;
    const errors = validatePack(p).join('\n');
    expect(errors).toMatch(/duplicate id/);
    expect(errors).toMatch(/events need a date/);
  });

  it('a ref whose period ends before it starts, and a disagreement about nothing known', () => {
    const p = clone(base);
    const withRef = p.entities.find((e) => (e.refs ?? []).length > 0)!;
    withRef.refs![0]!.from = '2020-01-01';
    withRef.refs![0]!.to = '2019-01-01';
    p.disagreements[0]!.about = ['nothing-here'];
    const errors = validatePack(p).join('\n');
    expect(errors).toMatch(/ends \(2019-01-01\) before it starts/);
    expect(errors).toMatch(/unknown id "nothing-here"/);
  });

  it('not an object at all', () => {
    expect(validatePack(null)).not.toEqual([]);
    expect(validatePack({ format: 2 }).length).toBeGreaterThan(3);
  });
});
