// The schedules screen: the schedule list with its plain-language rules, the editor, a group's week
// calendar, a device's day timeline with reasons, and the conflict report. Viewers see it all; editors and
// admins also create, edit and delete.
import { listRelaySources } from '../../../lib/relays-api';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { listContent } from '../../../lib/content-api';
import { listDevices, listGroups } from '../../../lib/devices-api';
import { lang } from '../../../lib/i18n';
import { localDate } from '../../../lib/local-day';
import { schedulesText } from '../../../lib/messages/schedules';
import { can as canDo } from '../../../lib/permissions';
import { describeRecurrence } from '../../../lib/recurrence-text';
import { emptyForm, formFromSchedule } from '../../../lib/schedule-form';
import { deleteSchedule, listPlaylists, listSchedules, scheduleConflicts, type Schedule } from '../../../lib/schedules-api';
import { session } from '../../../lib/session';
import { summarizeTargets } from '@bantin/protocol/core';
import { useResource } from '../../../lib/use-resource';
import { ConflictList } from '../ConflictList/index';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { DeviceGantt } from '../DeviceGantt/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Notice } from '../../../components/Notice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import { ScheduleEditor } from '../ScheduleEditor/index';
import { WeekCalendar } from '../WeekCalendar/index';
import controls from '../../../components/controls.module.css';

async function loadAll() {
  const [schedules, devices, groups, playlists, contents, conflicts, relays] = await Promise.all([
    listSchedules(),
    listDevices(),
    listGroups(),
    listPlaylists(),
    listContent({ limit: 200 }),
    scheduleConflicts(),
    listRelaySources(),
  ]);
  return { schedules, devices, groups, playlists, contents, conflicts, relays };
}

