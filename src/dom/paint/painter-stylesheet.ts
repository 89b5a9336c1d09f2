/**
 * Where the painter's CSS lives on the page.
 *
 * Preferred (Highlight API mode): one constructed stylesheet in
 * `document.adoptedStyleSheets`. It is no DOM node, so the page's DOM is
 * exactly as before whether or not it is adopted, and it stays adopted from
 * the first paint until the painter is destroyed: on a huge page adding or
 * removing any stylesheet costs a page-wide restyle (8–19 ms on the 1 MB
 * article), so toggling kinds must not touch stylesheets at all. Rules for
 * `::highlight(kontext-*)` with no registered highlight paint nothing.
 * Constructed sheets are not governed by a page's `style-src` CSP.
 *
 * Fallback (no constructible sheets, adoption refused — e.g. a content-script
 * world that cannot hand the sheet to the page — and the wrapper mode, which
 * changes the DOM anyway): a `<style id="kontext-highlight-style">` present
 * only while something is painted.
 */
import { STYLE_ID } from './highlight-styles.ts';

export class PainterStylesheet {
  private css = '';
  private styleEl: HTMLStyleElement | null = null;
  private sheet: CSSStyleSheet | null = null;
  /** Once adoption failed on this page, use the <style> element for the rest of the session. */
  private adoptFailed: boolean;

  constructor(private readonly doc: Document, preferAdopted: boolean) {
    this.adoptFailed = !preferAdopted;
  }

  setCss(css: string): void {
    // A refresh hands the same CSS over again: replacing an adopted sheet's rules restyles the whole page.
    if (css === this.css) return;
    this.css = css;
    if (this.styleEl) this.styleEl.textContent = css;
    if (this.sheet) {
      try { this.sheet.replaceSync(css); } catch { /* keep the previous rules */ }
    }
  }

  /** Make sure the CSS applies when `need`; the <style> fallback also leaves when not needed. */
  sync(need: boolean): void {
    if (need && !this.adoptFailed) {
      if (this.adopt()) return;
      this.adoptFailed = true;
    }
    if (need && !this.styleEl) {
      const el = this.doc.createElement('style');
      el.id = STYLE_ID;
      el.textContent = this.css;
      (this.doc.head ?? this.doc.documentElement).append(el);
      this.styleEl = el;
    } else if (!need && this.styleEl) {
      this.styleEl.remove();
      this.styleEl = null;
    }
  }

  /** Put the CSS back if the page removed it (pages that strip foreign nodes or reset adoptedStyleSheets). */
  restore(need: boolean): void {
    if (this.styleEl && !this.styleEl.isConnected) this.styleEl = null;
    if (this.sheet && !this.isAdopted(this.sheet)) this.sheet = null;
    this.sync(need);
  }

  /** Remove everything (end of the page session). */
  release(): void {
    if (this.sheet) {
      const sheet = this.sheet;
      this.sheet = null;
      try {
        this.doc.adoptedStyleSheets = Array.from(this.doc.adoptedStyleSheets).filter((s) => s !== sheet);
      } catch { /* the page's document is gone or refuses: nothing left to clean */ }
    }
    this.sync(false);
  }

  private isAdopted(sheet: CSSStyleSheet): boolean {
    try { return Array.from(this.doc.adoptedStyleSheets).includes(sheet); } catch { return false; }
  }

  /** Adopt the constructed sheet (once); false when this page or world does not allow it. */
  private adopt(): boolean {
    if (this.sheet) return true;
    try {
      const win = this.doc.defaultView as (Window & typeof globalThis) | null;
      if (!win || typeof win.CSSStyleSheet !== 'function' || !this.doc.adoptedStyleSheets) return false;
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(this.css);
      this.doc.adoptedStyleSheets = [...Array.from(this.doc.adoptedStyleSheets), sheet];
      if (!this.isAdopted(sheet)) return false;
      this.sheet = sheet;
      return true;
    } catch {
      return false;
    }
  }
}
