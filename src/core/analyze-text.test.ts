import { describe, expect, it } from 'vitest';
import { displayedEntities } from './analyze-text.ts';
import type { EntityDetail } from './types.ts';

const mention = (text: string, start: number, cluster: number, confidence: number, entityId: string | null = null): EntityDetail => ({
  text, start, end: start + text.length, type: 'PER', entityId, confidence, cluster, canonical: text,
});

describe('displayedEntities', () => {
  it('shows every mention of a name once one mention passes the threshold', () => {
    const shown = displayedEntities([mention('Anna Berger', 0, 1, 0.99), mention('Berger', 40, 1, 0.3), mention('Egal', 60, 2, 0.3)], null);
    expect(shown.map((e) => e.text)).toEqual(['Anna Berger', 'Berger']);
  });
  it('shows names the knowledge pack knows whatever their confidence', () => {
    expect(displayedEntities([mention('Kim', 0, 3, 0.1, 'kim-jong-un')], null)).toHaveLength(1);
  });
});
