import { useState } from 'preact/hooks';
import type { InstagramSourceKind } from '../../../shared/admin-types.ts';
import { api, type Connection, type HashtagQuota, type Source } from '../../api.ts';
import { Field, FormError, SelectField, text, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';

export const INTERVALS: Record<number, string> = {
  900: 'Every 15 minutes',
  3600: 'Every hour',
  21600: 'Every 6 hours',
  43200: 'Every 12 hours',
  86400: 'Every day',
};

const KINDS: Record<InstagramSourceKind, string> = {
  hashtag: 'A #hashtag',
  tagged: 'Photos the account is tagged in',
  mentions: '@mentions of the account',
  own: 'The account’s own posts',
};

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
    announce(`Added the source ${source.label}.`, false);
    onAdded(source);
  });
  const intervals = kind === 'hashtag' ? Object.fromEntries(Object.entries(INTERVALS).filter(([s]) => Number(s) <= 43200)) : INTERVALS;
  return (
    <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="add-source-title">
      <h2 id="add-source-title">Add a source</h2>
      <FormError error={form.error} />
      <div class="row">
        <SelectField form={form} name="kind" label="Collect" options={KINDS} defaultValue="hashtag" onChange={(value) => setKind(value as InstagramSourceKind)} />
        <SelectField
          form={form}
          name="connectionId"
          label="Through"
          options={Object.fromEntries(connections.map((c) => [c.id, `@${c.username}`]))}
          defaultValue={connectionId}
          onChange={setConnectionId}
        />
        <SelectField form={form} name="intervalSeconds" label="How often" options={intervals} defaultValue="3600" />
      </div>
      {kind === 'hashtag' && (
        <>
          <Field form={form} name="hashtag" label="Hashtag" required placeholder="#yourbrand" maxLength={101} />
          <p class="muted quota-hint">
            {quota
              ? `${quota.used} of ${quota.limit} hashtags used this week by @${connection.username}. A new hashtag counts from its first collection, for 7 days.`
              : 'Loading the hashtag quota…'}
          </p>
        </>
      )}
      <button type="submit" class="primary" disabled={form.busy}>
        Add source
      </button>
    </form>
  );
}
