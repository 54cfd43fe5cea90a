import { useEffect, useState } from 'preact/hooks';
import type { ModerationRule } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { FormError, text, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';

const KINDS: Record<ModerationRule['kind'], { label: string; hint: string }> = {
  blocked_word: { label: 'Blocked word', hint: 'Posts whose caption contains it are rejected' },
  blocked_hashtag: { label: 'Blocked hashtag', hint: 'Posts with this #hashtag are rejected' },
  blocked_author: { label: 'Blocked author', hint: 'Posts by this @username are rejected' },
  trusted_author: { label: 'Trusted author', hint: 'Posts by this @username are approved' },
  min_resolution: { label: 'Minimum resolution', hint: 'Smaller images (shortest side, in pixels) are rejected' },
};

/**
 * Auto-moderation rules, applied to new posts as they are collected. A post a rule decided on
 * shows the rule and its reason in the inbox, where it can be put back in the queue.
 */
export function RulesPage() {
  const [rules, setRules] = useState<ModerationRule[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.rules().then(({ rules }) => setRules(rules), (e: unknown) => setError(messageOf(e)));
  }, []);
  const form = useSubmit(async (data, element) => {
    const rule = await api.createRule({ kind: text(data, 'kind') as ModerationRule['kind'], value: text(data, 'value') });
    setRules((old) => [...(old ?? []), rule]);
    element.reset();
    announce(`Added the rule: ${KINDS[rule.kind].label} ${rule.value}.`, false);
  });
  const remove = async (rule: ModerationRule) => {
    try {
      await api.deleteRule(rule.id);
      setRules((old) => (old ?? []).filter((r) => r.id !== rule.id));
      announce(`Removed the rule: ${KINDS[rule.kind].label} ${rule.value}.`, false);
    } catch (e) {
      announce(`Could not remove the rule: ${messageOf(e)}`, false);
    }
  };
  return (
    <section aria-labelledby="rules-title" class="page narrow">
      <h1 id="rules-title">Auto-moderation rules</h1>
      <form class="inline-form" onSubmit={form.onSubmit} aria-label="Add a rule">
        <label>
          Kind
          <select name="kind" aria-invalid={form.invalid('kind')}>
            {Object.entries(KINDS).map(([kind, { label }]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Value
          <input name="value" required maxLength={200} aria-invalid={form.invalid('value')} />
        </label>
        <button type="submit" class="primary" disabled={form.busy}>
          Add rule
        </button>
      </form>
      <FormError error={form.error} />
      {error && <p role="alert">Could not load the rules: {error}</p>}
      {rules && rules.length === 0 && <p class="muted">No rules yet: every new post waits in the inbox.</p>}
      {rules && rules.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Value</th>
              <th scope="col">Effect</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id}>
                <td>{KINDS[rule.kind].label}</td>
                <td>
                  <code>{rule.value}</code>
                </td>
                <td class="muted">{KINDS[rule.kind].hint}</td>
                <td>{new Date(rule.createdAt).toLocaleDateString()}</td>
                <td>
                  <button type="button" class="link danger" onClick={() => void remove(rule)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
