// A device's day as a Gantt chart from its compiled timeline (GET /api/devices/{id}/timeline): what plays
// when, coloured by class, and why — the reason appears on hover and on keyboard focus (each bar is a tab
// stop whose reason is also its accessible description). The reason is a sentence in the chosen language
// (class · schedule · when), with the schedule's name as a link that opens it.
import { useMemo, useState } from 'preact/hooks';
import { deviceTimeline, type Device } from '../../../lib/devices-api';
import { hourTicks, layoutDay, positionInDay, type SegmentLike } from '../../../lib/gantt-layout';
import { lang } from '../../../lib/i18n';
import { dayBounds, localDate } from '../../../lib/local-day';
import { schedulesText } from '../../../lib/messages/schedules';
import { useResource } from '../../../lib/use-resource';
import { whyPlaying, type ScheduleLike } from '../../../lib/why-playing';
import { ClassLegend, classColour } from '../ClassLegend/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  devices: readonly Device[];
  now: number;
  /** Content titles by id, to name what plays. */
  titles: ReadonlyMap<string, string>;
  /** The schedules, to name the one behind each reason. */
  schedules: readonly ScheduleLike[];
  /** Opens a schedule (the link of its name in a reason). */
  onOpenSchedule: (id: number) => void;
  initialDeviceId?: number;
}

export function DeviceGantt({ devices, now, titles, schedules, onOpenSchedule, initialDeviceId }: Props) {
  const { t, tf } = schedulesText;
  const [deviceId, setDeviceId] = useState<number | null>(initialDeviceId ?? devices[0]?.id ?? null);
  const [date, setDate] = useState(localDate(now));
  const device = devices.find((d) => d.id === deviceId) ?? devices[0];
  const timeline = useResource(async () => {
    if (!device || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
    const { from, to } = dayBounds(date);
    return deviceTimeline(device.id, from, to);
  }, [device?.id, date]);
  const bars = useMemo(() => (timeline.data ? layoutDay(timeline.data.segments as SegmentLike[], date) : []), [timeline.data, date]);
  const nowAt = positionInDay(now, date);
  const byId = useMemo(() => new Map(schedules.map((x) => [String(x.id), x])), [schedules]);

  if (!device) return <p class={controls.muted}>{t('gantt.noDevice')}</p>;
  return (
    <div data-testid="device-gantt">
      <div class={controls.row}>
        <label class={styles.inline}>
          {t('gantt.device')}{' '}
          <select
            class={controls.input}
            value={String(device.id)}
            onChange={(e) => setDeviceId(Number(e.currentTarget.value))}
            data-testid="gantt-device"
          >
            {devices.map((d) => (
              <option key={d.id} value={String(d.id)}>
                {d.name} ({t(`kind.${d.kind}`)})
              </option>
            ))}
          </select>
        </label>
        <label class={styles.inline}>
          {t('gantt.date')}{' '}
          <input type="date" class={controls.input} value={date} onInput={(e) => setDate(e.currentTarget.value)} data-testid="gantt-date" />
        </label>
      </div>
      <ClassLegend />
      <p class={controls.muted}>{t('gantt.hint')}</p>
      {timeline.loading && <ProgressBar label={t('gantt.title')} value={null} />}
      {timeline.error != null && <ErrorNotice error={timeline.error} onRetry={timeline.reload} />}
      <div class={styles.chart}>
        <ol class={styles.track} aria-label={`${t('gantt.title')}: ${device.name}`}>
          {bars.map((b, i) => {
            const tipId = `gantt-tip-${i}`;
            const names = [...b.titles, ...b.contentIds.filter((id) => titles.has(id)).map((id) => titles.get(id)!)];
            return (
              <li
                key={b.key}
                class={`${styles.bar} ${classColour(b.class)}`}
                style={{ left: `${b.left}%`, width: `${b.width}%` }}
                tabIndex={0}
                aria-label={tf('gantt.bar', { start: b.startLabel, end: b.endLabel, cls: t(`class.${b.class}`) })}
                aria-describedby={tipId}
                data-testid="gantt-bar"
                data-class={b.class}
              >
                <span class={styles.label} aria-hidden="true">
                  {t(`class.${b.class}`)}
                </span>
                <div id={tipId} role="tooltip" class={`${styles.tip} ${b.left > 60 ? styles.tipLeft : ''}`} data-testid="gantt-reason">
                  <strong>
                    {b.startLabel}–{b.endLabel} · {t(`class.${b.class}`)}
                  </strong>
                  <span>{t(b.mode === 'once' ? 'gantt.once' : 'gantt.loop')}</span>
                  <span>
                    {t('gantt.reason')}:{' '}
                    {b.why.map((r, k) => (
                      <span key={r.rule} data-testid="gantt-why">
                        {k > 0 && '; '}
                        <Why why={whyPlaying(r, b.class, b.startLabel, byId, lang.value)} onOpen={onOpenSchedule} />
                      </span>
                    ))}
                  </span>
                  {names.length > 0 && (
                    <span>
                      {t('gantt.contents')}: {[...new Set(names)].join(', ')}
                    </span>
                  )}
                </div>
              </li>
            );
          })}
          {nowAt !== null && <li class={styles.now} style={{ left: `${nowAt}%` }} aria-label={t('gantt.now')} />}
        </ol>
        <div class={styles.axis} aria-hidden="true">
          {hourTicks(3).map((tick) => (
            <span key={tick.label} style={{ left: `${tick.left}%` }}>
              {tick.label}
            </span>
          ))}
        </div>
      </div>
      {!timeline.loading && timeline.error == null && bars.length === 0 && <p class={controls.muted}>{t('gantt.empty')}</p>}
    </div>
  );
}

/** One reason as a sentence: "Thông thường · lịch #4 «Tuyên truyền» · cả ngày", the name a link. */
function Why({ why, onOpen }: { why: ReturnType<typeof whyPlaying>; onOpen: (id: number) => void }) {
  const { t } = schedulesText;
  const s = why.schedule;
  return (
    <>
      {why.cls}
      {s && (
        <>
          {' · '}
          {t('why.schedule')} #{s.id}
          {s.name !== null && (
            <>
              {' «'}
              <a
                href={`/schedules/${s.id}`}
                class={styles.link}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(Number(s.id));
                }}
                data-testid="gantt-schedule-link"
              >
                {s.name}
              </a>
              {'»'}
            </>
          )}
        </>
      )}
      {' · '}
      {why.when}
    </>
  );
}
