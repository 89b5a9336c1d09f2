/** Options page entry. */
import { render } from 'preact';
import { t } from '../shared/ui-i18n.ts';
import { OptionsApp } from './options-app.tsx';
import './options.css';

document.documentElement.lang = t('localeCode');
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
