/**
 * The builders every table definition is written with (tables.ts, payTables.ts): a module of its
 * own so that the table modules can import them without importing each other at load time.
 */
import type { EnumOption, FieldDef, FieldKind, OutputDef, OutputFormat, Text } from './tables';

export const t = (it: string, en: string): Text => ({ it, en });

export function opts<const K extends string>(keys: readonly K[], labels: Record<string, Text>, aliases: Record<string, string[]> = {}): EnumOption<K>[] {
  return keys.map((key) => ({ key, label: labels[key] ?? t(key, key), aliases: aliases[key] ?? [] }));
}

export const same = (keys: readonly string[], en: Record<string, string> = {}): Record<string, Text> =>
  Object.fromEntries(keys.map((k) => [k, t(k, en[k] ?? k)]));

/** A field whose key and kind keep their literal types, so the plan's row types derive from it (model.ts). */
export type TypedField<K extends string, Kind extends FieldKind> = FieldDef & { readonly key: K; readonly kind: Kind };

export function f<const K extends string, const Kind extends FieldKind>(
  key: K,
  it: string,
  en: string,
  kind: Kind,
  help: Text,
  extra: Partial<Pick<FieldDef, 'required' | 'unique' | 'ref' | 'aliases' | 'name'>> = {},
): TypedField<K, Kind> {
  return { key, label: t(it, en), aliases: extra.aliases ?? [], kind, help, ...extra };
}

export function o(
  key: string,
  it: string,
  en: string,
  format: OutputFormat,
  help: Text,
  aliases: string[] = [],
  flags: Pick<OutputDef, 'grade' | 'wide'> = {},
): OutputDef {
  return { key, label: t(it, en), aliases, format, help, ...flags };
}

export const GRADE = { grade: true } as const;
export const WIDE = { wide: true } as const;

export const TEXT = { type: 'text' } as const satisfies FieldKind;
export const CODE = { type: 'code' } as const satisfies FieldKind;
export const DATE = { type: 'date' } as const satisfies FieldKind;
export const YESNO = { type: 'yesno' } as const satisfies FieldKind;
export const PERCENT = { type: 'percent', min: 0, max: 100 } as const satisfies FieldKind;
export const NON_NEGATIVE = { type: 'number', min: 0 } as const satisfies FieldKind;

export const CHECK_OUTPUT = o('check', 'Esito verifica', 'Check result', 'text',
  t('Errori e avvisi della verifica su questa riga', 'Validation errors and warnings on this row'), ['Esito', 'Verifica'], WIDE);
