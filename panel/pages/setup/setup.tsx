import { useEffect, useState } from 'preact/hooks';
import { api } from '../../api.ts';
import { FormError, text, useSubmit } from '../../components/form.tsx';
import { startSession } from '../../stores/session.ts';
import { t } from '../../i18n/i18n.ts';

/**
 * The setup token from the link the server printed (`/panel/#setup-token=…`), taken out of the
 * address bar at once: a fragment never reaches a server, and this keeps it out of bookmarks too.
 */
function takeSetupToken(): string {
  const token = new URLSearchParams(location.hash.slice(1)).get('setup-token') ?? '';
  if (token) history.replaceState(history.state, '', location.pathname + location.search);
  return token;
}

/** First run without demo data: creates the workspace and its owner, then signs them in. */
export function SetupPage() {
  const [setupToken, setSetupToken] = useState(takeSetupToken);
  // The link opened in a tab already showing this page changes only the fragment.
  useEffect(() => {
    const onHashChange = () => {
      const token = takeSetupToken();
      if (token) setSetupToken(token);
    };
    addEventListener('hashchange', onHashChange);
    return () => removeEventListener('hashchange', onHashChange);
  }, []);
  const form = useSubmit(async (data) => {
    await startSession(
      await api.setup({
        setupToken: String(data.get('setupToken') ?? ''),
        workspaceName: text(data, 'workspaceName'),
        name: text(data, 'name'),
        email: text(data, 'email'),
        password: String(data.get('password') ?? ''),
      }),
    );
  });
  return (
    <main class="auth">
      <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p class="muted">{t('setup.intro')}</p>
        <FormError error={form.error} />
        <label>
          {t('setup.token')}
          <input
            name="setupToken"
            type="password"
            required
            value={setupToken}
            onInput={(event) => setSetupToken(event.currentTarget.value)}
            autoComplete="off"
            aria-invalid={form.invalid('setupToken')}
          />
        </label>
        <label>
          {t('setup.workspaceName')}
          <input name="workspaceName" required maxLength={100} autoFocus aria-invalid={form.invalid('workspaceName')} />
        </label>
        <label>
          {t('setup.name')}
          <input name="name" required maxLength={100} autoComplete="name" aria-invalid={form.invalid('name')} />
        </label>
        <label>
          {t('signIn.email')}
          <input name="email" type="email" required autoComplete="username" aria-invalid={form.invalid('email')} />
        </label>
        <label>
          {t('setup.password')}
          <input name="password" type="password" required minLength={10} autoComplete="new-password" aria-invalid={form.invalid('password')} />
        </label>
        <button type="submit" class="primary" disabled={form.busy}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
