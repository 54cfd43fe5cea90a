/**
 * Users, the first-run owner, passwords, invitations and workspace members. Every function that
 * touches a workspace takes its id from the caller's authenticated context, never from input.
 */
import { and, count, eq, gt, isNull, ne } from 'drizzle-orm';
import { runBatch, type Db } from '../../db/client.ts';
import { invitations, memberships, sessions, setupClaims, users, workspaces, type Role } from '../../db/schema.ts';
import { Conflict, Invalid, NotFound } from '../errors.ts';
import { newId } from '../../lib/ids.ts';
import { sha256Hex } from '../../security/hash.ts';
import { hashPassword, verifyPassword } from '../../security/password.ts';
import { randomToken } from '../../security/tokens.ts';
import { auditStatement } from '../audit/audit.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from './workspaces.ts';
import type { PanelLocale } from '../../../shared/panel-locales.ts';

const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
/** Verified when the email is unknown, so a wrong email costs as long as a wrong password. */
const DUMMY_HASH = 'pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export async function setupNeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * First run without demo data: the first user becomes the owner of a new workspace. The batch
 * also claims the single `setup_claims` row, so of two setups racing past the check below, the
 * database lets exactly one commit; the other creates nothing and gets the same 409.
 */
export async function setupOwner(
  db: Db,
  input: { workspaceName: string; name: string; email: string; password: string },
  now: number,
): Promise<{ userId: string; workspaceId: string }> {
  const alreadySetUp = () => new Conflict('already_set_up', 'setup: this Vitrine already has an owner; sign in instead');
  if (!(await setupNeeded(db))) throw alreadySetUp();
  const userId = newId('usr');
  const workspaceId = newId('ws');
  const statements = [
    db.insert(setupClaims).values({ id: 1, userId, claimedAt: now }),
    db.insert(workspaces).values({ id: workspaceId, name: input.workspaceName, slug: `${slugify(input.workspaceName)}-${workspaceId.slice(-4)}`, settings: DEFAULT_WORKSPACE_SETTINGS, createdAt: now }),
    db.insert(users).values({ id: userId, email: input.email, name: input.name, passwordHash: await hashPassword(input.password), createdAt: now }),
    db.insert(memberships).values({ workspaceId, userId, role: 'owner', createdAt: now }),
    auditStatement(db, { workspaceId, actorUserId: userId, actorKind: 'user', action: 'workspace.created', targetType: 'workspace', targetId: workspaceId, after: { name: input.workspaceName }, at: now }),
  ];
  try {
    await runBatch(db, statements);
  } catch (error) {
    // Lost the race: the claim exists now. Anything else is a real failure.
    const [claim] = await db.select({ userId: setupClaims.userId }).from(setupClaims).limit(1);
    if (claim && claim.userId !== userId) throw alreadySetUp();
    throw error;
  }
  return { userId, workspaceId };
}

/** The user whose email and password these are, and the workspace to sign them into. */
export async function checkCredentials(db: Db, email: string, password: string): Promise<{ userId: string; workspaceId: string } | null> {
  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) return null;
  const [membership] = await db
    .select({ workspaceId: memberships.workspaceId })
    .from(memberships)
    .where(eq(memberships.userId, user.id))
    .orderBy(memberships.createdAt)
    .limit(1);
  return membership ? { userId: user.id, workspaceId: membership.workspaceId } : null;
}

export async function workspacesOf(db: Db, userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(workspaces.name);
}

/** The panel language a user chose for themselves (null: follow the browser). Their own setting, so not audited. */
export async function setUserLocale(db: Db, userId: string, locale: PanelLocale | null): Promise<void> {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/** Changes a password and signs the user out everywhere else. */
export async function changePassword(db: Db, userId: string, keepSessionIdHash: string, current: string, next: string): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !(await verifyPassword(current, user.passwordHash))) {
    throw new Invalid('invalid_parameter', 'currentPassword: is not your current password', 'currentPassword');
  }
  await runBatch(db, [
    db.update(users).set({ passwordHash: await hashPassword(next) }).where(eq(users.id, userId)),
    db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, keepSessionIdHash))),
  ]);
}

