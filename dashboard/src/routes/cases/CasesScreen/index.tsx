// The case list (phản ánh): filters by status, category, kiosk and period, the list, and the selected case
// with the workflow steps its status allows. Reviewers handle; admins and the police (forwarded cases only)
// read. A link a citizen typed is shown as text and never made clickable.
import { useState } from 'preact/hooks';
import { CASE_STATUSES, REPORT_CATEGORIES, can } from '@bantin/protocol/core';
import { listCases, type Case, type CaseQuery } from '../../../lib/cases-api';
import { formatDateTime } from '../../../lib/datetime';
import { listDevices } from '../../../lib/devices-api';
import { lang } from '../../../lib/i18n';
import { dayBounds } from '../../../lib/local-day';
import { casesText } from '../../../lib/messages/cases';
import { session } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Notice } from '../../../components/Notice/index';
import controls from '../../../components/controls.module.css';
import { CaseDetail } from '../CaseDetail/index';

type Filter = { status: string; category: string; kiosk: string; from: string; to: string };
const EMPTY: Filter = { status: '', category: '', kiosk: '', from: '', to: '' };

function toQuery(f: Filter): CaseQuery {
  const q: CaseQuery = {};
  if (f.status) q.status = f.status as CaseQuery['status'];
  if (f.category) q.category = f.category as CaseQuery['category'];
  if (f.kiosk) q.deviceId = f.kiosk;
  if (f.from) q.from = new Date(dayBounds(f.from).from).toISOString();
  if (f.to) q.to = new Date(dayBounds(f.to).to).toISOString();
  return q;
}

export const whereText = (c: Case) =>
  [c.platform ? casesText.t(`platform.${c.platform}`) : null, c.link].filter((x): x is string => !!x).join(' · ');

export function CasesScreen() {
  const { t, tf } = casesText;
  const roles = session.value?.user.roles ?? [];
  const canHandle = can(roles, 'cases.handle');
  const [filter, setFilter] = useState<Filter>(EMPTY);
  const [selected, setSelected] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = useResource(() => listCases(toQuery(filter)), [filter.status, filter.category, filter.kiosk, filter.from, filter.to]);
  // The kiosk filter lists the kiosks only.
  const kiosks = useResource(async () => (await listDevices()).filter((d) => d.kind === 'kiosk'), []);
  const l = lang.value;
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));
  const rows = list.data ?? [];
  const current = rows.find((c) => c.id === selected) ?? null;

  const columns: Column<Case>[] = [
    { key: 'id', header: '#', render: (c) => c.id, csv: (c) => c.id, nowrap: true },
    { key: 'received', header: t('col.received'), render: (c) => formatDateTime(c.receivedAt, l), csv: (c) => c.receivedAt, nowrap: true },
    { key: 'category', header: t('col.category'), render: (c) => t(`category.${c.category}`), csv: (c) => t(`category.${c.category}`) },
    { key: 'where', header: t('col.where'), render: (c) => whereText(c), csv: (c) => whereText(c) },
    { key: 'description', header: t('col.description'), render: (c) => c.description, csv: (c) => c.description },
    { key: 'kiosk', header: t('col.kiosk'), render: (c) => c.deviceName ?? `#${c.deviceId}`, csv: (c) => c.deviceName ?? c.deviceId },
    {
      key: 'status',
      header: t('col.status'),
      render: (c) => <span data-testid={`case-status-${c.id}`}>{t(`status.${c.status}`)}</span>,
      csv: (c) => t(`status.${c.status}`),
      nowrap: true,
    },
    {
      key: 'open',
      header: t('col.open'),
      render: (c) => (
        <button type="button" class={controls.button} onClick={() => setSelected(c.id)} data-testid={`case-open-${c.id}`}>
          {t('col.open')}
        </button>
      ),
    },
  ];

  return (
    <div data-testid="cases-screen">
      {!canHandle && <p class={controls.muted}>{can(roles, 'cases.read') ? t('readonly') : t('list.policeOnly')}</p>}
      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)} testId="case-updated">
          {notice}
        </Notice>
      )}
      <fieldset class={controls.fieldset}>
        <legend>{t('filter.title')}</legend>
        <div class={controls.row}>
          <label>
            {t('filter.status')}{' '}
            <select
              class={controls.input}
              value={filter.status}
              onChange={(e) => set({ status: e.currentTarget.value })}
              data-testid="case-filter-status"
            >
              <option value="">{t('filter.any')}</option>
              {CASE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filter.category')}{' '}
            <select
              class={controls.input}
              value={filter.category}
              onChange={(e) => set({ category: e.currentTarget.value })}
              data-testid="case-filter-category"
            >
              <option value="">{t('filter.any')}</option>
              {REPORT_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`category.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filter.kiosk')}{' '}
            <select
              class={controls.input}
              value={filter.kiosk}
              onChange={(e) => set({ kiosk: e.currentTarget.value })}
              data-testid="case-filter-kiosk"
            >
              <option value="">{t('filter.any')}</option>
              {(kiosks.data ?? []).map((d) => (
                <option key={d.id} value={String(d.id)}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('filter.from')}{' '}
            <input
              type="date"
              class={controls.input}
              value={filter.from}
              onInput={(e) => set({ from: e.currentTarget.value })}
              data-testid="case-filter-from"
            />
          </label>
          <label>
            {t('filter.to')}{' '}
            <input
              type="date"
              class={controls.input}
              value={filter.to}
              onInput={(e) => set({ to: e.currentTarget.value })}
              data-testid="case-filter-to"
            />
          </label>
        </div>
      </fieldset>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {current && (
        <div class={controls.section}>
          <CaseDetail
            key={current.id}
            item={current}
            canHandle={canHandle}
            onClose={() => setSelected(null)}
            onChanged={(c) => {
              setNotice(tf('step.done', { id: c.id, status: t(`status.${c.status}`) }));
              list.reload();
            }}
          />
        </div>
      )}
      <section class={controls.section} aria-labelledby="cases-list">
        <h2 id="cases-list" class={controls.heading}>
          {t('list.title')}
        </h2>
        <DataTable
          caption={t('list.title')}
          columns={columns}
          rows={rows}
          rowKey={(c) => c.id}
          empty={list.loading ? undefined : t('list.empty')}
          csvName={t('list.csv')}
          testId="case-list"
        />
      </section>
    </div>
  );
}
