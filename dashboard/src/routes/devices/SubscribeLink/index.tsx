// A group's calendar subscription link: fetched on demand and shown in a read-only field to copy.
import { useState } from 'preact/hooks';
import { groupSubscriptionUrl } from '../../../lib/devices-api';
import { devicesText } from '../../../lib/messages/devices';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import controls from '../../../components/controls.module.css';

export function SubscribeLink({ groupId, groupName }: { groupId: number; groupName: string }) {
  const { t } = devicesText;
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (error) return <ErrorNotice error={error} />;
  if (!url) {
    return (
      <button
        type="button"
        class={controls.button}
        data-testid={`subscribe-${groupId}`}
        onClick={() => groupSubscriptionUrl(groupId).then(setUrl, setError)}
      >
        {t('groups.subscribe')}
      </button>
    );
  }
  return (
    <input
      class={controls.input}
      readOnly
      value={url}
      aria-label={`${t('groups.subscribe')}: ${groupName}`}
      title={t('groups.subscribeHint')}
      data-testid={`subscribe-url-${groupId}`}
      onFocus={(e) => (e.currentTarget as HTMLInputElement).select()}
    />
  );
}
