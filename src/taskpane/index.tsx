/// <reference types="office-js" />
/**
 * The task pane inside Excel: builds the Office host services (they wait for Office.js) and renders
 * the pane. A failure before the pane exists (an Excel too old for Traguardo, office.js that could
 * not load) is shown in the pane's own message bar with a way to retry, never as a blank pane.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { officeLang } from '../workbook/office/host';
import { officeHostServices } from './officeHost';
import { TaskPaneApp } from './App';
import { NoticeBar } from './components';
import { errorNotice } from './notice';

const root = createRoot(document.getElementById('root') as HTMLElement);

function showStartupFailure(error: unknown): void {
  const lang = officeLang(typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <NoticeBar notice={{ ...errorNotice(error), action: 'reload' }} lang={lang} onAction={() => window.location.reload()} />
    </FluentProvider>,
  );
}

officeHostServices().then((host) => root.render(<TaskPaneApp host={host} />), showStartupFailure);
