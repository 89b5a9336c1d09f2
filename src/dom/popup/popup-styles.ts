/**
 * The popup's own stylesheet, inside its shadow root. The host is reset with
 * `all: initial !important` (inside-shadow !important beats the page's
 * !important rules on the host), so page CSS cannot restyle the popup and
 * the popup's CSS cannot reach the page.
 */
export const POPUP_CSS = `
:host {
  all: initial !important;
  position: fixed !important;
  inset: 0 auto auto 0 !important;
  width: 0 !important;
  height: 0 !important;
  overflow: visible !important;
  z-index: 2147483647 !important;
  display: block !important;
  margin: 0 !important;
  padding: 0 !important;
  border: 0 !important;
  background: none !important;
}
.popup {
  position: fixed;
  top: 0;
  left: 0;
  box-sizing: border-box;
  width: max-content;
  max-width: min(340px, calc(100vw - 16px));
  padding: 12px 14px 12px;
  border-radius: 8px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  text-align: left;
  direction: ltr;
  background: #ffffff;
  color: #1b1b1b;
  border: 1px solid #8a8a8a;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.22);
  outline: none;
}
.popup.dark { background: #1f2328; color: #eeeeee; border-color: #8b949e; }
.popup:focus-visible { outline: 2px solid #0072b2; outline-offset: 2px; }
.dark.popup:focus-visible { outline-color: #56b4e9; }
.label { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: #4a4a4a; margin: 0 28px 2px 0; }
.dark .label { color: #c2c2c2; }
h2 { font-size: 16px; line-height: 1.3; margin: 0 28px 6px 0; font-weight: 650; }
.roles { margin: 0 0 6px; padding: 0; list-style: none; font-weight: 500; }
p { margin: 0 0 8px; }
h3 { font-size: 12px; margin: 8px 0 2px; text-transform: uppercase; letter-spacing: 0.04em; color: #4a4a4a; font-weight: 600; }
.dark h3 { color: #c2c2c2; }
ul.role-lines { margin: 0; padding: 0 0 0 18px; }
button.close {
  position: absolute; top: 6px; right: 6px; width: 28px; height: 28px;
  border: 0; border-radius: 4px; background: transparent; color: inherit;
  font: 20px/1 system-ui, sans-serif; cursor: pointer;
}
button.close:hover { background: rgba(127, 127, 127, 0.2); }
button.close:focus-visible { outline: 2px solid #0072b2; }
@media (prefers-reduced-motion: no-preference) {
  .popup { animation: kontext-fade 120ms ease-out; }
  @keyframes kontext-fade { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
}
`;
