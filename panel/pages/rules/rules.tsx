import { useEffect, useState } from 'preact/hooks';
import type { ModerationRule } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { Field, FormError, SelectField, text, useSubmit } from '../../components/form.tsx';
import { RULE_KIND_NAMES, ruleKind } from '../../components/rule-kinds.ts';
import { DataTable } from '../../components/table.tsx';
import { announce } from '../../stores/announcer.ts';
import { t, formatDate } from '../../i18n/i18n.ts';

const kindLabels = () => Object.fromEntries(RULE_KIND_NAMES.map((kind) => [kind, ruleKind(kind).label]));

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
    announce(t('rules.added', { rule: `${ruleKind(rule.kind).label} ${rule.value}` }), false);
  });
  const remove = async (rule: ModerationRule) => {
    try {
      await api.deleteRule(rule.id);
      setRules((old) => (old ?? []).filter((r) => r.id !== rule.id));
      announce(t('rules.removed', { rule: `${ruleKind(rule.kind).label} ${rule.value}` }), false);
    } catch (e) {
      announce(t('rules.removeFailed', { reason: messageOf(e) }), false);
    }
  };
  return (
    <section aria-labelledby="rules-title" class="page narrow">
      <h1 id="rules-title">{t('rules.title')}</h1>
      <form class="inline-form" onSubmit={form.onSubmit} aria-label={t('rules.add')}>
        <SelectField form={form} name="kind" label={t('rules.kind')} options={kindLabels()} />
        <Field form={form} name="value" label={t('rules.value')} required maxLength={200} />
        <button type="submit" class="primary" disabled={form.busy}>
          {t('rules.submit')}
        </button>
      </form>
      <FormError error={form.error} />
      {error && <p role="alert">{t('rules.loadFailed', { reason: error })}</p>}
      {rules && rules.length === 0 && <p class="muted">{t('rules.none')}</p>}
      {rules && rules.length > 0 && (
        <DataTable
          rows={rules}
          rowKey={(rule) => rule.id}
          columns={[
            { label: t('inbox.rule'), cell: (rule) => ruleKind(rule.kind).label },
            { label: t('rules.value'), cell: (rule) => <code>{rule.value}</code> },
            { label: t('rules.effect'), class: 'muted', cell: (rule) => ruleKind(rule.kind).hint },
            { label: t('common.added'), cell: (rule) => formatDate(rule.createdAt) },
            {
              label: '',
              cell: (rule) => (
                <button type="button" class="link danger" onClick={() => void remove(rule)}>
                  {t('tagger.remove')}
                </button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}
