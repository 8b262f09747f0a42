// The actions on one content item's versions, each shown only to the role that may take it: editors
// edit, submit and withdraw (with an optional reason); reviewers of that kind revoke an approval (with a
// required reason). Withdrawing and revoking ask for confirmation first, since either stops playback.
import { decide, submitVersion, withdrawVersion, type Content, type ContentVersion } from '../../../lib/content-api';
import { t, tf } from '../../../lib/i18n';
import { ReasonConfirm } from '../ReasonConfirm/index';
import controls from '../../../components/controls.module.css';

/** Runs an action; answers whether it succeeded (the caller shows the outcome). */
type Act = (run: () => Promise<unknown>, message: string) => Promise<boolean>;

interface Common {
  content: Content;
  busy: boolean;
  act: Act;
}

/** Withdraw one version: from the latest section, or "stop playing" on the playing one. */
export function WithdrawAction({ content, version, busy, act, stop = false }: Common & { version: ContentVersion; stop?: boolean }) {
  const playing = content.playing?.id === version.id;
  const id = stop ? 'stop' : 'withdraw';
  return (
    <ReasonConfirm
      id={id}
      label={stop ? tf('content.stopPlaying', { n: version.number }) : t('content.withdraw')}
      title={tf('content.withdrawTitle', { n: version.number })}
      warning={tf(playing ? 'content.withdrawWarnPlaying' : 'content.withdrawWarn', { n: version.number })}
      reasonLabel={t('content.withdrawReason')}
      confirmLabel={t('content.withdrawConfirm')}
      cancelLabel={t('common.cancel')}
      busyLabel={t('content.working')}
      danger={playing}
      busy={busy}
      onConfirm={(reason) =>
        act(() => withdrawVersion(content.id, version.number, reason || undefined), tf('content.withdrawn', { n: version.number }))
      }
    />
  );
}

/** Revoke the approval of the playing version (reviewer of messages and clips, or ad reviewer for ads). */
export function RevokeAction({ version, busy, act }: Omit<Common, 'content'> & { version: ContentVersion }) {
  return (
    <ReasonConfirm
      id="revoke"
      label={t('content.revoke')}
      title={tf('content.revokeTitle', { n: version.number })}
      warning={tf('content.revokeWarn', { n: version.number })}
      reasonLabel={t('content.revokeReason')}
      reasonRequired={t('content.revokeReasonRequired')}
      confirmLabel={t('content.revokeConfirm')}
      cancelLabel={t('common.cancel')}
      busyLabel={t('content.working')}
      danger
      busy={busy}
      onConfirm={(reason) => act(() => decide(version.id, 'revoke', reason), tf('content.revoked', { n: version.number }))}
    />
  );
}

/** The editor's actions on the latest version: edit (every kind), submit a draft, withdraw. */
export function LatestActions({ content, latest, busy, act }: Common & { latest: ContentVersion }) {
  return (
    <div class={controls.row}>
      <a href={`/content/${content.id}/edit`} class={controls.button} data-testid="edit">
        {t('content.edit')}
      </a>
      {latest.state === 'draft' && (
        <button
          type="button"
          class={controls.primary}
          disabled={busy}
          data-testid="submit"
          onClick={() => act(() => submitVersion(content.id, latest.number), tf('content.submitted', { n: latest.number }))}
        >
          {busy ? t('content.submitting') : t('content.submit')}
        </button>
      )}
      {['draft', 'submitted', 'approved'].includes(latest.state) && (
        <WithdrawAction content={content} version={latest} busy={busy} act={act} />
      )}
    </div>
  );
}
