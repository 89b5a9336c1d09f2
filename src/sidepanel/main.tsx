/** Side panel entry (Chrome side panel and Firefox sidebar use this same page). */
import { render } from 'preact';
import { t } from '../shared/ui-i18n.ts';
import { App } from './app.tsx';
import './panel.css';

document.documentElement.lang = t('localeCode');
document.title = t('panelTitle');
const root = document.getElementById('app');
if (root) render(<App />, root);
