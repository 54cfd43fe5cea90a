import { useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { Field, FormError, SelectField, text, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';
import { t } from '../../i18n/i18n.ts';

const consentDefaults = () => ({ denied: t('consent.denied'), granted: t('consent.granted') });

/** The workspace's `consentDefault`, in the workspace form, with the sentence that explains it. */
export function ConsentDefaultField({ value }: { value: 'granted' | 'denied' }) {
  return (
    <div>
      <SelectField name="settings.consentDefault" label={t('consent.label')} options={consentDefaults()} defaultValue={value} />
      <p class="muted">
        {t('consent.help')}
      </p>
    </div>
  );
}

/** An owner erases one shopper's data on their request, by the id `vitrine('visitorId', …)` shows them. */
export function VisitorErasure() {
  const [done, setDone] = useState<string | null>(null);
  const form = useSubmit(async (data, element) => {
    const visitorId = text(data, 'visitorId');
    const erased = await api.eraseVisitor(visitorId);
    element.reset();
    const message = t('erase.done', { visitorId, events: erased.events, days: erased.visitorDays, orders: erased.orders });
    setDone(message);
    announce(message, false);
  });
  return (
    <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="erase-visitor-title">
      <h2 id="erase-visitor-title">{t('erase.title')}</h2>
      <p class="muted">
        {t('erase.help')}
      </p>
      <FormError error={form.error} />
      <Field form={form} name="visitorId" label={t('erase.visitorId')} required minLength={8} maxLength={64} />
      <button type="submit" class="danger" disabled={form.busy}>
        {t('erase.submit')}
      </button>
      {done && <p class="muted">{done}</p>}
    </form>
  );
}
