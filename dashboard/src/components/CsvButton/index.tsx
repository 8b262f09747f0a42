// "Xuất CSV": downloads the rows a screen shows, under the columns it shows, as a UTF-8 CSV file.
import { useState } from 'preact/hooks';
import { buildCsv, csvFileName, type CsvColumn } from '@bantin/protocol/core';
import { downloadCsv } from '../../lib/download-csv';
import { t } from '../../lib/i18n';
import controls from '../controls.module.css';

interface Props<Row> {
  name: string;
  columns: readonly CsvColumn<Row>[];
  rows: readonly Row[];
}

export function CsvButton<Row>({ name, columns, rows }: Props<Row>) {
  const [failed, setFailed] = useState(false);
  return (
    <>
      <button
        type="button"
        class={controls.button}
        data-testid="csv-export"
        onClick={() => setFailed(!downloadCsv(csvFileName(name, new Date()), buildCsv(columns, rows)))}
      >
        {t('common.exportCsv')}
      </button>
      {failed && <span role="alert">{t('common.exportFailed')}</span>}
    </>
  );
}
