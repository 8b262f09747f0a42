// Relays on air now and their dead-air incidents (mất tín hiệu), refreshed every few seconds: staff see at once
// when VOV1 drops and the loudspeakers fall back, and when it comes back.
import { useEffect } from 'preact/hooks';
import { formatDateTime } from '../../../lib/datetime';
import { lang } from '../../../lib/i18n';
import { relaysText } from '../../../lib/messages/relays';
import { relaysOnAir, type RelaysOnAir } from '../../../lib/relays-api';
import { useResource } from '../../../lib/use-resource';
import { DataTable } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Notice } from '../../../components/Notice/index';
import controls from '../../../components/controls.module.css';

const REFRESH_MS = 5000;
type Incident = RelaysOnAir['incidents'][number];

export function RelayOnAir() {
  const { t, tf } = relaysText;
  const data = useResource(relaysOnAir, []);
  useEffect(() => {
    const timer = setInterval(() => data.reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  const d = data.data;
  /** "Tiếp âm VOV1 buổi sáng (VOV1)": the entry, and the source it pulls. */
  const nameOf = (r: RelaysOnAir['relays'][number]) => (r.name ? `${r.name} (${r.source})` : r.source || `#${r.scheduleId}`);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, lang.value) : t('incident.open'));
  return (
    <section class={controls.section} aria-labelledby="relay-on-air" data-testid="relay-on-air">
      <h2 id="relay-on-air" class={controls.heading}>
        {t('onAir.title')}
      </h2>
      {data.error != null && !d && <ErrorNotice error={data.error} onRetry={data.reload} />}
      {d && d.relays.length === 0 && <p class={controls.muted}>{t('onAir.none')}</p>}
      {d?.relays.map((r) =>
        r.onAir ? (
          <Notice key={r.scheduleId} tone="success" testId="relay-live">
            {tf('onAir.live', { name: nameOf(r) })}
          </Notice>
        ) : (
          <Notice key={r.scheduleId} tone="error" testId="relay-dead-air">
            {tf('onAir.dead', { name: nameOf(r) })}
          </Notice>
        ),
      )}
      {d && d.incidents.length === 0 && <p class={controls.muted}>{t('incident.none')}</p>}
      {d && d.incidents.length > 0 && (
        <DataTable<Incident>
          caption={t('onAir.title')}
          columns={[
            { key: 'entry', header: t('incident.col.entry'), render: (i) => i.scheduleName, csv: (i) => i.scheduleName },
            { key: 'source', header: t('incident.col.source'), render: (i) => i.sourceName, csv: (i) => i.sourceName },
            { key: 'reason', header: t('incident.col.reason'), render: (i) => t(`incident.reason.${i.reason}`), csv: (i) => i.reason },
            { key: 'start', header: t('incident.col.start'), render: (i) => when(i.startedAt), csv: (i) => i.startedAt, nowrap: true },
            { key: 'end', header: t('incident.col.end'), render: (i) => when(i.endedAt), csv: (i) => i.endedAt ?? '', nowrap: true },
          ]}
          rows={d.incidents}
          rowKey={(i) => String(i.id)}
          csvName="su-co-tiep-am"
          testId="relay-incidents"
        />
      )}
    </section>
  );
}
