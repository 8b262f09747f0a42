// The content library: thumbnails, search, filters (kind, tag, state, validity) and CSV export of the
// table as shown. Kind, tag, state and text are filtered by the server; validity here, at "now".
import { useState } from 'preact/hooks';
import { listContent, type Content, type ContentKind, type ContentState } from '../../../lib/content-api';
import { formatDateTime, validityAt, type Validity } from '../../../lib/datetime';
import { lang, t, tf } from '../../../lib/i18n';
import { can } from '../../../lib/permissions';
import { session } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Field, SelectField } from '../../../components/Field/index';
import { ScreenPage } from '../../../components/ScreenPage/index';
import { StateBadge } from '../StateBadge/index';
import { BulkSubmitBar } from '../BulkSubmit/index';
import bulk from '../BulkSubmit/style.module.css';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

const KINDS: ContentKind[] = ['message', 'clip', 'ad', 'quiz'];
const STATES: ContentState[] = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn', 'expired'];
const VALIDITIES: Validity[] = ['current', 'upcoming', 'ended', 'always'];

const validityOf = (c: Content, now: number): Validity => validityAt(c.latest?.validFrom ?? null, c.latest?.validTo ?? null, now);

function Thumb({ item }: { item: Content }) {
  const media = item.latest?.media;
  if (media?.thumbnailUrl) return <img class={styles.thumb} src={media.thumbnailUrl} alt="" loading="lazy" />;
  return (
    <span class={styles.icon} role="img" aria-label={item.kind === 'message' ? t('content.messageIcon') : t(`kind.${item.kind}`)}>
      {item.kind === 'message' ? 'Aa' : item.kind === 'ad' ? 'QC' : item.kind === 'quiz' ? '?' : '▶'}
    </span>
  );
}

const titleOf = (c: Content) => c.latest?.title ?? `#${c.id}`;
/** A draft this person may submit from the list. */
const submittable = (c: Content) => c.latest?.state === 'draft' && !c.system;

interface Selection {
  selected: readonly number[];
  toggle: (id: number, on: boolean) => void;
}

function selectColumn({ selected, toggle }: Selection): Column<Content> {
  return {
    key: 'select',
    header: t('bulk.selectAll'),
    render: (c) =>
      submittable(c) ? (
        <label class={`${controls.choice} ${bulk.pick}`}>
          <input
            type="checkbox"
            checked={selected.includes(c.id)}
            aria-label={tf('bulk.select', { title: titleOf(c) })}
            onChange={(e) => toggle(c.id, e.currentTarget.checked)}
            data-testid="select-item"
          />
        </label>
      ) : null,
  };
}

function columns(now: number, selection: Selection | null): Column<Content>[] {
  return [
    ...(selection ? [selectColumn(selection)] : []),
    { key: 'thumb', header: t('col.thumb'), render: (c) => <Thumb item={c} /> },
    {
      key: 'title',
      header: t('col.title'),
      render: (c) => (
        <a href={`/content/${c.id}`} class={styles.title} data-testid="content-link">
          {c.latest?.title ?? `#${c.id}`}
        </a>
      ),
      csv: (c) => c.latest?.title,
    },
    { key: 'kind', header: t('col.kind'), render: (c) => t(`kind.${c.kind}`), csv: (c) => t(`kind.${c.kind}`), nowrap: true },
    {
      key: 'state',
      header: t('col.state'),
      render: (c) => (c.latest ? <StateBadge state={c.latest.state} /> : null),
      csv: (c) => (c.latest ? t(`state.${c.latest.state}`) : ''),
    },
    { key: 'version', header: t('col.version'), render: (c) => c.latest?.number, csv: (c) => c.latest?.number, nowrap: true },
    {
      key: 'playing',
      header: t('col.playing'),
      render: (c) => (c.playing ? tf('content.versionN', { n: c.playing.number }) : '—'),
      csv: (c) => c.playing?.number ?? '',
      nowrap: true,
    },
    {
      key: 'validity',
      header: t('col.validity'),
      render: (c) => t(`validity.${validityOf(c, now)}`),
      csv: (c) => t(`validity.${validityOf(c, now)}`),
    },
    { key: 'tags', header: t('col.tags'), render: (c) => c.latest?.tags.join(', '), csv: (c) => c.latest?.tags.join(', ') },
    { key: 'owner', header: t('col.owner'), render: (c) => c.owner.name, csv: (c) => c.owner.name },
    {
      key: 'updated',
      header: t('col.updated'),
      render: (c) => formatDateTime(c.updatedAt, lang.value),
      csv: (c) => c.updatedAt,
      nowrap: true,
    },
  ];
}

