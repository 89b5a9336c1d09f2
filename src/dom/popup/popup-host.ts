/**
 * The one popup on a page: a `<kontext-popup>` host element with an OPEN
 * shadow root (open so browser tests can read it via
 * `document.querySelector('kontext-popup').shadowRoot`; it shows nothing
 * the page does not already show, plus public knowledge-pack text). The host
 * is added when a popup opens and removed when it closes, so a page without
 * an open popup carries no trace of it. Where supported the host is a
 * `popover="manual"` element, which puts it in the top layer above any
 * z-index the page uses.
 *
 * The markup is built with plain DOM calls into the shadow root
 * (popup-dom.ts) and placed against the highlighted Range, on the line the
 * pointer is on (popup-position.ts): no UI or positioning library in the
 * script every page evaluates.
 */
import type { PopupContent } from './popup-content.ts';
import { renderPopup } from './popup-dom.ts';
import { followAnchor, positionPopup } from './popup-position.ts';
import { POPUP_CSS } from './popup-styles.ts';

export const POPUP_TAG = 'kontext-popup';

export interface PopupLabels { close: string; inArticle: string }

export interface PopupEvents {
  onPointerEnter: () => void;
  onPointerLeave: () => void;
  /** Closed from inside (close button, Escape while focused inside). */
  onRequestClose: () => void;
}

export class PopupHost {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private stopAutoUpdate: (() => void) | null = null;
  private anchor: Range | null = null;
  private restoreFocus: Element | null = null;

  constructor(private readonly doc: Document, private readonly labels: PopupLabels, private readonly events: PopupEvents) {}

  get isOpen(): boolean {
    return this.host !== null;
  }

  /** True when the node is inside the popup (for pointer and focus checks). */
  contains(node: Node | null): boolean {
    return node !== null && this.host !== null && (node === this.host || this.host.contains(node));
  }

  /** The Range the open popup is attached to. */
  get anchorRange(): Range | null {
    return this.anchor;
  }

  open(content: PopupContent, anchor: Range, opts: { dark: boolean; focus: boolean; point?: { x: number; y: number } }): void {
    const { mount } = this.ensureHost();
    this.anchor = anchor;
    const floating = renderPopup(mount, {
      content, dark: opts.dark, closeLabel: this.labels.close, inArticleLabel: this.labels.inArticle,
      onClose: () => this.events.onRequestClose(),
    });
    const point = opts.point;
    const update = (): void => positionPopup(anchor, floating, point);
    this.stopAutoUpdate?.();
    update();
    this.stopAutoUpdate = followAnchor(floating, update);
    if (opts.focus) {
      const active = this.doc.activeElement;
      if (!this.contains(active)) this.restoreFocus = active;
      floating.focus({ preventScroll: true });
    }
  }

  close(): void {
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = null;
    this.anchor = null;
    const host = this.host;
    if (!host) return;
    const hadFocus = this.contains(this.doc.activeElement);
    host.remove();
    this.host = null;
    this.mount = null;
    const back = this.restoreFocus;
    this.restoreFocus = null;
    if (hadFocus && back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  private ensureHost(): { host: HTMLElement; mount: HTMLElement } {
    if (this.host && this.mount && this.host.isConnected) return { host: this.host, mount: this.mount };
    this.host?.remove();
    const host = this.doc.createElement(POPUP_TAG);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = POPUP_CSS;
    const mount = this.doc.createElement('div');
    shadow.append(style, mount);
    host.addEventListener('pointerenter', () => this.events.onPointerEnter());
    host.addEventListener('pointerleave', () => this.events.onPointerLeave());
    shadow.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') {
        e.stopPropagation();
        this.events.onRequestClose();
      }
    });
    const supportsPopover = typeof (host as HTMLElement & { showPopover?: unknown }).showPopover === 'function';
    if (supportsPopover) host.setAttribute('popover', 'manual');
    this.doc.documentElement.append(host);
    if (supportsPopover) {
      try { host.showPopover(); } catch { /* not in the document any more, or popover refused: fixed positioning still works */ }
    }
    this.host = host;
    this.mount = mount;
    return { host, mount };
  }
}
