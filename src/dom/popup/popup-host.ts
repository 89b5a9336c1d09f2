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
 * (popup-dom.ts): a UI library buys little for one small card, and the
 * content script is evaluated on every page. Positioning is @floating-ui/dom
 * (about 5 KB gzip): it handles wrapped names (the line under the pointer),
 * flipping above, staying in the viewport, and following scrolls in any
 * scroll container, which a hand-written version would have to re-learn.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, type VirtualElement } from '@floating-ui/dom';
import type { PopupContent } from './popup-content.ts';
import { renderPopup } from './popup-dom.ts';
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
    const reference: VirtualElement = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    const point = opts.point;
    const update = (): void => {
      void computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [inline(point ? { x: point.x, y: point.y } : undefined), offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        floating.style.left = `${Math.round(x)}px`;
        floating.style.top = `${Math.round(y)}px`;
      });
    };
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = autoUpdate(reference, floating, update, { animationFrame: false });
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
