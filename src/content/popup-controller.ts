/**
 * When the page's one popup opens and closes: after a hover-intent delay over
 * a name (pointer hit-tested against the painted ranges), at once when the
 * keyboard focus moves to a highlight, and closed by Escape, by scrolling
 * the anchor out of view, by the window losing focus, or by a click
 * elsewhere. All listeners stop on the page session's AbortSignal.
 */
import type { TextAnalysis } from '../core/types.ts';
import type { EntityContext } from '../shared/views.ts';
import type { Translate } from '../shared/i18n.ts';
import { HoverIntent } from '../dom/popup/hover-intent.ts';
import { PopupHost } from '../dom/popup/popup-host.ts';
import { entityPopup, quotePopup } from '../dom/popup/popup-content.ts';
import type { HighlightController, HitTarget } from './highlight-controller.ts';

export const HOVER_OPEN_DELAY_MS = 350;
export const HOVER_CLOSE_DELAY_MS = 300;

export class PopupController {
  private readonly host: PopupHost;
  private readonly intent: HoverIntent<HitTarget>;
  private frame = 0;
  private lastPoint: { x: number; y: number; target: EventTarget | null } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly highlights: HighlightController,
    private readonly analysis: TextAnalysis,
    private readonly contexts: Record<string, EntityContext>,
    private readonly t: Translate,
    signal: AbortSignal,
  ) {
    // Read when a popup first opens: the first i18n lookup in a page loads the message catalogue
    // synchronously (over 10 ms measured), which does not belong in the task that paints the highlights.
    const labels = { get close() { return t('popupClose'); }, get inArticle() { return t('popupInArticle'); } };
    this.host = new PopupHost(doc, labels, {
      onPointerEnter: () => this.intent.popupEnter(),
      onPointerLeave: () => this.intent.popupLeave(),
      onRequestClose: () => this.close(),
    });
    this.intent = new HoverIntent<HitTarget>({
      openDelay: HOVER_OPEN_DELAY_MS,
      closeDelay: HOVER_CLOSE_DELAY_MS,
      same: (a, b) => a.layer === b.layer && a.index === b.index,
      onOpen: (target) => this.show(target, false),
      onClose: () => this.host.close(),
    });
    const win = doc.defaultView;
    const opts = { signal, passive: true, capture: true } as const;
    doc.addEventListener('pointermove', (e) => this.onPointerMove(e), opts);
    doc.addEventListener('pointerdown', (e) => {
      if (this.host.isOpen && !this.host.contains(e.target as Node | null)) this.close();
    }, opts);
    doc.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.host.isOpen) this.close();
    }, { signal, capture: true });
    doc.addEventListener('scroll', () => this.onScroll(), opts);
    win?.addEventListener('blur', () => this.close(), { signal });
    signal.addEventListener('abort', () => {
      if (this.frame && win) win.cancelAnimationFrame(this.frame);
      this.close();
    }, { once: true });
  }

  /** Open at once for a keyboard-focused highlight (entities and quotes). */
  openForKeyboard(target: HitTarget): void {
    this.intent.adopt(target);
    this.show(target, true);
  }

  close(): void {
    this.intent.reset();
    this.host.close();
  }

  get isOpen(): boolean {
    return this.host.isOpen;
  }

  private onPointerMove(e: PointerEvent): void {
    if (e.pointerType === 'touch') return;
    this.lastPoint = { x: e.clientX, y: e.clientY, target: e.target };
    const win = this.doc.defaultView;
    if (this.frame || !win) return;
    // One hit test per frame at most: pointermove can fire far more often.
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      const p = this.lastPoint;
      if (!p) return;
      if (this.host.contains(p.target as Node | null)) return;
      const hit = this.highlights.hitTest(p.x, p.y, p.target);
      // Hover opens popups for names only; quotes are long and would pop up while reading.
      this.intent.pointerAt(hit && hit.layer !== 'quote' ? hit : null);
    });
  }

  private onScroll(): void {
    const range = this.host.anchorRange;
    if (!range) return;
    const r = range.getBoundingClientRect();
    const h = this.doc.defaultView?.innerHeight ?? 0;
    if (r.bottom < 0 || r.top > h) this.close();
  }

  private show(target: HitTarget, viaKeyboard: boolean): void {
    const range = this.highlights.rangeOf(target.layer, target.index);
    if (!range) return;
    const content = target.layer === 'quote'
      ? quotePopup(target.quote, this.analysis, this.contexts, this.t)
      : entityPopup(target.entity, this.analysis, this.contexts, this.t);
    const p = this.lastPoint;
    this.host.open(content, range, {
      dark: this.highlights.palette.scheme === 'dark',
      focus: viaKeyboard,
      ...(p && !viaKeyboard ? { point: { x: p.x, y: p.y } } : {}),
    });
  }
}
