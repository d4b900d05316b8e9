/** @jest-environment jsdom */
import { CHECK_ACTION, COMPUTE_ACTION, noticeUrl, registerCommands, renderNotice, runCommand } from '../../src/commands/commands';
import type { CommandHost } from '../../src/commands/handlers';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';

type Handler = (event: { completed(): void }) => void;

function stubOffice() {
  const handlers = new Map<string, Handler>();
  const sent: string[] = [];
  (globalThis as unknown as { Office: unknown }).Office = {
    actions: { associate: (id: string, handler: Handler) => handlers.set(id, handler) },
    context: { displayLanguage: 'it-IT', ui: { messageParent: (m: string) => sent.push(m) } },
  };
  return { handlers, sent };
}

afterEach(() => {
  delete (globalThis as unknown as { Office?: unknown }).Office;
});

function host(): CommandHost & { notices: string[] } {
  const notices: string[] = [];
  return { port: new MemoryWorkbook(), lang: 'it', notify: async (text) => void notices.push(text), showPane: async () => false, notices };
}

describe('function file', () => {
  it('associates Verifica and Calcola, and each completes its event once its notice is closed', async () => {
    const { handlers } = stubOffice();
    const made = host();
    registerCommands(() => made);
    expect([...handlers.keys()]).toEqual([CHECK_ACTION, COMPUTE_ACTION]);
    for (const id of [CHECK_ACTION, COMPUTE_ACTION]) {
      const completed = new Promise<void>((resolve) => handlers.get(id)!({ completed: resolve }));
      await completed;
    }
    expect(made.notices).toHaveLength(2);
    expect(made.notices[0]).toContain('non contiene tabelle di Traguardo');
  });

  it('completes the event even when telling the user fails', async () => {
    let completed = 0;
    const broken: CommandHost = { ...host(), notify: async () => Promise.reject(new Error('dialog refused')) };
    await expect(runCommand(async (h) => h.notify('x', 'success'), broken, { completed: () => void completed++ })).rejects.toThrow('dialog refused');
    expect(completed).toBe(1);
  });

  it('the notice dialog is this page with the text and intent as parameters', () => {
    const url = noticeUrl('https://localhost:3000/commands.html?_host_Info=Excel#x', 'Calcolo completato: grado 91,5 %', 'success');
    expect(url).toBe('https://localhost:3000/commands.html?notice=Calcolo+completato%3A+grado+91%2C5+%25&intent=success');
  });

  it('the notice shows its text and its button asks Excel to close it', () => {
    const { sent } = stubOffice();
    renderNotice(document, '?notice=Verifica+completata&intent=warning');
    expect(document.body.getAttribute('data-intent')).toBe('warning');
    expect(document.querySelector('[role=status]')?.textContent).toBe('Verifica completata');
    const button = document.querySelector('button')!;
    expect(button.textContent).toBe('Chiudi');
    expect(document.activeElement).toBe(button);
    button.click();
    expect(sent).toEqual(['close']);
  });
});
