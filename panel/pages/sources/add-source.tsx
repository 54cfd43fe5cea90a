import { useState } from 'preact/hooks';
import type { InstagramSourceKind } from '../../../shared/admin-types.ts';
import { api, type Connection, type HashtagQuota, type Source } from '../../api.ts';
import { Field, FormError, SelectField, text, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';
import { t } from '../../i18n/i18n.ts';

const INTERVAL_SECONDS = [900, 3600, 21600, 43200, 86400] as const;

/** The usual schedules in words (seconds → label); `intervalText` for any other. */
export const intervals = (): Record<number, string> => Object.fromEntries(INTERVAL_SECONDS.map((seconds) => [seconds, t(`interval.${seconds}`)]));
export const intervalText = (seconds: number): string => intervals()[seconds] ?? t('interval.seconds', { seconds });

const KINDS: InstagramSourceKind[] = ['hashtag', 'tagged', 'mentions', 'own'];
const kindOptions = () => Object.fromEntries(KINDS.map((kind) => [kind, t(`sourceKind.${kind}`)]));

/**
 * Adds an Instagram source. For a hashtag, the account's weekly quota shows next to the field,
 * before anything is sent: a 31st hashtag would be refused.
 */
export function AddSourceForm({ connections, quotas, onAdded }: { connections: Connection[]; quotas: Record<string, HashtagQuota>; onAdded: (source: Source) => void }) {
  const [kind, setKind] = useState<InstagramSourceKind>('hashtag');
  const [connectionId, setConnectionId] = useState(connections[0]?.id ?? '');
  const connection = connections.find((c) => c.id === connectionId) ?? connections[0];
  const quota = connection && quotas[connection.id];
  const form = useSubmit(async (data, element) => {
    const source = await api.createSource({
      kind,
      connectionId: text(data, 'connectionId'),
      ...(kind === 'hashtag' ? { hashtag: text(data, 'hashtag') } : {}),
      intervalSeconds: Number(text(data, 'intervalSeconds')),
    });
    element.reset();
    setKind('hashtag');
    announce(t('sources.added', { label: source.label }), false);
    onAdded(source);
  });
  const schedules = kind === 'hashtag' ? Object.fromEntries(Object.entries(intervals()).filter(([s]) => Number(s) <= 43200)) : intervals();
  return (
    <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="add-source-title">
      <h2 id="add-source-title">{t('steps.source.label')}</h2>
      <FormError error={form.error} />
      <div class="row">
        <SelectField form={form} name="kind" label={t('sources.collect')} options={kindOptions()} defaultValue="hashtag" onChange={(value) => setKind(value as InstagramSourceKind)} />
        <SelectField
          form={form}
          name="connectionId"
          label={t('sources.through')}
          options={Object.fromEntries(connections.map((c) => [c.id, `@${c.username}`]))}
          defaultValue={connectionId}
          onChange={setConnectionId}
        />
        <SelectField form={form} name="intervalSeconds" label={t('sources.howOften')} options={schedules} defaultValue="3600" />
      </div>
      {kind === 'hashtag' && (
        <>
          <Field form={form} name="hashtag" label={t('sources.hashtag')} required placeholder={t('sources.hashtagPlaceholder')} maxLength={101} />
          <p class="muted quota-hint">
            {quota
              ? t('sources.quotaHint', { used: quota.used, limit: quota.limit, username: connection.username })
              : t('sources.quotaLoading')}
          </p>
        </>
      )}
      <button type="submit" class="primary" disabled={form.busy}>
        {t('sources.submit')}
      </button>
    </form>
  );
}
