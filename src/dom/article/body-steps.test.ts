/**
 * chooseBodySteps is chooseBody cut into slices: on a page with thousands of
 * blocks it offers to yield inside its passes, and resumed after each yield
 * it picks the same container with the same statistics and blocks.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlString } from '../../node/parse-html.ts';
import { scanBlocks } from './blocks.ts';
import { chooseBody, chooseBodySteps } from './body.ts';

function page(paras: number, teasers: number): Document {
  const p = Array.from({ length: paras }, (_, i) => `<p>Paragraph ${i} of the story says what the delegation discussed on day ${i} of the talks, and why it matters.</p>`).join('');
  const t = Array.from({ length: teasers }, (_, i) => `<li><a href="/x${i}">Teaser headline number ${i}</a></li>`).join('');
  return parseHtmlString(`<!doctype html><html><body><div class="page"><main><div class="story">${p}</div></main><aside><ul>${t}</ul></aside></div></body></html>`);
}

describe('chooseBodySteps', () => {
  it('yields inside its passes on a big page and returns what chooseBody returns', () => {
    const doc = page(3000, 3000);
    const scope = doc.documentElement;
    const blocks = scanBlocks(scope);
    const once = chooseBody(blocks, scope);
    const steps = chooseBodySteps(blocks, scope, () => true);
    let yields = 0;
    let r = steps.next();
    while (!r.done) {
      yields++;
      r = steps.next();
    }
    expect(yields).toBeGreaterThan(blocks.length / 512);
    expect(once?.root.getAttribute('class')).toBe('story');
    expect(r.value?.root).toBe(once?.root);
    expect(r.value?.stats).toEqual(once?.stats);
    expect(r.value?.inRoot).toEqual(once?.inRoot);
  });
  it('never yields when nothing asks it to', () => {
    const doc = page(50, 50);
    const steps = chooseBodySteps(scanBlocks(doc.documentElement), doc.documentElement, null);
    expect(steps.next().done).toBe(true);
  });
});