export function SchedulesScreen() {
  const { t, tf } = schedulesText;
  const data = useResource(loadAll, []);
  const [editing, setEditing] = useState<Schedule | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const roles = session.value?.user.roles ?? [];
  const canWrite = canDo(roles, 'schedules.write');
  const now = Date.now();
  const today = localDate(now);
  const blank = useMemo(() => emptyForm(today, `${today.slice(0, 4)}-12-31`), [today]);
  const d = data.data;
  // A schedule's own address (/schedules/12, the link of a "why it plays" sentence opened in a new tab)
  // opens it once the list is loaded: in the editor for editors, in the list for everyone else.
  const { params } = useRoute();
  const linkedId = Number((params.sub ?? '').split('/')[0]) || null;
  const opened = useRef<number | null>(null);
  // After the editor has rendered: the editor for editors, the list for everyone else.
  const reveal = () =>
    setTimeout(() => document.getElementById(canWrite ? 'schedule-editor-title' : 'sch-list')?.scrollIntoView({ block: 'start' }), 0);
  useEffect(() => {
    const s = d?.schedules.find((x) => x.id === linkedId);
    if (!s || opened.current === s.id) return;
    opened.current = s.id;
    if (canWrite) setEditing(s);
    reveal();
  }, [d, linkedId, canWrite]);
  const titles = useMemo(
    () => new Map((d?.contents ?? []).map((c) => [String(c.id), c.playing?.title ?? c.latest?.title ?? `#${c.id}`])),
    [d],
  );

  if (!d)
    return data.error != null ? (
      <ErrorNotice error={data.error} onRetry={data.reload} />
    ) : (
      <ProgressBar label={t('list.title')} value={null} />
    );

  const sentenceOf = (s: Schedule) => describeRecurrence(s, summarizeTargets(s.target, d.devices, d.groups), lang.value);
  const whatOf = (s: Schedule) =>
    s.relaySourceId !== null
      ? tf('what.relay', { name: d.relays.find((r) => r.id === s.relaySourceId)?.name ?? `#${s.relaySourceId}` })
      : s.contentId !== null
        ? (titles.get(String(s.contentId)) ?? tf('what.content', { id: s.contentId }))
        : (d.playlists.find((p) => p.id === s.playlistId)?.name ?? tf('what.playlist', { id: s.playlistId ?? 0 }));
  const open = (id: number) => {
    const s = d.schedules.find((x) => x.id === id);
    if (s && canWrite) setEditing(s);
  };
  // A reason's link: editors get the schedule in the editor, everyone the list where it stands.
  const openFromReason = (id: number) => {
    open(id);
    reveal();
  };
  async function remove(s: Schedule) {
    if (!window.confirm(tf('list.confirmDelete', { name: s.name || `#${s.id}` }))) return;
    try {
      await deleteSchedule(s.id);
      setNotice(t('list.deleted'));
      data.reload();
    } catch (err) {
      setActionError(err);
    }
  }

  const columns: Column<Schedule>[] = [
    { key: 'name', header: t('col.name'), render: (s) => s.name || `#${s.id}`, csv: (s) => s.name },
    { key: 'class', header: t('col.class'), render: (s) => t(`class.${s.class}`), csv: (s) => t(`class.${s.class}`), nowrap: true },
    { key: 'what', header: t('col.what'), render: whatOf, csv: whatOf },
    { key: 'rule', header: t('col.rule'), render: (s) => <span data-testid="schedule-sentence">{sentenceOf(s)}</span>, csv: sentenceOf },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: t('col.actions'),
      nowrap: true,
      render: (s) => (
        <div class={controls.row}>
          <button
            type="button"
            class={controls.button}
            onClick={() => setEditing(s)}
            aria-label={`${t('list.edit')} ${s.name || `#${s.id}`}`}
          >
            {t('list.edit')}
          </button>
          <button
            type="button"
            class={controls.button}
            onClick={() => void remove(s)}
            aria-label={`${t('list.delete')} ${s.name || `#${s.id}`}`}
          >
            {t('list.delete')}
          </button>
        </div>
      ),
    });
  }

  return (
    <div data-testid="schedules-screen">
      {!canWrite && <p class={controls.muted}>{t('readonly')}</p>}
      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)} testId="schedules-notice">
          {notice}
        </Notice>
      )}
      {actionError != null && <ErrorNotice error={actionError} onDismiss={() => setActionError(null)} />}
      {canWrite && editing === null && (
        <button type="button" class={controls.primary} onClick={() => setEditing('new')} data-testid="schedule-new">
          {t('list.new')}
        </button>
      )}
      {canWrite && editing !== null && (
        <ScheduleEditor
          key={editing === 'new' ? 'new' : editing.id}
          initial={editing === 'new' ? blank : formFromSchedule(editing, blank)}
          editing={editing === 'new' ? null : editing}
          contents={d.contents}
          playlists={d.playlists}
          relays={d.relays}
          devices={d.devices}
          groups={d.groups}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(t('list.saved'));
            data.reload();
          }}
        />
      )}
      <section class={controls.section} aria-labelledby="sch-list">
        <h2 id="sch-list" class={controls.heading}>
          {t('list.title')}
        </h2>
        <DataTable
          caption={t('list.title')}
          columns={columns}
          rows={d.schedules}
          rowKey={(s) => s.id}
          empty={t('list.empty')}
          csvName={t('list.csv')}
          testId="schedule-list"
        />
      </section>
      <section class={controls.section} aria-labelledby="sch-week">
        <h2 id="sch-week" class={controls.heading}>
          {t('week.title')}
        </h2>
        <WeekCalendar schedules={d.schedules} groups={d.groups} devices={d.devices} now={now} onOpen={open} />
      </section>
      <section class={controls.section} aria-labelledby="sch-gantt">
        <h2 id="sch-gantt" class={controls.heading}>
          {t('gantt.title')}
        </h2>
        <DeviceGantt
          key={d.schedules.map((s) => s.updatedAt).join()}
          devices={d.devices}
          now={now}
          titles={titles}
          schedules={d.schedules}
          onOpenSchedule={openFromReason}
        />
      </section>
      <section class={controls.section} aria-labelledby="sch-conflicts">
        <h2 id="sch-conflicts" class={controls.heading}>
          {t('conflicts.title')}
        </h2>
        <ConflictList conflicts={d.conflicts.conflicts} devices={d.devices} />
      </section>
    </div>
  );
}
