// A fieldset of checkboxes with a legend: pick several of a list (groups, device kinds, devices, days).
import controls from '../controls.module.css';
import styles from './style.module.css';

interface Option<V> {
  value: V;
  label: string;
}

interface Props<V> {
  legend: string;
  options: readonly Option<V>[];
  selected: readonly V[];
  onChange: (next: V[]) => void;
  testId?: string;
  disabled?: boolean;
}

export function CheckboxGroup<V extends string | number>({ legend, options, selected, onChange, testId, disabled }: Props<V>) {
  const toggle = (v: V, on: boolean) => onChange(on ? [...new Set([...selected, v])] : selected.filter((x) => x !== v));
  return (
    <fieldset class={styles.group} disabled={disabled}>
      <legend class={styles.legend}>{legend}</legend>
      <div class={styles.options}>
        {options.map((o) => (
          <label key={o.value} class={controls.choice}>
            <input
              type="checkbox"
              checked={selected.includes(o.value)}
              onChange={(e) => toggle(o.value, e.currentTarget.checked)}
              data-testid={testId}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
