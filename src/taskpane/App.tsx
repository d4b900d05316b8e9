/**
 * The task pane: six sections (Inizia, Verifica, Calcola, Persone, Regole, Scambio) over the host's
 * WorkbookPort, one message bar, Italian by default with a language switch. The same component
 * runs in Excel and in the browser preview; only `host` differs.
 */
import {
  Button,
  FluentProvider,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  Text,
  Tooltip,
  makeStyles,
  renderTabList_unstable,
  tokens,
  useTabListContextValues_unstable,
  useTabListStyles_unstable,
  useTabList_unstable,
  webDarkTheme,
  webLightTheme,
  useIsOverflowItemVisible,
  useOverflowMenu,
  type TabListProps,
  type TabListState,
} from '@fluentui/react-components';
import { LocalLanguage16Regular, MoreHorizontal20Regular } from '@fluentui/react-icons';
import { forwardRef, useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { scoreWorkbook, validateWorkbook, type Assessment, type Computed } from '../actions/assess';
import type { IsoDate } from '../schema/model';
import type { Stage } from '../actions/progress';
import { inspectWorkbook } from '../actions/inspect';
import { createOrUpgradeSheets, loadDemo, replacePlan, type SheetsOutcome } from '../actions/sheets';
import { message, type Lang } from '../i18n';
import type { RawTables } from '../schema/raw';
import { SUMMARY_SHEET } from '../schema/tables';
import type { WriteMode } from '../workbook/outputs';
import { CheckPanel } from './CheckPanel';
import { NoticeBar } from './components';
import { ComputePanel } from './ComputePanel';
import { PaneContext, type PaneContextValue } from './context';
import { ErrorBoundary } from './ErrorBoundary';
import { ExchangePanel } from './ExchangePanel';
import type { HostServices } from './host';
import { computedNotice, errorNotice, missingColumnsNotice, notice, staleNotice, workbookNotice, type Notice, type NoticeAction } from './notice';
import { PeoplePanel } from './PeoplePanel';
import { payInputOf } from '../engine/pay/fromPlan';
import type { PayView } from '../workbook/formulas/pay';
import { RulesPanel } from './RulesPanel';
import { CHECK_STAGES, COMPUTE_STAGES, paneReporter, type PaneProgress } from './progress';
import { browserPause } from '../workbook/cooperative';
import { StartPanel } from './StartPanel';

export type TabKey = 'start' | 'check' | 'compute' | 'people' | 'rules' | 'exchange';

const TABS: readonly TabKey[] = ['start', 'check', 'compute', 'people', 'rules', 'exchange'];

const useStyles = makeStyles({
  pane: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '100%',
    minWidth: 0,
    overflowX: 'hidden',
    minHeight: '100%',
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  tabs: { flexWrap: 'nowrap', minWidth: 0, overflow: 'hidden' },
  // Fluent's small tab pads 6 px a side; with 4 px, four of the six labels and the «more» menu share 320 px.
  tab: { paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
});

/**
 * A TabList whose tabs do not render the hidden bold copy of their label that keeps their width
 * when selected, so a tab's text is its label alone (what tests and assistive tools read). Built
 * from Fluent's hooks because this Fluent version also forwards a `reserveSelectedTabSpace` prop
 * to the DOM, where React rejects it.
 */
const CompactTabList = forwardRef<HTMLDivElement, TabListProps>(function CompactTabList(props, ref): ReactElement {
  const compact: TabListState = { ...useTabList_unstable(props, ref), reserveSelectedTabSpace: false };
  useTabListStyles_unstable(compact);
  return renderTabList_unstable(compact, useTabListContextValues_unstable(compact));
});

/** One entry of the «more» menu: shown only while its tab does not fit in the bar. */
function OverflowTabItem({ tab, label, onSelect }: { tab: TabKey; label: string; onSelect(tab: TabKey): void }): ReactElement | null {
  if (useIsOverflowItemVisible(tab)) return null;
  return (
    <MenuItem data-testid={`tab-menu-${tab}`} onClick={() => onSelect(tab)}>
      {label}
    </MenuItem>
  );
}

/**
 * The tabs that do not fit the pane's width (320 px in Excel, longer labels in English) go into a
 * «more» menu at the end of the bar instead of wrapping to a second line.
 */
function TabOverflowMenu({ label, labels, onSelect }: { label: string; labels: Record<TabKey, string>; onSelect(tab: TabKey): void }): ReactElement | null {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu hasIcons={false}>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" size="small" icon={<MoreHorizontal20Regular />} aria-label={label} data-testid="tab-more" data-count={overflowCount} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {TABS.map((tab) => (
            <OverflowTabItem key={tab} tab={tab} label={labels[tab]} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function sheetsNotice(outcome: SheetsOutcome): Notice {
  switch (outcome.kind) {
    case 'created':
      return notice('success', 'ui-sheets-created');
    case 'upgraded':
      // Tables added say more than pages: the print setup is named when it is all that changed.
      if (outcome.tables === 0) return notice('success', outcome.pages === 1 ? 'ui-sheets-pages-one' : 'ui-sheets-pages', { count: outcome.pages });
      return notice('success', outcome.tables === 1 ? 'ui-sheets-upgraded-one' : 'ui-sheets-upgraded', { count: outcome.tables });
    case 'up-to-date':
      return notice('info', 'ui-sheets-up-to-date');
  }
}

interface PaneProps {
  host: HostServices;
  lang: Lang;
  setLang(lang: Lang): void;
  onReload(): void;
}

function Pane({ host, lang, setLang, onReload }: PaneProps): ReactElement {
  const styles = useStyles();
  const [tab, setTab] = useState<TabKey>('start');
  const [noticeShown, setNotice] = useState<Notice | null>(null);
  const [running, setRunning] = useState(0);
  const [assessment, setAssessment] = useState<Assessment | null>(null);
  const [scored, setScored] = useState<Computed | null>(null);
  const [progress, setProgress] = useState<PaneProgress | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (action: () => Promise<Notice | null | undefined>): Promise<boolean> => {
    setRunning((n) => n + 1);
    try {
      const outcome = await action();
      if (mounted.current && outcome !== undefined) setNotice(outcome);
      return true;
    } catch (e) {
      if (mounted.current) setNotice(errorNotice(e));
      return false;
    } finally {
      if (mounted.current) setRunning((n) => n - 1);
    }
  }, []);

  // Opening the pane on any workbook says at once whether it can be used, and how to get there.
  useEffect(() => {
    void run(async () => workbookNotice(await inspectWorkbook(host.port)));
  }, [host, run]);

  /** The plan changed underneath: results shown so far no longer describe it. */
  const forgetResults = (): void => {
    setAssessment(null);
    setScored(null);
  };

  const createSheets = async (): Promise<Notice> => {
    const outcome = await createOrUpgradeSheets(host.port, lang);
    forgetResults();
    return sheetsNotice(outcome);
  };

  const demo = async (): Promise<Notice> => {
    const counts = await loadDemo(host.port, lang);
    forgetResults();
    return notice('success', 'ui-demo-loaded', { ...counts });
  };

  const importPlan = async (raw: RawTables, fileName: string): Promise<Notice> => {
    await replacePlan(host.port, raw, lang);
    forgetResults();
    return notice('success', 'ui-imported', { file: fileName });
  };

  const report = (stages: readonly Stage[]) =>
    paneReporter(stages, (shown) => {
      if (mounted.current) setProgress(shown);
    });

  const validate = async (): Promise<Notice> => {
    setProgress(null);
    const { assessment: found, writeError } = await validateWorkbook(host.port, lang, { progress: report(CHECK_STAGES), pause: browserPause });
    setAssessment(found);
    if (writeError !== null) return errorNotice(writeError);
    const missing = found.findings.filter((f) => f.rule === 'column-missing');
    if (missing.length > 0) return missingColumnsNotice(missing);
    const count = (s: string): number => found.findings.filter((f) => f.severity === s).length;
    const errors = count('errore');
    const warnings = count('avviso');
    if (found.stale !== null) return staleNotice(found.stale, errors, warnings);
    if (errors === 0 && warnings === 0) return notice('success', 'ui-check-clean');
    return notice(errors > 0 ? 'warning' : 'info', 'ui-check-done', { errors, warnings });
  };

  const compute = async (mode: WriteMode, asOf?: IsoDate): Promise<Notice> => {
    setProgress(null);
    const result = await scoreWorkbook(host.port, lang, { mode, asOf, progress: report(COMPUTE_STAGES), pause: browserPause });
    setScored(result);
    setAssessment(result);
    return computedNotice(result, SUMMARY_SHEET[result.written]);
  };

  /**
   * A success or an information is about what was just done, in the section where it was done:
   * it goes when the user moves on. Warnings and errors stay until they are dismissed or replaced,
   * since they describe the workbook, whichever section is open.
   */
  const openTab = (key: TabKey): void => {
    if (key === tab) return;
    setTab(key);
    setNotice((shown) => (shown && (shown.intent === 'success' || shown.intent === 'info') ? null : shown));
  };

  const onAction = (action: NoticeAction): void => {
    if (action === 'create-sheets' || action === 'upgrade-sheets') void run(createSheets);
    else if (action === 'open-check') openTab('check');
    else onReload();
  };

  // The scheda reads the pay computation's input beside its results (weights, keys, classes).
  const payView = useMemo<PayView | null>(() => (scored?.pay ? { input: payInputOf(scored.plan, scored.results), results: scored.pay } : null), [scored]);
  const busy = running > 0;
  const context = useMemo<PaneContextValue>(
    () => ({ host, lang, t: (key, params) => message(key, params, lang), busy, run, setNotice, progress }),
    [host, lang, busy, run, progress],
  );
  const t = context.t;
  const labels = Object.fromEntries(TABS.map((key) => [key, t(`ui-tab-${key}`)])) as Record<TabKey, string>;
  const other: Lang = lang === 'it' ? 'en' : 'it';

  return (
    <PaneContext.Provider value={context}>
      <div className={styles.pane} lang={lang} aria-busy={busy}>
        <div className={styles.header}>
          <Text as="h1" size={500} weight="semibold">
            {t('ui-app-title')}
          </Text>
          <Tooltip content={t('ui-lang-switch-hint')} relationship="description">
            <Button
              appearance="subtle"
              size="small"
              icon={<LocalLanguage16Regular />}
              data-testid="lang-switch"
              data-lang={lang}
              lang={other}
              onClick={() => setLang(other)}
            >
              {t('ui-lang-switch')}
            </Button>
          </Tooltip>
        </div>
        <Overflow minimumVisible={2}>
          <CompactTabList
            className={styles.tabs}
            size="small"
            selectedValue={tab}
            onTabSelect={(_, data) => openTab(data.value as TabKey)}
            aria-label={t('ui-tabs')}
          >
            {TABS.map((key) => (
              // The open tab keeps its place in the bar; the others give way from the end.
              <OverflowItem key={key} id={key} priority={key === tab ? 2 : 1}>
                <Tab className={styles.tab} value={key} data-testid={`tab-${key}`}>
                  {labels[key]}
                </Tab>
              </OverflowItem>
            ))}
            <TabOverflowMenu label={t('ui-tabs-more')} labels={labels} onSelect={openTab} />
          </CompactTabList>
        </Overflow>
        {noticeShown && <NoticeBar notice={noticeShown} lang={lang} onAction={onAction} onDismiss={() => setNotice(null)} disabled={busy} />}
        <div role="tabpanel" aria-label={t(`ui-tab-${tab}`)}>
          {tab === 'start' && <StartPanel createSheets={createSheets} loadDemo={demo} />}
          {tab === 'check' && <CheckPanel assessment={assessment} validate={validate} />}
          {tab === 'compute' && <ComputePanel scored={scored} compute={compute} openCheck={() => openTab('check')} />}
          {tab === 'people' && <PeoplePanel pay={payView} />}
          {tab === 'rules' && <RulesPanel />}
          {tab === 'exchange' && <ExchangePanel importPlan={importPlan} />}
        </div>
      </div>
    </PaneContext.Provider>
  );
}

export interface TaskPaneAppProps {
  host: HostServices;
}

export function TaskPaneApp({ host }: TaskPaneAppProps): ReactElement {
  const [lang, setLang] = useState<Lang>(host.lang);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return (
    // No className here: Fluent copies the provider's classes onto the portal node of dialogs and
    // tooltips, which would then cover the page.
    <FluentProvider theme={host.theme === 'dark' ? webDarkTheme : webLightTheme} lang={lang}>
      <ErrorBoundary key={generation} lang={lang} onReload={reload}>
        <Pane key={generation} host={host} lang={lang} setLang={setLang} onReload={reload} />
      </ErrorBoundary>
    </FluentProvider>
  );
}
