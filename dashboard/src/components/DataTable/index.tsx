// A generic table for every list screen: a caption for assistive technology, a keyboard-scrollable
// frame (narrow tablets scroll sideways instead of squashing columns), an empty state, and optional
// CSV export of exactly the rows and columns shown.
import type { ComponentChildren } from 'preact';
import type { CsvColumn } from '@bantin/protocol/core';
import { t } from '../../lib/i18n';
import { CsvButton } from '../CsvButton';
import styles from './style.module.css';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ComponentChildren;
  /** The cell's CSV text; a column without one is left out of the export (pictures, buttons). */
  csv?: (row: Row) => string | number | boolean | null | undefined;
  /** Visually narrow columns (numbers, badges) keep their content on one line. */
  nowrap?: boolean;
}

interface Props<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  empty?: string;
  /** File base name for the CSV export; no export button without it. */
  csvName?: string;
  testId?: string;
  toolbar?: ComponentChildren;
}

export function DataTable<Row>({ caption, columns, rows, rowKey, empty, csvName, testId, toolbar }: Props<Row>) {
  const csvColumns: CsvColumn<Row>[] = columns.filter((c) => c.csv).map((c) => ({ header: c.header, value: c.csv! }));
  return (
    <div class={styles.wrap}>
      {(csvName || toolbar) && (
        <div class={styles.toolbar}>
          <span class={styles.count} aria-live="polite">
            {t('common.count').replace('{n}', String(rows.length))}
          </span>
          {toolbar}
          {csvName && <CsvButton name={csvName} columns={csvColumns} rows={rows} />}
        </div>
      )}
      <div class={styles.scroll} tabIndex={0} role="region" aria-label={caption}>
        <table class={styles.table} data-testid={testId}>
          <caption class={styles.caption}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.key} class={c.nowrap ? styles.nowrap : undefined}>
                    {c.render(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 && <p class={styles.empty}>{empty ?? t('common.empty')}</p>}
      </div>
    </div>
  );
}
