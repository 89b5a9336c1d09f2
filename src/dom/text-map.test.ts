// @vitest-environment happy-dom
/**
 * TextMap round trips on small hand-written pages: inline markup, &nbsp;,
 * collapsed whitespace, soft hyphens, zero-width spaces and <br>. Every
 * offset range of the text must come back as a DOM Range with the same
 * characters (whitespace aside), and every character position must map back
 * to its own offset.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextMapBuilder, isCollapsibleSpace, isDroppedChar } from './text-map.ts';

function build(html: string): { doc: Document; text: string; map: ReturnType<TextMapBuilder['build']>['map'] } {
  // The window's own document: happy-dom's Range misbehaves on DOMParser documents. Test markup only, no page text.
  const doc = document;
  doc.body.innerHTML = html;
  const builder = new TextMapBuilder();
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) builder.appendText(c as Text);
      else if (c.nodeName === 'BR') builder.addBreak();
      else walk(c);
    }
  };
  for (const block of Array.from(doc.body.querySelectorAll('p, h2, li'))) {
    builder.startBlock();
    walk(block);
  }
  return { doc, ...builder.build(doc.body) };
}

const squeeze = (s: string): string => s.replace(/[\s\u00ad\u200b\u2060\ufeff]+/g, '');

const PAGES: [string, string][] = [
  ['<p>Hello <a href="/x">big</a> <em>wide</em>&nbsp;&nbsp;world.</p><p>\n  second\n   <strong>para</strong> </p>', 'Hello big wide world.\n\nsecond para'],
  ['<p>Die Denu&shy;klea&shy;ri&shy;sie&shy;rung ist <b>ein</b>&nbsp;Ziel.</p>', 'Die Denuklearisierung ist ein Ziel.'],
  ['<p>Zero\u200bwidth and <i> spaced </i> words</p>', 'Zerowidth and spaced words'],
  ['<p>line one<br>line <em>two</em><br></p><h2> Heading </h2><li>item &amp; more</li>', 'line one line two\n\nHeading\n\nitem & more'],
];

describe('TextMap', () => {
  for (const [html, expected] of PAGES) {
    it(`maps ${JSON.stringify(expected.slice(0, 24))} exactly`, () => {
      const { text, map } = build(html);
      expect(text).toBe(expected);
      for (let s = 0; s < text.length; s++) {
        for (let e = s + 1; e <= text.length; e++) {
          const range = map.toRange(s, e);
          expect(range, `range ${s}-${e}`).not.toBeNull();
          expect(squeeze(range!.toString())).toBe(squeeze(text.slice(s, e)));
        }
      }
    });

    it(`round-trips offsets in ${JSON.stringify(expected.slice(0, 24))}`, () => {
      const { text, map } = build(html);
      for (let s = 0; s < text.length; s++) {
        if (/\s/.test(text[s]!)) continue;
        const b = map.toBoundaries!(s, s + 1);
        expect(b).not.toBeNull();
        expect(b!.startNode.data.slice(b!.startOffset, b!.endOffset)).toBe(text[s]);
        expect(map.toOffset(b!.startNode, b!.startOffset)).toBe(s);
      }
    });
  }

  it('maps an element boundary to the next text offset and rejects positions outside', () => {
    const { doc, text, map } = build('<p>One <em>two</em> three</p>');
    const em = doc.querySelector('em')!;
    expect(map.toOffset(em, 0)).toBe(text.indexOf('two'));
    // After the last mapped character, still inside the article container: the end of the text.
    expect(map.toOffset(doc.body, doc.body.childNodes.length)).toBe(text.length);
    const outside = doc.createElement('div');
    doc.documentElement.appendChild(outside);
    expect(map.toOffset(outside, 0)).toBeNull();
  });

  it('hands the map over at build() and keeps nothing of the page (a builder stays alive for V8, not for the page)', () => {
    document.body.innerHTML = '<p>Alpha beta</p>';
    const builder = new TextMapBuilder();
    builder.startBlock();
    builder.appendText(document.querySelector('p')!.firstChild as Text);
    const first = builder.build(document.body);
    expect(first.text).toBe('Alpha beta');
    const again = builder.build(document.body);
    expect(again.text).toBe('');
    expect(again.map.nodes).toEqual([]);
    // The first map still answers: the builder gave its segments away rather than clearing them.
    expect(first.map.nodes).toHaveLength(1);
    expect(first.map.toOffset(first.map.nodes[0]!, 6)).toBe(6);
  });

  it('stops mapping once the page changed a mapped text node', () => {
    const { doc, map } = build('<p>Alpha beta gamma</p>');
    expect(map.isValid!()).toBe(true);
    (doc.querySelector('p')!.firstChild as Text).data = 'changed';
    expect(map.toRange(0, 5)).toBeNull();
    expect(map.isValid!()).toBe(false);
  });

  // Plain word-and-space text takes a shortcut past the per-character loop; both must give what the rules say.
  it('builds the text the collapsing rules define, for any mix of plain and special text', () => {
    const piece = fc.constantFrom('ab', 'Wort', 'x', ' ', '  ', '\n', '\u00a0', '\u00ad', '\u200b', '\t ', 'é', '"', '.');
    const nodeText = fc.array(piece, { maxLength: 8 }).map((xs) => xs.join(''));
    const item = fc.oneof({ weight: 5, arbitrary: nodeText }, { weight: 1, arbitrary: fc.constant(null) });
    const blocks = fc.array(fc.array(item, { maxLength: 5 }), { minLength: 1, maxLength: 4 });
    fc.assert(fc.property(blocks, fc.nat(6), (spec, skip) => {
      document.body.textContent = '';
      const builder = new TextMapBuilder();
      const expected: string[] = [];
      spec.forEach((items, bi) => {
        builder.startBlock(bi === 0 ? skip : 0);
        let raw = '';
        for (const it of items) {
          if (it === null) {
            builder.addBreak();
            raw += ' ';
            continue;
          }
          const node = document.createTextNode(it);
          document.body.appendChild(node);
          builder.appendText(node);
          raw += it;
        }
        let out = '';
        let toSkip = bi === 0 ? skip : 0;
        for (const ch of raw) {
          const c = ch.charCodeAt(0);
          if (isDroppedChar(c)) continue;
          if (isCollapsibleSpace(c)) out += ' ';
          else if (toSkip > 0) toSkip--;
          else out += ch;
        }
        const block = out.replace(/ +/g, ' ').trim();
        if (block.length > 0) expected.push(block);
      });
      const { text, map } = builder.build(document.body);
      expect(text).toBe(expected.join('\n\n'));
      for (let i = 0; i < text.length; i++) {
        if (/\s/.test(text[i]!)) continue;
        const b = map.toBoundaries(i, i + 1)!;
        expect(b.startNode.data.slice(b.startOffset, b.endOffset)).toBe(text[i]);
        expect(map.toOffset(b.startNode, b.startOffset)).toBe(i);
      }
    }), { numRuns: 300 });
  });
});
