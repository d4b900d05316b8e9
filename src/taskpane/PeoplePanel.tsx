/**
 * Persone: result pay after Calcola — each pot with Stanziato, Distribuito and Residuo and its
 * distribution by class, and the scheda of the person chosen: components, weights, score, class,
 * amount, and how it was reached. Names and amounts stay in the pane and the workbook.
 */
import { Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState, type ReactElement } from 'react';
import { personTrace } from '../engine/pay/trace';
import { transparency } from '../engine/pay/transparency';
import { classLabel } from '../rules/payClass';
import { formatDecimal } from '../rules/rounding';
import type { PayView } from '../workbook/formulas/pay';
import { usePane } from './context';
import { euro } from '../i18n/euro';
import { traceLines } from './payTrace';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  title: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', columnGap: tokens.spacingHorizontalS },
  figure: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  amount: { fontVariantNumeric: 'tabular-nums', fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis' },
  row: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, fontVariantNumeric: 'tabular-nums', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  table: { width: '100%', borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums' },
  cell: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, textAlign: 'left' },
  number: { textAlign: 'right' },
  trace: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
});

export interface PeoplePanelProps {
  /** null before any Calcola. */
  pay: PayView | null;
}

export function PeoplePanel({ pay }: PeoplePanelProps): ReactElement {
  const styles = useStyles();
  const { t } = usePane();
  return (
    <div className={styles.panel} data-testid="people-panel">
      <Text as="p">{t('ui-people-what')}</Text>
      {pay === null ? (
        <Text data-testid="people-empty">{t('ui-people-not-computed')}</Text>
      ) : pay.results.people.length === 0 ? (
        <Text data-testid="people-empty">{t('ui-people-none')}</Text>
      ) : (
        <PayDetails pay={pay} />
      )}
    </div>
  );
}

function PayDetails({ pay }: { pay: PayView }): ReactElement {
  const styles = useStyles();
  const { t, lang } = usePane();
  const { input, results } = pay;
  const decimals = input.rules.scoreDecimals;
  const stats = useMemo(() => transparency(input, results).pots.filter((p) => p.category === null), [input, results]);
  const [chosen, setChosen] = useState(results.people[0].id);
  const trace = useMemo(() => personTrace(input, results, chosen), [input, results, chosen]);
  const names = new Map(input.funds.map((f) => [f.code, f.name]));
  const hasClasses = new Set(input.classes.map((c) => c.fund));

  return (
    <>
      <Text weight="semibold">{t('ui-pay-funds')}</Text>
      <ul className={styles.list}>
        {results.funds.map((fund) => {
          const stat = stats.find((s) => s.fund === fund.code);
          const title = names.get(fund.code) ? `${fund.code} · ${names.get(fund.code)}` : fund.code;
          return (
            <li key={fund.code} className={styles.card} data-testid="fund-card" data-fund={fund.code} data-paid={String(fund.paid)} data-unspent={String(fund.unspent)}>
              <span className={styles.title} title={title}>
                {title}
              </span>
              <span className={styles.figures}>
                {(
                  [
                    ['ui-pay-allocated', fund.allocated],
                    ['ui-pay-paid', fund.paid],
                    ['ui-pay-unspent', fund.unspent],
                  ] as const
                ).map(([label, value]) => (
                  <span key={label} className={styles.figure}>
                    <span className={styles.label}>{t(label)}</span>
                    <span className={styles.amount} title={euro(value, lang)}>
                      {euro(value, lang)}
                    </span>
                  </span>
                ))}
              </span>
              {stat && stat.classes.length > 0 && (
                <>
                  <span className={styles.label}>{t('ui-pay-by-class')}</span>
                  {stat.classes.map((c) => (
                    <span key={String(c.classIndex)} className={styles.row} data-testid="class-row" data-class={c.classIndex ?? ''} data-people={c.people}>
                      <span>{classLabel(c.classIndex, c.from, hasClasses.has(fund.code), decimals, lang)}</span>
                      <span className={styles.muted}>{t('ui-pay-class-people', { people: String(c.people), amount: euro(c.paid, lang) })}</span>
                    </span>
                  ))}
                </>
              )}
            </li>
          );
        })}
      </ul>
      <Select data-testid="person-select" aria-label={t('ui-pay-person')} value={chosen} onChange={(_, data) => setChosen(data.value)}>
        {results.people.map((p, i) => (
          <option key={p.id} value={p.id}>
            {input.people[i].name ? `${p.id} · ${input.people[i].name}` : p.id}
          </option>
        ))}
      </Select>
      {trace && (
        <section className={styles.card} data-testid="scheda" data-person={trace.id} data-score={trace.score ?? ''} data-total={String(trace.total)} aria-label={t('ui-pay-scheda')}>
          <span className={styles.title}>{trace.name ? `${trace.id} · ${trace.name}` : trace.id}</span>
          {trace.components.length > 0 && trace.status !== 'excluded' && (
            <table className={styles.table}>
              <thead>
                <tr>
                  <th className={styles.cell}>{t('ui-pay-component')}</th>
                  <th className={`${styles.cell} ${styles.number}`}>{t('ui-pay-weight')}</th>
                  <th className={`${styles.cell} ${styles.number}`}>{t('ui-pay-grade')}</th>
                </tr>
              </thead>
              <tbody>
                {trace.components.map((c) => (
                  <tr key={c.component} data-testid="scheda-component" data-component={c.component} data-grade={c.grade ?? ''}>
                    <td className={styles.cell}>{t(`pay-component-${c.component}`)}</td>
                    <td className={`${styles.cell} ${styles.number}`}>{formatDecimal(c.weight, 2, lang)}</td>
                    <td className={`${styles.cell} ${styles.number}`}>{c.grade === null ? t('ui-pay-missing') : formatDecimal(c.grade, decimals, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <span className={styles.row}>
            <span>{t('ui-pay-score')}</span>
            <span className={styles.amount} data-testid="scheda-score">
              {trace.score === null ? '—' : formatDecimal(trace.score, decimals, lang)}
            </span>
          </span>
          {trace.pots.map((pot) => (
            <span key={pot.fund} className={styles.row} data-testid="scheda-pot" data-fund={pot.fund} data-class={pot.classIndex ?? ''} data-total={String(pot.total)}>
              <span>
                {pot.fund} · {classLabel(pot.classIndex, pot.classFrom, hasClasses.has(pot.fund), decimals, lang)}
              </span>
              <span className={styles.amount}>{euro(pot.total, lang)}</span>
            </span>
          ))}
          <span className={styles.row}>
            <span>{t('ui-pay-total')}</span>
            <span className={styles.amount} data-testid="scheda-total">
              {euro(trace.total, lang)}
            </span>
          </span>
          <span className={styles.label}>{t('ui-pay-how')}</span>
          <ol className={styles.trace} data-testid="scheda-trace">
            {traceLines(trace, lang, decimals).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
