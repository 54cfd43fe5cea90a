import { useEffect, useState } from 'preact/hooks';
import type { ModerationRule } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { Field, FormError, SelectField, text, useSubmit } from '../../components/form.tsx';
import { RULE_KINDS } from '../../components/rule-kinds.ts';
import { DataTable } from '../../components/table.tsx';
import { announce } from '../../stores/announcer.ts';

const KIND_LABELS = Object.fromEntries(Object.entries(RULE_KINDS).map(([kind, { label }]) => [kind, label]));

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
    announce(`Added the rule: ${RULE_KINDS[rule.kind].label} ${rule.value}.`, false);
  });
  const remove = async (rule: ModerationRule) => {
    try {
      await api.deleteRule(rule.id);
      setRules((old) => (old ?? []).filter((r) => r.id !== rule.id));
      announce(`Removed the rule: ${RULE_KINDS[rule.kind].label} ${rule.value}.`, false);
    } catch (e) {
      announce(`Could not remove the rule: ${messageOf(e)}`, false);
    }
  };
  return (
    <section aria-labelledby="rules-title" class="page narrow">
      <h1 id="rules-title">Auto-moderation rules</h1>
      <form class="inline-form" onSubmit={form.onSubmit} aria-label="Add a rule">
        <SelectField form={form} name="kind" label="Kind" options={KIND_LABELS} />
        <Field form={form} name="value" label="Value" required maxLength={200} />
        <button type="submit" class="primary" disabled={form.busy}>
          Add rule
        </button>
      </form>
      <FormError error={form.error} />
      {error && <p role="alert">Could not load the rules: {error}</p>}
      {rules && rules.length === 0 && <p class="muted">No rules yet: every new post waits in the inbox.</p>}
      {rules && rules.length > 0 && (
        <DataTable
          rows={rules}
          rowKey={(rule) => rule.id}
          columns={[
            { label: 'Rule', cell: (rule) => RULE_KINDS[rule.kind].label },
            { label: 'Value', cell: (rule) => <code>{rule.value}</code> },
            { label: 'Effect', class: 'muted', cell: (rule) => RULE_KINDS[rule.kind].hint },
            { label: 'Added', cell: (rule) => new Date(rule.createdAt).toLocaleDateString() },
            {
              label: '',
              cell: (rule) => (
                <button type="button" class="link danger" onClick={() => void remove(rule)}>
                  Remove
                </button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
