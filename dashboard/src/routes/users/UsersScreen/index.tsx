// Staff accounts (admin only): the list, a new account, and per account its roles, disabling and a
// password reset. The server refuses to remove the last administrator and says so.
import { useState } from 'preact/hooks';
import { listUsers, patchUser, type PatchUserInput, type User } from '../../../lib/admin-api';
import { formatDateTime } from '../../../lib/datetime';
import { lang, t, tf } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Notice } from '../../../components/Notice/index';
import { ScreenPage } from '../../../components/ScreenPage/index';
import { UserForm } from './user-form';
import controls from '../../../components/controls.module.css';

export function UsersScreen() {
  const res = useResource(listUsers, []);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function toggle(u: User) {
    setError(null);
    try {
      const saved = await patchUser(u.id, { disabled: !u.disabled } satisfies PatchUserInput);
      setDone(tf('users.updated', { name: saved.username }));
      res.reload();
    } catch (err) {
      setError(err);
    }
  }

  const columns: Column<User>[] = [
    { key: 'username', header: t('users.username'), render: (u) => <strong>{u.username}</strong>, csv: (u) => u.username },
    { key: 'name', header: t('users.displayName'), render: (u) => u.displayName, csv: (u) => u.displayName },
    { key: 'roles', header: t('users.roles'), render: (u) => u.roles.map((r) => t(`role.${r}`)).join(', '), csv: (u) => u.roles.join(' ') },
    {
      key: 'status',
      header: t('users.status'),
      render: (u) => t(u.disabled ? 'users.disabled' : 'users.active'),
      csv: (u) => t(u.disabled ? 'users.disabled' : 'users.active'),
    },
    {
      key: 'created',
      header: t('users.created_at'),
      render: (u) => formatDateTime(u.createdAt, lang.value),
      csv: (u) => u.createdAt,
      nowrap: true,
    },
    {
      key: 'actions',
      header: t('users.actions'),
      render: (u) => (
        <span class={controls.row}>
          <button
            type="button"
            class={controls.button}
            onClick={() => setEditing(u)}
            aria-label={tf('users.editing', { name: u.username })}
            data-testid={`edit-user-${u.username}`}
          >
            {t('users.edit')}
          </button>
          <button type="button" class={controls.button} onClick={() => toggle(u)}>
            {t(u.disabled ? 'users.enable' : 'users.disable')}
          </button>
        </span>
      ),
    },
  ];

  return (
    <ScreenPage
      title="nav.users"
      wide
      actions={
        <button type="button" class={controls.primary} onClick={() => setEditing('new')} data-testid="new-user">
          {t('users.new')}
        </button>
      }
    >
      {done && (
        <Notice tone="success" onDismiss={() => setDone(null)} testId="users-done">
          {done}
        </Notice>
      )}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {editing && (
        <UserForm
          key={editing === 'new' ? 'new' : editing.id}
          user={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(message) => {
            setDone(message);
            setEditing(null);
            res.reload();
          }}
        />
      )}
      {res.data ? (
        <DataTable
          caption={t('users.list')}
          columns={columns}
          rows={res.data}
          rowKey={(u) => u.id}
          csvName={t('users.csvName')}
          testId="users-table"
        />
      ) : (
        !res.error && <p role="status">{t('common.loading')}</p>
      )}
    </ScreenPage>
  );
}
