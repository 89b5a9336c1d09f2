/**
 * Hover intent for popups, as a small state machine over timers: open only
 * after the pointer rests on the same target for `openDelay` (so sweeping
 * across a paragraph opens nothing); keep the popup while the pointer moves
 * from the target into the popup; close `closeDelay` after it left both.
 */
export interface HoverIntentOptions<T> {
  openDelay: number;
  closeDelay: number;
  onOpen: (target: T) => void;
  onClose: () => void;
  same: (a: T, b: T) => boolean;
}

export class HoverIntent<T> {
  private pending: T | null = null;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private current: T | null = null;
  private overPopup = false;

  constructor(private readonly opts: HoverIntentOptions<T>) {}

  /** The pointer is over `target` (null: over nothing of ours). */
  pointerAt(target: T | null): void {
    if (target !== null && this.current !== null && this.opts.same(target, this.current)) {
      this.cancelClose();
      this.cancelOpen();
      return;
    }
    if (target === null) {
      this.cancelOpen();
      if (this.current !== null && !this.overPopup) this.scheduleClose();
      return;
    }
    if (this.pending !== null && this.opts.same(target, this.pending)) return;
    this.cancelOpen();
    this.pending = target;
    this.openTimer = setTimeout(() => {
      this.openTimer = null;
      const t = this.pending;
      this.pending = null;
      if (t === null) return;
      this.cancelClose();
      this.current = t;
      this.opts.onOpen(t);
    }, this.opts.openDelay);
    if (this.current !== null && !this.overPopup) this.scheduleClose();
  }

  popupEnter(): void {
    this.overPopup = true;
    this.cancelClose();
  }

  popupLeave(): void {
    this.overPopup = false;
    if (this.current !== null) this.scheduleClose();
  }

  /** Opened some other way (keyboard): treat it as the current target. */
  adopt(target: T): void {
    this.cancelOpen();
    this.cancelClose();
    this.current = target;
  }

  /** The popup was closed from outside (Escape, scroll, blur). */
  reset(): void {
    this.cancelOpen();
    this.cancelClose();
    this.current = null;
    this.overPopup = false;
  }

  private scheduleClose(): void {
    if (this.closeTimer !== null) return;
    this.closeTimer = setTimeout(() => {
      this.closeTimer = null;
      if (this.overPopup) return;
      this.current = null;
      this.opts.onClose();
    }, this.opts.closeDelay);
  }
  private cancelOpen(): void {
    if (this.openTimer !== null) clearTimeout(this.openTimer);
    this.openTimer = null;
    this.pending = null;
  }
  private cancelClose(): void {
    if (this.closeTimer !== null) clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }
}
