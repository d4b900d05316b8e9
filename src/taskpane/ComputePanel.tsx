/** Calcola: validate, compute and write, then the grades by unit and for the organisation. */
import { Badge, Button, Link, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import type { Computed } from '../actions/assess';
import type { Coverage } from '../engine/results';
import { bandLabel } from '../rules/bands';
import type { IsoDate } from '../schema/model';
import { RecordMonitoring, TrendSummary } from './MonitoringSection';
import { formatDecimal } from '../rules/rounding';
import type { Band } from '../schema/model';
import type { WriteMode } from '../workbook/outputs';
import { usePane } from './context';
import { DateChoice } from './DateChoice';
import type { Notice } from './notice';
import { ReportSection } from './ReportSection';
import { StageBar } from './StageBar';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  result: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  organization: { backgroundColor: tokens.colorNeutralBackground2 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  grade: { fontWeight: tokens.fontWeightSemibold, textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  detail: { color: tokens.colorNeutralForeground3, gridColumn: '1 / -1', display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  band: { maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

/**
 * How much of a grade rests on graded objectives: «su 24 di 48 obiettivi», the share of the
 * weight, and a «Parziale» badge when some objectives of the roll-up have no grade.
 */
function CoverageDetail({ result }: { result: Coverage & { objectives: number } }): ReactElement {
  const { t, lang } = usePane();
  const { objectives: graded, objectivesTotal: total, coverage, weightGraded } = result;
  if (coverage === 'empty') return <span data-testid="coverage">{t('ui-coverage-empty')}</span>;
  const of = t(total === 1 ? 'ui-coverage-of-one' : 'ui-coverage-of', { graded: String(graded), total: String(total) });
  const weight = weightGraded === null || coverage === 'complete' ? null : t('ui-coverage-weight', { share: formatDecimal(weightGraded, 1, lang) });
  return (
    <>
      {(coverage === 'partial' || coverage === 'none') && (
        <Badge appearance="outline" color="warning" shape="rounded" data-testid="coverage-partial" title={t('ui-coverage-hint')}>
          {t(`ui-coverage-word-${coverage}`)}
        </Badge>
      )}
      <span data-testid="coverage">{weight === null ? of : `${of} · ${weight}`}</span>
    </>
  );
}

export interface ComputePanelProps {
  scored: Computed | null;
  /**
   * Formule: live formulas; Valori: plain values for a frozen copy to publish. With `asOf`, the
   * values recorded in Monitoraggi at that date (written as values).
   */
  compute(mode: WriteMode, asOf?: IsoDate): Promise<Notice>;
  openCheck(): void;
}

const HEX = /^#?([0-9a-f]{6})$/i;

/** Black or white text, whichever reads on the band's colour (WCAG relative luminance). */
function textOn(hex: string): string {
  const n = parseInt(hex, 16);
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  return luminance > 0.179 ? '#000000' : '#FFFFFF';
}

function BandBadge({ band: index, bands }: { band: number | null; bands: readonly Band[] }): ReactElement | null {
  const styles = useStyles();
  if (index === null) return null;
  const { label: band, color } = bands[index];
  const match = HEX.exec(color?.trim() ?? '');
  const style = match ? { backgroundColor: `#${match[1]}`, color: textOn(match[1]), borderColor: 'transparent' } : undefined;
  return (
    <Badge appearance={match ? 'filled' : 'tint'} color="informative" shape="rounded" style={style} className={styles.band} title={band}>
      {band}
    </Badge>
  );
}

export function ComputePanel({ scored, compute, openCheck }: ComputePanelProps): ReactElement {
  const styles = useStyles();
  const { t, lang, busy, run, progress } = usePane();
  const [state, setState] = useState<'idle' | 'running' | 'done' | 'failed'>('idle');
  const [values, setValues] = useState(false);
  const [asOf, setAsOf] = useState<IsoDate | ''>('');
  const [recorded, setRecorded] = useState<readonly IsoDate[]>([]);
  const dates = [...new Set([...(scored?.trend?.trend.dates ?? []), ...recorded])].sort();

  const start = async (): Promise<void> => {
    setState('running');
    const ok = await run(() => compute(values ? 'valori' : 'formule', asOf === '' ? undefined : asOf));
    setState(ok ? 'done' : 'failed');
  };

  const plan = scored?.plan;
  const decimals = plan?.rules.decimals ?? 2;
  const grade = (value: number | null): string => (value === null ? t('ui-no-grade') : t('ui-grade', { grade: formatDecimal(value, decimals, lang) }));
  const names = new Map(plan?.units.map((u) => [u.code, u.name]) ?? []);
  const errors = scored ? scored.findings.filter((f) => f.severity === 'errore').length : 0;
  const org = scored?.results.organization;

  return (
    <div className={styles.panel}>
      <Text as="p">{t('ui-compute-what')}</Text>
      <Switch
        data-testid="switch-values"
        checked={values}
        disabled={busy}
        label={t('ui-compute-values')}
        onChange={(_, data) => setValues(data.checked)}
      />
      <DateChoice
        dates={dates}
        value={asOf}
        onChange={setAsOf}
        label={t('ui-compute-at')}
        hint={t('ui-compute-at-hint')}
        current={t('ui-compute-at-current')}
        testId="select-as-of"
      />
      <Button appearance="primary" data-testid="btn-compute" disabled={busy} onClick={() => void start()}>
        {t('ui-compute')}
      </Button>
      {state !== 'idle' && (
        <StageBar testId="compute-progress" state={state} progress={progress} />
      )}
      {scored && plan && org && (
        <>
          {errors > 0 && (
            <Text>
              {t('ui-compute-errors', { count: errors })}{' '}
              <Link as="button" data-testid="link-open-check" onClick={openCheck}>
                {t('ui-open-check')}
              </Link>
            </Text>
          )}
          <div
            className={`${styles.result} ${styles.organization}`}
            data-testid="org-result"
            data-grade={org.grade === null ? '' : String(org.grade)}
            data-band={bandLabel(plan.bands, org.band) ?? ''}
          >
            <span className={styles.name} title={plan.organization ?? t('ui-organization')}>
              {plan.organization ?? t('ui-organization')}
            </span>
            <span className={styles.grade}>{grade(org.grade)}</span>
            <span className={styles.detail}>
              <BandBadge band={org.band} bands={plan.bands} />
              {org.reward !== null && <span>{t('ui-reward', { reward: formatDecimal(org.reward, decimals, lang) })}</span>}
              <CoverageDetail result={org} />
            </span>
          </div>
          {org.entePerformance !== null && (
            <div className={styles.result} data-testid="ente-result" data-grade={String(org.entePerformance)}>
              <span className={styles.name} title={t('ui-ente-performance-hint')}>
                {t('ui-ente-performance')}
              </span>
              <span className={styles.grade}>{grade(org.entePerformance)}</span>
              <span className={styles.detail}>{t('ui-ente-performance-hint')}</span>
            </div>
          )}
          <Text weight="semibold">{t('ui-units')}</Text>
          {scored.results.units.length === 0 && <Text>{t('ui-no-units')}</Text>}
          <ul className={styles.list}>
            {scored.results.units.map((u) => {
              const label = names.get(u.code) ? `${u.code} · ${names.get(u.code)}` : u.code;
              return (
                <li
                  key={u.code}
                  className={styles.result}
                  data-testid="unit-result"
                  data-unit={u.code}
                  data-grade={u.grade === null ? '' : String(u.grade)}
                  data-band={bandLabel(plan.bands, u.band) ?? ''}
                >
                  <span className={styles.name} title={label}>
                    {label}
                  </span>
                  <span className={styles.grade}>{grade(u.grade)}</span>
                  <span className={styles.detail}>
                    <BandBadge band={u.band} bands={plan.bands} />
                    {u.reward !== null && <span>{t('ui-reward', { reward: formatDecimal(u.reward, decimals, lang) })}</span>}
                    <CoverageDetail result={u} />
                  </span>
                </li>
              );
            })}
          </ul>
          {scored.trend !== null && <TrendSummary trend={scored.trend} plan={plan} />}
        </>
      )}
      <RecordMonitoring onRecorded={(d) => setRecorded((known) => [...known, d])} />
      <ReportSection dates={dates} />
    </div>
  );
}
