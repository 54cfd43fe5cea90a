import { eq } from 'drizzle-orm';
import { runBatch, type Db } from '../../db/client.ts';
import { sessions, users } from '../../db/schema.ts';
import { hashPassword, verifyPassword } from '../../security/password.ts';
import { DEMO_OWNER } from './demo-content.ts';

/**
 * The password demos seeded by earlier versions all shared, published in their README. Kept
 * only to find and replace it: a data folder seeded back then must not stay open to it.
 */
const PUBLISHED_DEMO_PASSWORD = 'vitrine-demo';

/**
 * If the demo owner still has the published password, gives them `replacement` instead and
 * ends their sessions. Returns whether it did; the caller prints the new password.
 */
export async function retirePublishedDemoPassword(db: Db, replacement: string): Promise<boolean> {
  const [owner] = await db.select().from(users).where(eq(users.email, DEMO_OWNER.email)).limit(1);
  if (!owner || !(await verifyPassword(PUBLISHED_DEMO_PASSWORD, owner.passwordHash))) return false;
  await runBatch(db, [
    db.update(users).set({ passwordHash: await hashPassword(replacement) }).where(eq(users.id, owner.id)),
    db.delete(sessions).where(eq(sessions.userId, owner.id)),
  ]);
  return true;
}
