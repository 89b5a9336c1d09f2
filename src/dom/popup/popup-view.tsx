/**
 * The popup's markup (Preact). A dialog that is labelled by its heading and
 * described by its text, so screen readers announce it when it takes focus
 * (keyboard navigation); never aria-hidden.
 */
import type { PopupContent } from './popup-content.ts';

export interface PopupViewProps {
  content: PopupContent;
  dark: boolean;
  closeLabel: string;
  inArticleLabel: string;
  onClose: () => void;
}

export function PopupView({ content, dark, closeLabel, inArticleLabel, onClose }: PopupViewProps) {
  return (
    <div
      class={dark ? 'popup dark' : 'popup'}
      role="dialog"
      aria-modal="false"
      aria-labelledby="kontext-popup-title"
      aria-describedby="kontext-popup-desc"
      tabIndex={-1}
      data-kontext-popup-kind={content.kind}
    >
      <div class="label">{content.label}</div>
      <h2 id="kontext-popup-title">{content.heading}</h2>
      {content.roles.length > 0 && (
        <ul class="roles">
          {content.roles.map((r) => <li key={r}>{r}</li>)}
        </ul>
      )}
      <p id="kontext-popup-desc">{content.description}</p>
      {content.roleLines.length > 0 && (
        <>
          <h3>{inArticleLabel}</h3>
          <ul class="role-lines">
            {content.roleLines.map((l) => <li key={l}>{l}</li>)}
          </ul>
        </>
      )}
      <button type="button" class="close" aria-label={closeLabel} title={closeLabel} onClick={onClose}>×</button>
    </div>
  );
}
