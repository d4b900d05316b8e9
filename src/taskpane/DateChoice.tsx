/**
 * The choice between the current sheets and a date recorded in `Monitoraggi`, shared by Calcola
 * and the Relazione download. Hidden while no date is recorded: there is nothing to choose.
 */
import { Field, Select } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { italianDate } from '../schema/cells';
import type { IsoDate } from '../schema/model';
import { usePane } from './context';

export interface DateChoiceProps {
  dates: readonly IsoDate[];
  /** `''` stands for the current sheets. */
  value: IsoDate | '';
  onChange(value: IsoDate | ''): void;
  label: string;
  hint?: string;
  /** The label of the «current sheets» option. */
  current: string;
  testId: string;
}

export function DateChoice({ dates, value, onChange, label, hint, current, testId }: DateChoiceProps): ReactElement | null {
  const { busy } = usePane();
  if (dates.length === 0) return null;
  return (
    <Field label={label} hint={hint}>
      <Select data-testid={testId} value={value} disabled={busy} onChange={(_, data) => onChange(data.value)}>
        <option value="">{current}</option>
        {dates.map((d) => (
          <option key={d} value={d}>
            {italianDate(d)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
