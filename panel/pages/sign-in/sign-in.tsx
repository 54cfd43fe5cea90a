import { api } from '../../api.ts';
import { FormError, text, useSubmit } from '../../components/form.tsx';
import { startSession } from '../../stores/session.ts';
import { t } from '../../i18n/i18n.ts';

export function SignInPage() {
  const form = useSubmit(async (data) => {
    await startSession(await api.signIn({ email: text(data, 'email'), password: String(data.get('password') ?? '') }));
  });
  return (
    <main class="auth">
      <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        <FormError error={form.error} />
        <label>
          {t('signIn.email')}
          <input name="email" type="email" autoComplete="username" required autoFocus aria-invalid={form.invalid('email')} />
        </label>
        <label>
          {t('signIn.password')}
          <input name="password" type="password" autoComplete="current-password" required aria-invalid={form.invalid('password')} />
        </label>
        <button type="submit" class="primary" disabled={form.busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
