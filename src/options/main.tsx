/** Options page entry. */
import { render } from 'preact';
import { browser } from '../shared/browser.ts';
import { t } from '../shared/ui-i18n.ts';
import { OptionsApp } from './options-app.tsx';
import './options.css';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
