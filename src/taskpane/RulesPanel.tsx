/** Regole: the rule profile and the bands, edited here and written back to the `Regole` sheet. */
import { Button, Dropdown, Field, Input, Option, Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import type { Lang } from '../i18n';
import { BANDS, ORGANIZATION_FIELD, RULES, type FieldDef } from '../schema/tables';
import { usePane } from './context';
import { errorNotice, notice } from './notice';
import { readRuleProfile, type RuleProfile } from '../actions/rules';
import { bandDraft, checkDraft, draftFromProfile, saveChanges, type BandDraft, type DraftIssues, type FieldIssue, type RulesDraft } from './rulesForm';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  band: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  bandHeader: { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  colour: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  swatch: {
    width: '20px',
    height: '20px',
    flexShrink: 0,
    borderRadius: tokens.borderRadiusSmall,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  grow: { flexGrow: 1, minWidth: 0 },
  general: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Validation = Pick<Parameters<typeof Field>[0], 'validationState' | 'validationMessage'>;

function validation(issues: readonly FieldIssue[] | undefined): Validation {
  if (!issues || issues.length === 0) return {};
  const error = issues.some((i) => i.severity === 'errore');
  return { validationState: error ? 'error' : 'warning', validationMessage: issues.map((i) => i.text).join(' ') };
}

interface RuleInputProps {
  field: FieldDef;
  value: string | boolean;
  lang: Lang;
  onChange(value: string | boolean): void;
}

/** The input that suits the parameter's kind; `rule-<key>` sits on the focusable element. */
function RuleInput({ field, value, lang, onChange }: RuleInputProps): ReactElement {
  const { t } = usePane();
  const testId = `rule-${field.key}`;
  const kind = field.kind;
  if (kind.type === 'yesno') {
    return <Switch data-testid={testId} checked={value === true} label={value === true ? t('ui-yes') : t('ui-no')} onChange={(_, d) => onChange(d.checked)} />;
  }
  if (kind.type === 'enum') {
    const selected = kind.options.find((o) => o.key === value);
    return (
      <Dropdown
        data-testid={testId}
        value={selected ? selected.label[lang] : ''}
        selectedOptions={selected ? [selected.key] : []}
        onOptionSelect={(_, d) => d.optionValue !== undefined && onChange(d.optionValue)}
      >
        {kind.options.map((o) => (
          <Option key={o.key} value={o.key}>
            {o.label[lang]}
          </Option>
        ))}
      </Dropdown>
    );
  }
  const text = typeof value === 'string' ? value : '';
  if (kind.type === 'date') return <Input data-testid={testId} type="date" value={text} onChange={(_, d) => onChange(d.value)} />;
  const numeric = kind.type === 'integer' || kind.type === 'number' || kind.type === 'percent';
  return (
    <Input
      data-testid={testId}
      type={numeric ? 'number' : 'text'}
      inputMode={numeric ? 'decimal' : undefined}
      step={kind.type === 'integer' ? 1 : 'any'}
      min={numeric && kind.min !== undefined ? kind.min : undefined}
      max={numeric && kind.max !== undefined ? kind.max : undefined}
      value={text}
      onChange={(_, d) => onChange(d.value)}
    />
  );
}

function bandLabel(key: string, lang: Lang): string {
  return BANDS.fields.find((f) => f.key === key)?.label[lang] ?? key;
}

interface BandRowProps {
  band: BandDraft;
  index: number;
  issues: DraftIssues['bands'];
  onChange(band: BandDraft): void;
  onRemove(): void;
}

function BandRow({ band, index, issues, onChange, onRemove }: BandRowProps): ReactElement {
  const styles = useStyles();
  const { t, lang } = usePane();
  const at = (key: string): Validation => validation(issues[`${index}:${key}`]);
  const colour = /^#[0-9a-f]{6}$/i.test(band.color.trim()) ? band.color.trim() : 'transparent';
  return (
    <div className={styles.band} data-testid="band-row" role="group" aria-label={t('ui-band', { n: index + 1 })}>
      <div className={styles.bandHeader}>
        <Text weight="semibold">{t('ui-band', { n: index + 1 })}</Text>
        <Button appearance="subtle" size="small" icon={<Delete16Regular />} aria-label={t('ui-band-remove', { n: index + 1 })} onClick={onRemove} />
      </div>
      <Field label={bandLabel('label', lang)} required {...at('label')}>
        <Input data-testid="band-label" value={band.label} onChange={(_, d) => onChange({ ...band, label: d.value })} />
      </Field>
      <div className={styles.pair}>
        <Field label={bandLabel('from', lang)} required {...at('from')}>
          <Input data-testid="band-from" type="number" step="any" min={0} value={band.from} onChange={(_, d) => onChange({ ...band, from: d.value })} />
        </Field>
        <Field label={bandLabel('reward', lang)} {...at('reward')}>
          <Input
            data-testid="band-reward"
            type="number"
            step="any"
            min={0}
            max={100}
            disabled={band.proportional}
            value={band.reward}
            onChange={(_, d) => onChange({ ...band, reward: d.value })}
          />
        </Field>
      </div>
      <Field label={bandLabel('proportional', lang)} {...at('proportional')}>
        <Switch
          data-testid="band-proportional"
          checked={band.proportional}
          label={band.proportional ? t('ui-yes') : t('ui-no')}
          onChange={(_, d) => onChange({ ...band, proportional: d.checked })}
        />
      </Field>
      <Field label={bandLabel('color', lang)} {...at('color')}>
        <div className={styles.colour}>
          <span className={styles.swatch} style={{ backgroundColor: colour }} aria-hidden />
          <Input className={styles.grow} data-testid="band-color" value={band.color} onChange={(_, d) => onChange({ ...band, color: d.value })} />
        </div>
      </Field>
    </div>
  );
}

const NO_ISSUES: DraftIssues = { rules: {}, bands: {}, general: [], hasErrors: false };

export function RulesPanel(): ReactElement {
  const styles = useStyles();
  const { t, lang, busy, run, host, setNotice } = usePane();
  const [profile, setProfile] = useState<RuleProfile | null>(null);
  const [draft, setDraft] = useState<RulesDraft | null>(null);
  const [issues, setIssues] = useState<DraftIssues>(NO_ISSUES);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async (): Promise<void> => {
    setLoading(true);
    try {
      const read = await readRuleProfile(host.port);
      setProfile(read);
      setDraft(draftFromProfile(read));
      setIssues(NO_ISSUES);
    } finally {
      setLoading(false);
    }
  }, [host]);

  useEffect(() => {
    load().catch((e: unknown) => setNotice(errorNotice(e)));
  }, [load, setNotice]);

  const save = (): void => {
    if (!draft || !profile) return;
    const found = checkDraft(draft, lang);
    setIssues(found);
    if (found.hasErrors) {
      setNotice(notice('error', 'ui-rules-invalid'));
      return;
    }
    void run(async () => {
      await host.port.apply(saveChanges(draft, profile, lang));
      await load();
      return notice('success', 'ui-rules-saved', { sheet: RULES.sheet[lang] });
    });
  };

  if (!draft) {
    return (
      <div className={styles.panel}>
        {loading ? (
          <Spinner size="tiny" label={t('ui-rules-loading')} />
        ) : (
          <Button disabled={busy} onClick={() => void run(async () => (await load(), null))}>
            {t('ui-rules-reload')}
          </Button>
        )}
      </div>
    );
  }

  const setValue = (key: string, value: string | boolean): void => setDraft({ ...draft, values: { ...draft.values, [key]: value } });
  const setBands = (bands: BandDraft[]): void => setDraft({ ...draft, bands });

  return (
    <div className={styles.panel}>
      <Text as="p">{t('ui-rules-what')}</Text>
      <div className={styles.fields}>
        <Field label={ORGANIZATION_FIELD.label[lang]} {...validation(issues.rules.organization)}>
          <Input data-testid="rule-organization" value={draft.organization} onChange={(_, d) => setDraft({ ...draft, organization: d.value })} />
        </Field>
        {RULES.fields.map((field) => (
          <Field key={field.key} label={field.label[lang]} hint={field.help[lang]} {...validation(issues.rules[field.key])}>
            <RuleInput field={field} value={draft.values[field.key] ?? ''} lang={lang} onChange={(v) => setValue(field.key, v)} />
          </Field>
        ))}
      </div>
      <Text as="h3" weight="semibold">
        {t('ui-bands')}
      </Text>
      {draft.bands.map((band, i) => (
        <BandRow
          key={band.id}
          band={band}
          index={i}
          issues={issues.bands}
          onChange={(b) => setBands(draft.bands.map((x) => (x.id === b.id ? b : x)))}
          onRemove={() => setBands(draft.bands.filter((x) => x.id !== band.id))}
        />
      ))}
      {issues.general.map((text) => (
        <Text key={text} className={styles.general} role="alert">
          {text}
        </Text>
      ))}
      <div className={styles.actions}>
        <Button icon={<Add16Regular />} data-testid="btn-add-band" onClick={() => setBands([...draft.bands, bandDraft()])}>
          {t('ui-band-add')}
        </Button>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" data-testid="btn-save-rules" disabled={busy} onClick={save}>
          {t('ui-save-rules')}
        </Button>
        <Button disabled={busy} onClick={() => void run(async () => (await load(), null))}>
          {t('ui-rules-reload')}
        </Button>
      </div>
    </div>
  );
}
