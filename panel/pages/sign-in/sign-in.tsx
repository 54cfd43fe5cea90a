import { api } from '../../api.ts';
import { FormError, text, useSubmit } from '../../components/form.tsx';
import { $session } from '../../stores/session.ts';

export function SignInPage() {
  const form = useSubmit(async (data) => {
    $session.set(await api.signIn({ email: text(data, 'email'), password: String(data.get('password') ?? '') }));
  });
  return (
    <main class="auth">
      <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Vitrine</h1>
        <FormError error={form.error} />
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required autoFocus aria-invalid={form.invalid('email')} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required aria-invalid={form.invalid('password')} />
        </label>
        <button type="submit" class="primary" disabled={form.busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
