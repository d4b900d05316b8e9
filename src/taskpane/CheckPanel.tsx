/** Verifica: findings grouped by sheet, counted by severity, each one a button to its cell. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  CounterBadge,
  Text,
  ToggleButton,
  createFocusOutlineStyle,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type ReactElement } from 'react';
import type { Assessment } from '../actions/assess';
import type { LocatedFinding, Severity } from '../schema/findings';
import { SeverityIcon } from './components';
import { usePane } from './context';
import { StageBar } from './StageBar';
import type { Notice } from './notice';

const SEVERITIES: readonly Severity[] = ['errore', 'avviso', 'info'];
/** Findings shown per sheet before «Mostra altri»: a large workbook can have thousands. */
const PAGE = 100;

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  sheetName: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0, listStyleType: 'none' },
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    textAlign: 'left',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: 'anywhere',
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ...createFocusOutlineStyle(),
  },
  icon: { paddingTop: '2px' },
  where: { display: 'block', color: tokens.colorNeutralForeground3 },
});

export interface CheckPanelProps {
  assessment: Assessment | null;
  validate(): Promise<Notice>;
}

function where(f: LocatedFinding, t: ReturnType<typeof usePane>['t']): string {
  if (f.cell !== null) return t('ui-finding-cell', { cell: f.cell });
  if (f.row !== null) return t('ui-finding-row', { row: String(f.row) });
  if (f.column !== null) return t('ui-finding-column', { column: f.column });
  return t('ui-finding-table');
}

function FindingItem({ finding }: { finding: LocatedFinding }): ReactElement {
  const styles = useStyles();
  const { t, host } = usePane();
  const cell = finding.cell;
  const content = (
    <>
      <span className={styles.icon}>
        <SeverityIcon severity={finding.severity} />
      </span>
      <span>
        {finding.message}
        <span className={styles.where}>{where(finding, t)}</span>
      </span>
    </>
  );
  const data = {
    'data-testid': 'finding-item',
    'data-sheet': finding.sheet,
    'data-cell': cell ?? '',
    'data-rule': finding.rule,
    'data-severity': finding.severity,
  };
  if (cell === null) {
    return (
      <div className={styles.item} {...data}>
        {content}
      </div>
    );
  }
  return (
    <button
      type="button"
      className={mergeClasses(styles.item, styles.clickable)}
      title={t('ui-finding-go', { cell, sheet: finding.sheet })}
      onClick={() => void host.port.selectCell(finding.sheet, cell)}
      {...data}
    >
      {content}
    </button>
  );
}

function SheetFindings({ findings }: { findings: readonly LocatedFinding[] }): ReactElement {
  const styles = useStyles();
  const { t } = usePane();
  const [shown, setShown] = useState(PAGE);
  const more = findings.length - shown;
  return (
    <>
      <ul className={styles.list}>
        {findings.slice(0, shown).map((f, i) => (
          <li key={i}>
            <FindingItem finding={f} />
          </li>
        ))}
      </ul>
      {more > 0 && (
        <Button appearance="subtle" onClick={() => setShown(shown + PAGE)}>
          {t('ui-show-more', { count: Math.min(more, PAGE) })}
        </Button>
      )}
    </>
  );
}

export function CheckPanel({ assessment, validate }: CheckPanelProps): ReactElement {
  const styles = useStyles();
  const { t, lang, busy, run, progress } = usePane();
  const [filter, setFilter] = useState<Severity | null>(null);
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');

  const start = async (): Promise<void> => {
    setState('running');
    setState((await run(validate)) ? 'done' : 'failed');
  };

  // Located again on a language switch, so messages and sheet names follow it.
  const located = useMemo(
    () => (assessment ? assessment.findings.map((f) => assessment.locator.locate(f, lang)) : null),
    [assessment, lang],
  );
  const counts = useMemo(() => {
    const c: Record<Severity, number> = { errore: 0, avviso: 0, info: 0 };
    for (const f of located ?? []) c[f.severity]++;
    return c;
  }, [located]);
  const groups = useMemo(() => {
    const bySheet = new Map<string, LocatedFinding[]>();
    for (const f of located ?? []) {
      if (filter !== null && f.severity !== filter) continue;
      const list = bySheet.get(f.sheet);
      if (list) list.push(f);
      else bySheet.set(f.sheet, [f]);
    }
    return [...bySheet];
  }, [located, filter]);

  return (
    <div className={styles.panel}>
      <Text as="p">{t('ui-check-what')}</Text>
      <Button appearance="primary" data-testid="btn-validate" disabled={busy} onClick={() => void start()}>
        {t('ui-validate')}
      </Button>
      {state === 'running' && <StageBar testId="check-progress" state={state} progress={progress} />}
      {located === null ? (
        <Text>{t('ui-check-none-yet')}</Text>
      ) : (
        <>
          <div className={styles.counts} role="group" aria-label={t('ui-filter')}>
            {SEVERITIES.map((s) => (
              <ToggleButton
                key={s}
                size="small"
                checked={filter === s}
                icon={<SeverityIcon severity={s} />}
                onClick={() => setFilter(filter === s ? null : s)}
              >
                {t(`ui-count-${s}`)}&nbsp;<span data-testid={`finding-count-${s}`}>{counts[s]}</span>
              </ToggleButton>
            ))}
          </div>
          {groups.length === 0 && located.length > 0 && <Text>{t('ui-filtered-none')}</Text>}
          <Accordion multiple collapsible defaultOpenItems={groups.map(([sheet]) => sheet)} key={groups.map(([sheet]) => sheet).join('\n')}>
            {groups.map(([sheet, findings]) => (
              <AccordionItem key={sheet} value={sheet} data-testid="finding-group" data-sheet={sheet}>
                <AccordionHeader>
                  <span className={styles.header}>
                    <span className={styles.sheetName} title={sheet}>
                      {sheet}
                    </span>
                    <CounterBadge count={findings.length} overflowCount={99999} color="informative" size="small" />
                  </span>
                </AccordionHeader>
                <AccordionPanel>
                  <SheetFindings findings={findings} />
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </>
      )}
    </div>
  );
}
