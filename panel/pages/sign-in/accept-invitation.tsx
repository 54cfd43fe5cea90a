import { api } from '../../api.ts';
import { FormError, text, useSubmit } from '../../components/form.tsx';
import { $router } from '../../stores/router.ts';
import { $session } from '../../stores/session.ts';

/** The page an invitation link opens; the token is in the URL's fragment, which browsers never send to a server. */
export function AcceptInvitationPage() {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const form = useSubmit(async (data) => {
    $session.set(await api.acceptInvitation({ token, name: text(data, 'name'), password: String(data.get('password') ?? '') }));
    $router.open('/panel/', true);
  });
  return (
    <main class="auth">
      <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="accept-title">
        <h1 id="accept-title">Join the workspace</h1>
        {!token && <p role="alert">This link has no invitation in it. Ask for a new one.</p>}
        <FormError error={form.error} />
        <label>
          Your name
          <input name="name" required maxLength={100} autoComplete="name" aria-invalid={form.invalid('name')} />
        </label>
        <label>
          Choose a password (at least 10 characters)
          <input name="password" type="password" required minLength={10} autoComplete="new-password" aria-invalid={form.invalid('password')} />
        </label>
        <button type="submit" class="primary" disabled={form.busy || !token}>
          Join
        </button>
      </form>
    </main>
  );
}
