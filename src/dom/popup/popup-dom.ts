/**
 * The popup's markup, built with plain DOM calls (no UI library: this code is
 * in the content script that every page evaluates, and a library's size is
 * paid there on every page load). A dialog labelled by its heading and
 * described by its text, so screen readers announce it when it takes focus
 * (keyboard navigation); never aria-hidden. Every text is set as text
 * (textContent), never as markup: names and descriptions come from pages.
 */
import type { PopupContent } from './popup-content.ts';

export interface PopupViewProps {
  content: PopupContent;
  dark: boolean;
  closeLabel: string;
  inArticleLabel: string;
  onClose: () => void;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function list(doc: Document, cls: string, items: readonly string[]): HTMLUListElement {
  const ul = el(doc, 'ul', undefined, cls);
  for (const item of items) ul.append(el(doc, 'li', item));
  return ul;
}

/**
 * Show `props` in `mount`. The dialog element itself is kept across calls
 * (moving from one name to the next keeps focus and does not replay the fade),
 * only its contents are replaced. Returns the dialog.
 */
export function renderPopup(mount: HTMLElement, props: PopupViewProps): HTMLElement {
  const doc = mount.ownerDocument;
  const { content } = props;
  let dialog = mount.firstElementChild as HTMLElement | null;
  if (!dialog) {
    dialog = el(doc, 'div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'false');
    dialog.setAttribute('aria-labelledby', 'kontext-popup-title');
    dialog.setAttribute('aria-describedby', 'kontext-popup-desc');
    dialog.tabIndex = -1;
    mount.append(dialog);
  }
  dialog.className = props.dark ? 'popup dark' : 'popup';
  dialog.setAttribute('data-kontext-popup-kind', content.kind);

  const heading = el(doc, 'h2', content.heading);
  heading.id = 'kontext-popup-title';
  const description = el(doc, 'p', content.description);
  description.id = 'kontext-popup-desc';
  const parts: Node[] = [el(doc, 'div', content.label, 'label'), heading];
  if (content.roles.length > 0) parts.push(list(doc, 'roles', content.roles));
  parts.push(description);
  if (content.roleLines.length > 0) parts.push(el(doc, 'h3', props.inArticleLabel), list(doc, 'role-lines', content.roleLines));
  const close = el(doc, 'button', '×', 'close');
  close.type = 'button';
  close.setAttribute('aria-label', props.closeLabel);
  close.title = props.closeLabel;
  close.addEventListener('click', () => props.onClose());
  parts.push(close);
  dialog.replaceChildren(...parts);
  return dialog;
}
