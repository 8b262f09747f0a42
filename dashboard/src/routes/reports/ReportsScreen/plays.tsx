// The proof-of-play section of the reports screen: grouping, the screen region (all, main programme, ticker),
// the server's CSV, totals, a chart (a line over days, bars otherwise) and the table, then the live
// announcements of the range (not plays: listed, never counted).
import type { Resource } from '../../../lib/use-resource';
import { reportsText } from '../../../lib/messages/reports';
import { downloads, type DateRange, type PlaysGroupBy, type PlaysRegion, type PlaysReport } from '../../../lib/reports-api';
import { BarChart } from '../BarChart/index';
import { DataTable } from '../../../components/DataTable/index';
import { SelectField } from '../../../components/Field/index';
import { LineChart } from '../LineChart/index';
import { LiveAnnouncements } from '../LiveAnnouncements/index';
import controls from '../../../components/controls.module.css';
import { playColumns, type ReportNumbers } from './columns';
import { Pending } from './pending';

const GROUP_BY: readonly PlaysGroupBy[] = ['content', 'device', 'group', 'day', 'kind'];
const REGIONS: readonly PlaysRegion[] = ['main', 'ticker'];

interface Props {
  plays: Resource<PlaysReport>;
  range: DateRange;
  groupBy: PlaysGroupBy;
  onGroupBy: (g: PlaysGroupBy) => void;
  /** Only the plays shown in this layout region; '' = all. */
  region: PlaysRegion | '';
  onRegion: (r: PlaysRegion | '') => void;
  num: ReportNumbers;
}

export function PlaysSection({ plays, range, groupBy, onGroupBy, region, onRegion, num }: Props) {
  const { t } = reportsText;
  return (
    <section class={controls.section} aria-labelledby="rep-plays">
      <h2 id="rep-plays" class={controls.heading}>
        {t('plays.title')}
      </h2>
      <div class={controls.row}>
        <SelectField
          id="rep-groupby"
          label={t('plays.groupBy')}
          value={groupBy}
          choices={GROUP_BY.map((g) => ({ value: g, label: t(`groupBy.${g}`) }))}
          onValue={(g) => g && onGroupBy(g)}
          testId="plays-groupby"
        />
        <SelectField
          id="rep-region"
          label={t('plays.region')}
          value={region}
          placeholder={t('region.all')}
          choices={REGIONS.map((r) => ({ value: r, label: t(`region.${r}`) }))}
          onValue={onRegion}
          testId="plays-region"
        />
        <a class={controls.button} href={downloads.playsCsv(range, groupBy, region)} download>
          {t('csvServer')}
        </a>
      </div>
      <Pending resource={plays} label={t('plays.title')} />
      {plays.data && <PlaysResult data={plays.data} groupBy={groupBy} region={region} num={num} />}
      {plays.data && <LiveAnnouncements items={plays.data.live} range={range} region={region} />}
    </section>
  );
}

function PlaysResult({ data, groupBy, region, num }: { data: PlaysReport; groupBy: PlaysGroupBy; region: PlaysRegion | ''; num: ReportNumbers }) {
  const { t, tf } = reportsText;
  const { nf, duration } = num;
  return (
    <>
      <p data-testid="plays-totals">
        {tf('plays.totals', { plays: nf.format(data.totals.plays), duration: duration(data.totals.seconds), devices: data.totals.devices })}
      </p>
      {groupBy === 'day' ? (
        <LineChart
          title={tf('plays.chart', { by: t('groupBy.day') })}
          points={data.rows.map((r) => ({ label: r.label.slice(5), value: r.plays }))}
          format={(v) => nf.format(v)}
        />
      ) : (
        <BarChart
          title={tf('plays.chart', { by: t(`groupBy.${groupBy}`) })}
          bars={data.rows.slice(0, 15).map((r) => ({ label: r.label, value: r.plays }))}
          format={(v) => nf.format(v)}
          integer
        />
      )}
      <DataTable
        caption={t('plays.title')}
        columns={playColumns(num)}
        rows={data.rows}
        rowKey={(r) => r.key}
        csvName={`${t('plays.csv')}-${groupBy}${region ? `-${region}` : ''}`}
        testId="plays-table"
      />
    </>
  );
}
