/// <reference types="office-js" />
/**
 * The ribbon's function file. Loaded by commands.html in two roles:
 * - as the function file, it registers Verifica and Calcola (`Office.actions.associate`);
 * - as `commands.html?notice=…`, it is the small dialog that shows a command's result.
 *
 * Why a dialog: a function command has no UI of its own, Excel has no toast API for add-ins, and
 * opening the task pane from a command needs the shared runtime, which this add-in does not use.
 * `displayDialogAsync` works in Excel on the web and on desktop; the command completes when the
 * user closes the notice (or when it cannot be shown), so Excel keeps the function file alive
 * while the dialog is open.
 */
import { message } from '../i18n';
import { officeLang } from '../workbook/office/host';
import { recognisedNames } from '../workbook/headers';
import { OfficeWorkbook } from '../workbook/office/officeWorkbook';
import { checkCommand, computeCommand, type CommandHost, type NoticeIntent } from './handlers';

export const CHECK_ACTION = 'traguardoVerifica';
export const COMPUTE_ACTION = 'traguardoCalcola';

const CLOSE_MESSAGE = 'close';

/** The address of the notice dialog: this same page, with the text to show. */
export function noticeUrl(page: string, text: string, intent: NoticeIntent): string {
  const url = new URL(page);
  url.search = new URLSearchParams({ notice: text, intent }).toString();
  url.hash = '';
  return url.toString();
}

function openNotice(text: string, intent: NoticeIntent): Promise<void> {
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(noticeUrl(window.location.href, text, intent), { height: 25, width: 30, displayInIframe: true }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      // Closed with its own ✕: Excel reports it as an event.
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

async function openPane(): Promise<boolean> {
  const addin = (Office as unknown as { addin?: { showAsTaskpane?: () => Promise<void> } }).addin;
  if (!addin?.showAsTaskpane) return false;
  try {
    await addin.showAsTaskpane();
    return true;
  } catch {
    return false;
  }
}

export function officeCommandHost(): CommandHost {
  return { port: new OfficeWorkbook({ recognises: recognisedNames() }), lang: officeLang(Office.context.displayLanguage), notify: openNotice, showPane: openPane };
}

/** Runs a command and always tells Excel it is over, whatever happened. */
export async function runCommand(command: (host: CommandHost) => Promise<void>, host: CommandHost, event: { completed(): void }): Promise<void> {
  try {
    await command(host);
  } finally {
    event.completed();
  }
}

export function registerCommands(makeHost: () => CommandHost = officeCommandHost): void {
  Office.actions.associate(CHECK_ACTION, (event: Office.AddinCommands.Event) => void runCommand(checkCommand, makeHost(), event));
  Office.actions.associate(COMPUTE_ACTION, (event: Office.AddinCommands.Event) => void runCommand(computeCommand, makeHost(), event));
}

/** The notice dialog: the text, and a button that asks the command to close the dialog. */
export function renderNotice(document: Document, search: string): void {
  const params = new URLSearchParams(search);
  const lang = officeLang(typeof Office !== 'undefined' ? Office.context?.displayLanguage : undefined);
  const body = document.body;
  body.replaceChildren();
  body.setAttribute('data-intent', params.get('intent') ?? 'success');
  const title = document.createElement('h1');
  title.textContent = message('command-notify-title', {}, lang);
  const text = document.createElement('p');
  text.setAttribute('role', 'status');
  text.textContent = params.get('notice') ?? '';
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = message('command-notify-close', {}, lang);
  close.addEventListener('click', () => Office.context.ui.messageParent(CLOSE_MESSAGE));
  body.append(title, text, close);
  close.focus();
}

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    if (new URLSearchParams(window.location.search).has('notice')) renderNotice(document, window.location.search);
    else registerCommands();
  });
}
