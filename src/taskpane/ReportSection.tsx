/**
 * «Scarica la relazione (.docx)»: the workbook checked and scored in memory and written as a Word
 * document, offered as a download — of the current sheets, or of a date recorded in `Monitoraggi`
 * (the dates Calcola knows of). Nothing in the workbook changes. The report code loads on the
 * first click, so the pane's start-up stays as light as before.
 */
import { Button, Field, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowDown16Regular } from '@fluentui/react-icons';
import { useState, type ReactElement } from 'react';
import type { ReportGrouping } from '../report/content';
import type { IsoDate } from '../schema/model';
import { usePane } from './context';
import { DateChoice } from './DateChoice';
import { notice } from './notice';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
});

export function ReportSection({ dates }: { dates: readonly IsoDate[] }): ReactElement {
  const styles = useStyles();
  const { t, lang, busy, run, host } = usePane();
  const [by, setBy] = useState<ReportGrouping>('unita');
  const [asOf, setAsOf] = useState<IsoDate | ''>('');

  const download = (): void => {
    void run(async () => {
      const [{ reportWorkbook }, { fflateCodec }, { DOCX_MIME_TYPE }] = await Promise.all([
        import(/* webpackChunkName: "report" */ '../actions/report'),
        import(/* webpackChunkName: "report" */ '../workbook/xlsx/fflateCodec'),
        import(/* webpackChunkName: "report" */ '../report/docx'),
      ]);
      const chosen = asOf !== '' && dates.includes(asOf) ? asOf : undefined;
      const written = await reportWorkbook(host.port, { lang, by, codec: fflateCodec, asOf: chosen });
      host.download(written.fileName, new Blob([written.bytes], { type: DOCX_MIME_TYPE }), DOCX_MIME_TYPE);
      return notice('success', 'ui-report-done', { file: written.fileName });
    });
  };

  return (
    <section className={styles.section} aria-label={t('ui-report-download')}>
      <Field label={t('ui-report-by')}>
        <RadioGroup layout="horizontal" value={by} disabled={busy} onChange={(_, data) => setBy(data.value === 'missione' ? 'missione' : 'unita')}>
          <Radio value="unita" label={t('ui-report-by-unit')} data-testid="report-by-unit" />
          <Radio value="missione" label={t('ui-report-by-mission')} data-testid="report-by-mission" />
        </RadioGroup>
      </Field>
      <DateChoice
        dates={dates}
        value={asOf}
        onChange={setAsOf}
        label={t('ui-report-date')}
        current={t('ui-report-date-current')}
        testId="report-date"
      />
      <Button data-testid="btn-report" icon={<DocumentArrowDown16Regular />} disabled={busy} onClick={download}>
        {t('ui-report-download')}
      </Button>
      <Text size={200} className={styles.hint}>
        {t('ui-report-hint')}
      </Text>
    </section>
  );
}
