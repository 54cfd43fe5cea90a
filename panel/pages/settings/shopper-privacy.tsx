import { useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { Field, FormError, SelectField, text, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';

const CONSENT_DEFAULTS = {
  denied: 'Ask first: store no visitor id until the page signals consent (recommended in the EU)',
  granted: 'Store a visitor id unless the page or the browser says no',
};

/** The workspace's `consentDefault`, in the workspace form, with the sentence that explains it. */
export function ConsentDefaultField({ value }: { value: 'granted' | 'denied' }) {
  return (
    <div>
      <SelectField name="settings.consentDefault" label="Shoppers' analytics consent when the page says nothing" options={CONSENT_DEFAULTS} defaultValue={value} />
      <p class="muted">
        EU rules need a shopper's consent before a visitor id is stored, so by default the widget counts only anonymous totals until your consent
        banner calls vitrine('consent', {'{'} analytics: true {'}'}); choose the other option only if your store has another legal basis, and a
        browser sending Global Privacy Control is never tracked either way.
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
    const message = `Visitor ${visitorId} erased: ${erased.events} events and ${erased.visitorDays} visitor days deleted, ${erased.orders} orders unlinked.`;
    setDone(message);
    announce(message, false);
  });
  return (
    <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="erase-visitor-title">
      <h2 id="erase-visitor-title">Erase a shopper's data</h2>
      <p class="muted">
        When a shopper asks, erase the events and visitor history tied to their visitor id (the value of vitrine:v in their browser's storage).
        Totals stay; orders stay, no longer linked to them. The erasure is recorded in the audit log.
      </p>
      <FormError error={form.error} />
      <Field form={form} name="visitorId" label="Visitor id" required minLength={8} maxLength={64} />
      <button type="submit" class="danger" disabled={form.busy}>
        Erase visitor
      </button>
      {done && <p class="muted">{done}</p>}
    </form>
  );
}
