/**
 * Entry of the browser preview (`npm run preview`): the task pane outside Office, on a workbook
 * held in the page. Language and theme come from the browser, as Office's would in Excel.
 */
import { createRoot } from 'react-dom/client';
import type { Lang } from '../i18n';
import { PreviewApp } from './PreviewApp';

const lang: Lang = navigator.language.toLowerCase().startsWith('en') ? 'en' : 'it';
const theme = window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';

createRoot(document.getElementById('root') as HTMLElement).render(<PreviewApp initialLang={lang} theme={theme} />);
