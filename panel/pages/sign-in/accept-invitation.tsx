import { api } from '../../api.ts';
import { FormError, text, useSubmit } from '../../components/form.tsx';
import { $router } from '../../stores/router.ts';
import { startSession } from '../../stores/session.ts';
import { t } from '../../i18n/i18n.ts';

/** The page an invitation link opens; the token is in the URL's fragment, which browsers never send to a server. */
export function AcceptInvitationPage() {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const form = useSubmit(async (data) => {
    await startSession(await api.acceptInvitation({ token, name: text(data, 'name'), password: String(data.get('password') ?? '') }));
    $router.open('/panel/', true);
  });
  return (
    <main class="auth">
      <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="accept-title">
        <h1 id="accept-title">{t('invitation.title')}</h1>
        {!token && <p role="alert">{t('invitation.noToken')}</p>}
        <FormError error={form.error} />
        <label>
          {t('setup.name')}
          <input name="name" required maxLength={100} autoComplete="name" aria-invalid={form.invalid('name')} />
        </label>
        <label>
          {t('invitation.password')}
          <input name="password" type="password" required minLength={10} autoComplete="new-password" aria-invalid={form.invalid('password')} />
        </label>
        <button type="submit" class="primary" disabled={form.busy || !token}>
          {t('invitation.submit')}
        </button>
      </form>
    </main>
  );
}
