import { describe, expect, it } from 'vitest';
import { diffArticleText } from './article-diff.ts';

const A = 'Erster Absatz über das Treffen.';
const B = 'Zweiter Absatz, mit einem Zitat.';
const C = 'Dritter Absatz am Ende.';
const join = (...blocks: string[]): string => blocks.join('\n\n');

describe('diffArticleText', () => {
  it('says "same" for identical text, so nothing is analysed again', () => {
    expect(diffArticleText(join(A, B), join(A, B))).toMatchObject({ kind: 'same', addedChars: 0 });
  });

  it('finds paragraphs appended at the end ("load more")', () => {
    const d = diffArticleText(join(A, B), join(A, B, C));
    expect(d).toMatchObject({ kind: 'appended', headBlocks: 2, tailBlocks: 0, removedBlocks: 0, addedBlocks: 1, addedChars: C.length });
    expect(join(A, B, C).slice(0, d.headChars)).toBe(join(A, B));
  });

  it('finds posts prepended at the top (live blog), with the old text as the tail', () => {
    const post = '12:03 Uhr: Neue Meldung.';
    const oldText = join(A, B);
    const newText = join(post, A, B);
    const d = diffArticleText(oldText, newText);
    expect(d).toMatchObject({ kind: 'prepended', headBlocks: 0, tailBlocks: 2, addedBlocks: 1, headChars: 0 });
    expect(newText.slice(d.newTail)).toBe(oldText.slice(d.oldTail));
    expect(d.newTail - d.oldTail).toBe(post.length + 2);
  });

  it('finds a paragraph replaced in the middle, and one removed', () => {
    const changed = diffArticleText(join(A, B, C), join(A, 'Ganz neu.', C));
    expect(changed).toMatchObject({ kind: 'changed', headBlocks: 1, tailBlocks: 1, removedBlocks: 1, addedBlocks: 1, addedChars: 'Ganz neu.'.length });
    expect(diffArticleText(join(A, B, C), join(A, C))).toMatchObject({ kind: 'removed', headBlocks: 1, tailBlocks: 1, removedBlocks: 1, addedBlocks: 0 });
  });

  it('treats a paragraph that grew as changed, not as equal', () => {
    const d = diffArticleText(join(A, B), join(A, `${B} Und noch ein Satz.`));
    expect(d).toMatchObject({ kind: 'changed', headBlocks: 1, tailBlocks: 0, removedBlocks: 1, addedBlocks: 1 });
  });

  it('never lets head and tail overlap when a block repeats', () => {
    // Old "A A", new "A A A": two blocks match from the front, so only one new block is counted, at the end.
    const d = diffArticleText(join(A, A), join(A, A, A));
    expect(d.headBlocks + d.tailBlocks).toBe(2);
    expect(d).toMatchObject({ kind: 'appended', addedBlocks: 1 });
  });

  it('handles an empty side', () => {
    expect(diffArticleText('', join(A, B))).toMatchObject({ kind: 'appended', addedBlocks: 2 });
    expect(diffArticleText(join(A, B), '')).toMatchObject({ kind: 'removed', removedBlocks: 2, addedBlocks: 0 });
  });
});
