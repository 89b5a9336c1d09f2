/** The panel's states other than "ready": progress, no article, off limits, switched off, failed. */
import type { TabView } from '../../shared/views.ts';
import { t } from '../../shared/ui-i18n.ts';

export function StatusMessage({ status, onRunNow }: { status: TabView['status']; onRunNow: () => void }) {
  switch (status) {
    case 'analysing':
      return <div class="state" data-state="analysing"><span class="spinner" aria-hidden="true" /><p>{t('panelAnalysing')}</p></div>;
    case 'no-article':
      return <div class="state" data-state="no-article"><h2>{t('panelNoArticle')}</h2><p class="muted">{t('panelNoArticleHint')}</p></div>;
    case 'unavailable':
      return <div class="state" data-state="unavailable"><h2>{t('panelUnavailable')}</h2><p class="muted">{t('panelUnavailableHint')}</p></div>;
    case 'never':
      return <div class="state" data-state="never"><h2>{t('panelNever')}</h2></div>;
    case 'paused':
      return (
        <div class="state" data-state="paused">
          <h2>{t('panelPaused')}</h2>
          <button type="button" class="primary" onClick={onRunNow}>{t('panelRunNow')}</button>
        </div>
      );
    case 'error':
      return (
        <div class="state" data-state="error">
          <h2>{t('panelError')}</h2>
          <button type="button" class="primary" onClick={onRunNow}>{t('panelRunNow')}</button>
        </div>
      );
    case 'ready':
      return null;
  }
}