export function ContentLibrary() {
  const [kind, setKind] = useState<ContentKind | ''>('');
  const [state, setState] = useState<ContentState | ''>('');
  const [tag, setTag] = useState('');
  const [validity, setValidity] = useState<Validity | ''>('');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const res = useResource(
    () =>
      listContent({
        kind: kind || undefined,
        state: state || undefined,
        tag: tag.trim() || undefined,
        q: q.trim() || undefined,
        limit: 200,
      }),
    [kind, state, tag, q],
  );
  const now = Date.now();
  const rows = (res.data ?? []).filter((c) => !validity || validityOf(c, now) === validity);
  const roles = session.value?.user.roles ?? [];
  const writer = can(roles, 'content.write');
  const [selected, setSelected] = useState<number[]>([]);
  const drafts = rows.filter(submittable).map((c) => c.id);
  const chosen = selected.filter((id) => drafts.includes(id));
  const selection: Selection = {
    selected: chosen,
    toggle: (id, on) => setSelected((s) => (on ? [...new Set([...s, id])] : s.filter((x) => x !== id))),
  };
  const titles = new Map(rows.map((c) => [c.id, titleOf(c)]));

  return (
    <ScreenPage
      title="nav.content"
      wide
      actions={
        writer && (
          <>
            <a href="/content/new" class={controls.primary} data-testid="new-message">
              {t('content.newMessage')}
            </a>
            <a href="/content/upload" class={controls.button} data-testid="open-upload">
              {t('content.upload')}
            </a>
            <a href="/content/new-quiz" class={controls.button} data-testid="new-quiz">
              {t('quiz.newButton')}
            </a>
          </>
        )
      }
    >
      <form
        class={styles.filters}
        role="search"
        aria-label={t('content.filters')}
        onSubmit={(e) => {
          e.preventDefault();
          setQ(text);
        }}
      >
        <Field id="content-q" label={t('common.search')}>
          <div class={controls.row}>
            <input
              id="content-q"
              class={`${controls.input} ${styles.search}`}
              type="search"
              placeholder={t('content.search')}
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
            <button type="submit" class={controls.button}>
              {t('common.search')}
            </button>
          </div>
        </Field>
        <SelectField
          id="content-kind"
          label={t('content.filterKind')}
          value={kind}
          placeholder={t('common.all')}
          choices={KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) }))}
          onValue={setKind}
        />
        <SelectField
          id="content-state"
          label={t('content.filterState')}
          value={state}
          placeholder={t('common.all')}
          choices={STATES.map((v) => ({ value: v, label: t(`state.${v}`) }))}
          onValue={setState}
        />
        <Field id="content-tag" label={t('content.filterTag')}>
          <input id="content-tag" class={controls.input} value={tag} onChange={(e) => setTag(e.currentTarget.value)} />
        </Field>
        <SelectField
          id="content-validity"
          label={t('content.filterValidity')}
          value={validity}
          placeholder={t('common.all')}
          choices={VALIDITIES.map((v) => ({ value: v, label: t(`validity.${v}`) }))}
          onValue={setValidity}
        />
      </form>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {writer && (
        <BulkSubmitBar
          drafts={drafts}
          selected={chosen}
          onSelected={setSelected}
          titleOf={(id) => titles.get(id) ?? `#${id}`}
          onSubmitted={() => {
            setSelected([]);
            res.reload();
          }}
        />
      )}
      {res.loading && !res.data ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <DataTable
          caption={t('content.library')}
          columns={columns(now, writer ? selection : null)}
          rows={rows}
          rowKey={(c) => c.id}
          empty={t('content.empty')}
          csvName={t('content.csvName')}
          testId="content-table"
        />
      )}
    </ScreenPage>
  );
}
