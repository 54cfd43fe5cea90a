import { createHarness } from '#harness';
import { beforeAll, describe, expect, it } from 'vitest';
import { admin, addMember, signIn, type AdminSession } from '../../dev/testing/admin-client.ts';
import type { Harness } from '../../dev/testing/harness.ts';

let h: Harness;
let owner: AdminSession;
let member: AdminSession;
beforeAll(async () => {
  h = await createHarness();
  owner = await signIn(h, h.owner.email, h.owner.password, '198.18.1.1');
  // The language is the member's own: the demo owner, whom other suites sign in as, keeps hers.
  member = await addMember(h, owner, 'lea@example.com', 'merchandiser');
});

const localeOf = async (res: Response) => ((await res.json()) as { user: { locale: string | null } }).user.locale;
const fieldOf = async (res: Response) => ((await res.json()) as { error: { field: string } }).error.field;

describe('the user’s panel language', () => {
  it('is null until chosen, then follows the choice in every session, and goes back to null', async () => {
    expect(await localeOf(await admin(h, member, 'GET', '/auth/session'))).toBeNull();

    const chosen = await admin(h, member, 'PATCH', '/auth/me', { locale: 'fr' });
    expect(chosen.status).toBe(200);
    expect(await localeOf(chosen)).toBe('fr');
    expect(await localeOf(await admin(h, member, 'GET', '/auth/session'))).toBe('fr');
    // A new sign-in starts in the chosen language too.
    const again = await admin(h, null, 'POST', '/auth/sign-in', { email: 'lea@example.com', password: 'a long enough password' });
    expect(await localeOf(again)).toBe('fr');
    // Another user's language is theirs.
    expect(await localeOf(await admin(h, owner, 'GET', '/auth/session'))).toBeNull();

    const cleared = await admin(h, member, 'PATCH', '/auth/me', { locale: null });
    expect(cleared.status).toBe(200);
    expect(await localeOf(cleared)).toBeNull();
    expect(await localeOf(await admin(h, member, 'GET', '/auth/session'))).toBeNull();
  });

  it('refuses a language the panel does not speak, a missing one and unknown fields, naming the field', async () => {
    for (const body of [{ locale: 'de' }, { locale: 'FR' }, { locale: 'fr-FR' }, { locale: 1 }, {}]) {
      const res = await admin(h, member, 'PATCH', '/auth/me', body);
      expect(res.status).toBe(400);
      expect(await fieldOf(res)).toBe('locale');
    }
    const extra = await admin(h, member, 'PATCH', '/auth/me', { locale: 'fr', role: 'owner' });
    expect(extra.status).toBe(400);
    expect(await fieldOf(extra)).toBe('role');
    expect(await localeOf(await admin(h, member, 'GET', '/auth/session'))).toBeNull();
  });

  it('needs a signed-in session and its CSRF token', async () => {
    expect((await admin(h, null, 'PATCH', '/auth/me', { locale: 'fr' })).status).toBe(401);
    const withoutToken = await admin(h, { ...member, csrfToken: 'not-the-token' }, 'PATCH', '/auth/me', { locale: 'fr' });
    expect(withoutToken.status).toBe(403);
    expect(await localeOf(await admin(h, member, 'GET', '/auth/session'))).toBeNull();
  });
});
