// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PopupHost, POPUP_TAG } from './popup-host.ts';
import type { PopupContent } from './popup-content.ts';

const content: PopupContent = {
  kind: 'entity', label: 'Person', heading: 'Maria <b>Keller</b>', roles: ['Mayor'], description: '<img src=x onerror=alert(1)>',
  roleLines: ['Quoted twice'],
};

function setup() {
  document.body.innerHTML = '<p>Maria Keller spoke.</p>';
  const p = document.querySelector('p')!;
  const range = document.createRange();
  range.setStart(p.firstChild!, 0);
  range.setEnd(p.firstChild!, 12);
  let closeRequests = 0;
  const host = new PopupHost(document, { close: 'Close', inArticle: 'In this article' }, {
    onPointerEnter: () => undefined, onPointerLeave: () => undefined, onRequestClose: () => { closeRequests++; },
  });
  return { host, range, closes: () => closeRequests };
}

describe('PopupHost', () => {
  it('renders one labelled dialog in an open shadow root and removes every trace on close', () => {
    const { host, range } = setup();
    const before = document.documentElement.innerHTML;
    host.open(content, range, { dark: false, focus: false });
    const el = document.querySelectorAll(POPUP_TAG);
    expect(el.length).toBe(1);
    const dialog = el[0]!.shadowRoot!.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('kontext-popup-title');
    expect(dialog.hasAttribute('aria-hidden')).toBe(false);
    expect(el[0]!.shadowRoot!.getElementById('kontext-popup-title')!.textContent).toBe('Maria <b>Keller</b>');
    // Page-derived text is text, never markup.
    expect(el[0]!.shadowRoot!.querySelector('img, b')).toBeNull();

    host.open({ ...content, heading: 'Other' }, range, { dark: true, focus: false });
    expect(document.querySelectorAll(POPUP_TAG).length).toBe(1);
    expect(document.querySelector(POPUP_TAG)!.shadowRoot!.querySelector('.popup.dark')).not.toBeNull();

    host.close();
    expect(document.querySelectorAll(POPUP_TAG).length).toBe(0);
    expect(document.documentElement.innerHTML).toBe(before);
  });

  it('asks to close on Escape inside the popup and on the close button', () => {
    const { host, range, closes } = setup();
    host.open(content, range, { dark: false, focus: true });
    const root = document.querySelector(POPUP_TAG)!.shadowRoot!;
    root.querySelector('.popup')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    expect(closes()).toBe(1);
    (root.querySelector('button.close') as HTMLButtonElement).click();
    expect(closes()).toBe(2);
    host.close();
  });
});
