/**
 * Monitoring in the Calcola section (issue 12): «Registra monitoraggio al …» with a confirmation
 * before a date already recorded is replaced, and the compact trend of the recorded dates per
 * unit after a Calcola.
 */
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { recordMonitoring } from '../actions/monitoring';
import type { TrendOutcome } from '../actions/trend';
import type { TrendSeries } from '../engine/trend';
import { formatDecimal } from '../rules/rounding';
import { italianDate } from '../schema/cells';
import type { IsoDate, Plan } from '../schema/model';
import { ConfirmDialog } from './components';
import { usePane } from './context';
import { notice } from './notice';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
  trend: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, margin: 0, padding: 0, listStyleType: 'none' },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  grades: { fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' },
  hint: { color: tokens.colorNeutralForeground3 },
});

/** Today as ISO, the usual monitoring date being the day it is recorded. */
function today(): IsoDate {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function RecordMonitoring({ onRecorded }: { onRecorded(date: IsoDate): void }): ReactElement {
  const styles = useStyles();
  const { host, lang, t, busy, run } = usePane();
  const [date, setDate] = useState<IsoDate>(today());
  const [pending, setPending] = useState<{ date: IsoDate; rows: number } | null>(null);

  const record = (replace: boolean, at: IsoDate): void => {
    void run(async () => {
      const outcome = await recordMonitoring(host.port, at, lang, { replace });
      if (outcome.kind === 'exists') {
        setPending({ date: at, rows: outcome.rows });
        return null;
      }
      onRecorded(at);
      return notice('success', 'ui-monitoring-recorded', { date: italianDate(at), indicators: outcome.indicators, phases: outcome.phases });
    });
  };

  return (
    <div className={styles.section}>
      <Text weight="semibold">{t('ui-monitoring-title')}</Text>
      <div className={styles.row}>
        <Field label={t('ui-monitoring-date')}>
          <Input type="date" data-testid="input-monitoring-date" value={date} disabled={busy} onChange={(_, data) => setDate(data.value)} />
        </Field>
        <Button data-testid="btn-record" disabled={busy || !/^\d{4}-\d{2}-\d{2}$/.test(date)} onClick={() => record(false, date)}>
          {t('ui-monitoring-record')}
        </Button>
      </div>
      <Text size={200} className={styles.hint}>
        {t('ui-monitoring-hint')}
      </Text>
      <ConfirmDialog
        open={pending !== null}
        title={t('ui-monitoring-confirm-title', { date: pending ? italianDate(pending.date) : '' })}
        text={pending ? t('ui-monitoring-confirm-text', { date: italianDate(pending.date), rows: pending.rows }) : ''}
        confirmLabel={t('ui-monitoring-confirm')}
        cancelLabel={t('ui-confirm-cancel')}
        onConfirm={() => {
          if (!pending) return;
          setPending(null);
          record(true, pending.date);
        }}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}

/** One line per unit (and the organisation): its grade at each recorded date, oldest first. */
export function TrendSummary({ trend, plan }: { trend: TrendOutcome; plan: Plan }): ReactElement {
  const styles = useStyles();
  const { t, lang } = usePane();
  const decimals = plan.rules.decimals;
  const names = new Map(plan.units.map((u) => [u.code, u.name]));
  const shown = trend.trend.series.filter((s) => s.group.kind !== 'mission');
  const label = (s: TrendSeries): string => {
    if (s.group.kind !== 'unit') return plan.organization ?? t('ui-organization');
    const name = names.get(s.group.code);
    return name ? `${s.group.code} · ${name}` : s.group.code;
  };
  const grades = (s: TrendSeries): string => s.points.map((p) => (p.grade === null ? '–' : formatDecimal(p.grade, decimals, lang))).join(' → ');
  return (
    <div className={styles.section} data-testid="trend">
      <Text weight="semibold">{t('ui-trend-title', { dates: trend.trend.dates.map(italianDate).join(' → ') })}</Text>
      <ul className={styles.trend}>
        {shown.map((s) => (
          <li key={s.group.kind === 'unit' ? s.group.code : ''} style={{ display: 'contents' }} data-testid="trend-row" data-unit={s.group.kind === 'unit' ? s.group.code : ''}>
            <span className={styles.name} title={label(s)}>
              {label(s)}
            </span>
            <span className={styles.grades}>{grades(s)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
