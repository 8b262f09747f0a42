// Create an account, or change one's display name, roles and password.
import { useState } from 'preact/hooks';
import { createUser, patchUser, type User } from '../../../lib/admin-api';
import type { Role } from '../../../lib/api';
import { t, tf, type MessageKey } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { TextField } from '../../../components/Field/index';
import { FormActions } from '../../../components/FormActions/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

const ROLES: Role[] = ['editor', 'reviewer', 'ad_reviewer', 'announcer', 'viewer', 'admin'];

interface Props {
  user: User | null;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

export function UserForm({ user, onSaved, onCancel }: Props) {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [password, setPassword] = useState('');
  // A new account starts with no role: every right it gets is ticked on purpose.
  const [roles, setRoles] = useState<Role[]>(user?.roles ?? []);
  const [errors, setErrors] = useState<Partial<Record<'roles' | 'password', MessageKey>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function save(e: Event) {
    e.preventDefault();
    const found: typeof errors = {};
    if (roles.length === 0) found.roles = 'users.rolesRequired';
    if ((user === null || password) && password.length < 10) found.password = 'users.passwordShort';
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    try {
      const saved = user
        ? await patchUser(user.id, { displayName: displayName.trim() || user.displayName, roles, ...(password ? { password } : {}) })
        : await createUser({ username: username.trim(), displayName: displayName.trim() || username.trim(), password, roles });
      onSaved(tf(user ? 'users.updated' : 'users.created', { name: saved.username }));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const pwErr = errors.password ? t(errors.password) : null;
  return (
    <form class={styles.form} onSubmit={save} noValidate data-testid="user-form" aria-labelledby="user-form-h">
      <h2 id="user-form-h" class={controls.heading}>
        {user ? tf('users.editing', { name: user.username }) : t('users.new')}
      </h2>
      <div class={controls.grid}>
        {!user && (
          <TextField
            id="u-username"
            label={t('users.username')}
            autoComplete="off"
            value={username}
            onValue={setUsername}
            testId="u-username"
          />
        )}
        <TextField id="u-name" label={t('users.displayName')} value={displayName} onValue={setDisplayName} testId="u-name" />
        <TextField
          id="u-password"
          type="password"
          autoComplete="new-password"
          label={t(user ? 'users.newPassword' : 'users.password')}
          error={pwErr}
          value={password}
          onValue={setPassword}
          testId="u-password"
        />
      </div>
      <fieldset class={styles.roles} aria-describedby={errors.roles ? 'u-roles-error' : undefined}>
        <legend>{t('users.roles')}</legend>
        {ROLES.map((r) => (
          <label key={r} class={styles.role}>
            <input
              type="checkbox"
              checked={roles.includes(r)}
              onChange={(e) => setRoles((rs) => (e.currentTarget.checked ? [...rs, r] : rs.filter((x) => x !== r)))}
              data-testid={`u-role-${r}`}
            />
            {t(`role.${r}`)}
          </label>
        ))}
        {errors.roles && (
          <p id="u-roles-error" class={styles.error}>
            {t(errors.roles)}
          </p>
        )}
      </fieldset>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      <FormActions
        label={user ? t('common.save') : t('users.create')}
        disabled={busy}
        testId="u-save"
        cancelLabel={t('common.cancel')}
        onCancel={onCancel}
      />
    </form>
  );
}
