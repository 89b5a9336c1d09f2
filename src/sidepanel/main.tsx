/** Side panel entry (Chrome side panel and Firefox sidebar use this same page). */
import { render } from 'preact';
import { browser } from '../shared/browser.ts';
import { t } from '../shared/ui-i18n.ts';
import { App } from './app.tsx';
import './panel.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('panelTitle');
const root = document.getElementById('app');
if (root) render(<App />, root);