export async function invite(db: Db, actor: { workspaceId: string; userId: string }, input: { email: string; role: Role }, now: number) {
  const token = randomToken();
  const id = newId('inv');
  await runBatch(db, [
    db.insert(invitations).values({ id, workspaceId: actor.workspaceId, email: input.email, role: input.role, tokenHash: await sha256Hex(token), invitedBy: actor.userId, expiresAt: now + INVITATION_TTL_MS, createdAt: now }),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: 'invitation.created', targetType: 'invitation', targetId: id, after: input, at: now }),
  ]);
  return { id, token, expiresAt: now + INVITATION_TTL_MS };
}

/**
 * Accepts an invitation: creates the user (or, for an existing user, checks their password)
 * and adds the membership. Returns where to sign them in.
 */
export async function acceptInvitation(db: Db, input: { token: string; name: string; password: string }, now: number) {
  const [invitation] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.tokenHash, await sha256Hex(input.token)), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)))
    .limit(1);
  if (!invitation) throw new NotFound('not_found', 'token: this invitation does not exist, was used, or has expired', 'token');

  const [existing] = await db.select().from(users).where(eq(users.email, invitation.email)).limit(1);
  if (existing && !(await verifyPassword(input.password, existing.passwordHash))) {
    throw new Invalid('invalid_parameter', 'password: this email already has an account; enter its password to join', 'password');
  }
  const userId = existing?.id ?? newId('usr');
  const [member] = await db.select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, invitation.workspaceId))).limit(1);
  await runBatch(db, [
    ...(existing ? [] : [db.insert(users).values({ id: userId, email: invitation.email, name: input.name, passwordHash: await hashPassword(input.password), createdAt: now })]),
    ...(member ? [] : [db.insert(memberships).values({ workspaceId: invitation.workspaceId, userId, role: invitation.role, createdAt: now })]),
    db.update(invitations).set({ acceptedAt: now }).where(eq(invitations.id, invitation.id)),
    auditStatement(db, { workspaceId: invitation.workspaceId, actorUserId: userId, actorKind: 'user', action: 'invitation.accepted', targetType: 'invitation', targetId: invitation.id, after: { role: invitation.role }, at: now }),
  ]);
  return { userId, workspaceId: invitation.workspaceId };
}

export async function listMembers(db: Db, workspaceId: string) {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: memberships.role, since: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(users.email);
}

export async function listInvitations(db: Db, workspaceId: string, now: number) {
  return db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt })
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), gt(invitations.expiresAt, now)));
}

/** Changes a member's role, or removes them (role null); a workspace always keeps an owner. */
export async function updateMember(db: Db, actor: { workspaceId: string; userId: string }, memberId: string, role: Role | null, now: number): Promise<void> {
  const members = await listMembers(db, actor.workspaceId);
  const member = members.find((m) => m.userId === memberId);
  if (!member) throw new NotFound('not_found', 'member not found');
  const owners = members.filter((m) => m.role === 'owner').length;
  if (member.role === 'owner' && role !== 'owner' && owners === 1) {
    throw new Conflict('last_owner', 'role: a workspace must keep at least one owner', 'role');
  }
  const where = and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, memberId));
  await runBatch(db, [
    role ? db.update(memberships).set({ role }).where(where) : db.delete(memberships).where(where),
    ...(role ? [] : [db.delete(sessions).where(and(eq(sessions.userId, memberId), eq(sessions.workspaceId, actor.workspaceId)))]),
    auditStatement(db, { workspaceId: actor.workspaceId, actorUserId: actor.userId, actorKind: 'user', action: role ? 'member.role_changed' : 'member.removed', targetType: 'user', targetId: memberId, before: { role: member.role }, after: role ? { role } : null, at: now }),
  ]);
}

function slugify(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'workspace';
}
