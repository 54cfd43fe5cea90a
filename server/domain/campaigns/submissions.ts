/**
 * Creator submissions from a campaign's public page (issue 17, part 2), in two steps:
 *
 * 1. `submitEntry`: the files are validated and stored as renditions (like the panel's uploads),
 *    and a submission row keeps them with the handle, the email and what was accepted. Nothing
 *    else exists yet: no post, so no entry, nothing in the inbox or a gallery. Two secret links
 *    are made (confirm, and withdraw or erase), kept only as hashes; the caller mails them.
 * 2. `confirmSubmission`, from the confirm link: in one batch, the post (no Instagram media id,
 *    the handle as its author, moderation pending), its media, the consent record (channel
 *    `submission`, verification `email`: the confirmed address proves who uploaded the files,
 *    not who owns the handle) and the audit entry. The post is an entry of the campaign
 *    (entries.ts) and appears in the inbox to be moderated like any collected post.
 *
 * Unconfirmed submissions are deleted with their files after 48 h (submission-retention.ts).
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { isWellFormedText } from '../../../shared/text.ts';
import { runBatch, type Db } from '../../db/client.ts';
import { campaignRules, campaigns, campaignSubmissions, consentRecords, mediaVariants, postMedia, posts, termsVersions, type SubmissionFile } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import type { MediaStore } from '../../media/store.ts';
import type { VariantMaker } from '../../media/variants.ts';
import { stripVideoMetadata } from '../../media/strip-video-metadata.ts';
import { readVideoSize } from '../../media/video-size.ts';
import { sha256Hex } from '../../security/hash.ts';
import { hmacSha256Hex, randomToken } from '../../security/tokens.ts';
import { auditStatement } from '../audit/audit.ts';
import { Conflict, Invalid, notFound, TooLarge } from '../errors.ts';
import { decideByRules } from '../posts/auto-moderation.ts';
import { rulesForMatching } from '../posts/moderation.ts';
import { storeUploadedImage } from '../posts/media-storage.ts';
import { eventStatements } from '../webhooks/outgoing.ts';
import { CONFIRM_WITHIN_MS, emailEraseAt, type PublicCampaign } from './public-campaign.ts';

const DAY = 86_400_000;
export const MAX_PHOTOS = 5;
/**
 * The caps keep one submission's peak memory (the body, its parsed form, one file's bytes and its
 * renditions) well under a Worker isolate's 128 MB: 25 MiB in all (MAX_SUBMISSION_BYTES, the
 * route's body limit), 8 MiB a photo, 20 MiB a video.
 */
export const MAX_SUBMISSION_BYTES = 25 * 1024 * 1024;
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
export const MAX_VIDEO_BYTES = 20 * 1024 * 1024;

export type Submission = typeof campaignSubmissions.$inferSelect;

/** Instagram's own rule for a handle: 1-30 letters, digits, periods and underscores. */
const HANDLE = /^[A-Za-z0-9._]{1,30}$/;
/** A deliberately plain check: one @, no spaces, a dot in the domain; the confirmation proves the rest. */
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

export function parseHandle(raw: string): string {
  const handle = raw.trim().replace(/^@/, '');
  if (!HANDLE.test(handle)) throw new Invalid('invalid_parameter', 'handle: an Instagram handle is 1 to 30 letters, digits, periods or underscores', 'handle');
  return handle;
}

export function parseEmail(raw: string): string {
  const email = raw.trim();
  // Control and format characters (a line break, a zero-width or bidi mark) have no place in an address, and could hide in a mail header.
  if (email.length > 254 || !EMAIL.test(email) || !isWellFormedText(email) || /[\p{Cc}\p{Cf}]/u.test(email)) throw new Invalid('invalid_parameter', 'email: is not an email address', 'email');
  return email;
}

/** The keyed hash an address is known by once erased: the same address always gives the same hash here, and no one can reverse it without the app secret. */
export const emailHashOf = (appSecret: string, email: string) => hmacSha256Hex(appSecret, `submission-email:${email.toLowerCase()}`);
export const tokenHash = (token: string) => sha256Hex(`submission-link:${token}`);

export interface SubmissionInput {
  handle: string;
  email: string;
  language: string;
  /** The uploaded files, read one at a time while they are stored; taken out of the array as they are (so they can be freed). */
  photos: Blob[];
  video: Blob | null;
  ipHash: string;
  userAgent: string;
}

function isMp4(bytes: Uint8Array): boolean {
  return bytes.byteLength > 12 && String.fromCharCode(bytes[4]!, bytes[5]!, bytes[6]!, bytes[7]!) === 'ftyp';
}

/** Stores the files (refusing any that is not what the page asks for, by field) and returns their rows. */
async function storeFiles(deps: { media: MediaStore; variants: VariantMaker }, input: SubmissionInput, now: number): Promise<SubmissionFile[]> {
  if (input.photos.length > 0 && input.video) throw new Invalid('invalid_parameter', 'video: send photos or one video, not both', 'video');
  if (input.photos.length === 0 && !input.video) throw new Invalid('invalid_parameter', 'photos: attach one to five photos, or one video', 'photos');
  if (input.photos.length > MAX_PHOTOS) throw new Invalid('invalid_parameter', `photos: at most ${MAX_PHOTOS}`, 'photos');
  const tooBig = input.photos.findIndex((p) => p.size > MAX_PHOTO_BYTES);
  if (tooBig >= 0) throw new TooLarge('too_large', `photos.${tooBig}: larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MiB`, `photos.${tooBig}`);
  if (input.video) {
    if (input.video.size > MAX_VIDEO_BYTES) throw new TooLarge('too_large', `video: larger than ${MAX_VIDEO_BYTES / 1024 / 1024} MiB`, 'video');
    const video = new Uint8Array(await input.video.arrayBuffer());
    input.video = null;
    // Vitrine decodes no video: an MP4 whose headers give its size is what it can store and show.
    const size = isMp4(video) ? readVideoSize(video) : null;
    if (!size || size.width === 0 || size.height === 0) throw new Invalid('invalid_parameter', 'video: must be an MP4 video', 'video');
    // Where it was filmed (and the phone that filmed it) is not kept: a public entry must not tell where its author lives.
    const stripped = stripVideoMetadata(video);
    if (!stripped) throw new Invalid('invalid_parameter', 'video: must be a whole MP4 video (part of it could not be read)', 'video');
    const mediaId = newId('med');
    const storageKey = `m/${mediaId}/video.mp4`;
    await deps.media.put(storageKey, stripped, 'video/mp4');
    return [{ mediaId, type: 'video', ...size, variants: [{ id: `var_${mediaId}_video`, role: 'video', format: 'mp4', ...size, bytes: stripped.byteLength, storageKey }] }];
  }
  const files: SubmissionFile[] = [];
  try {
    // One file's bytes at a time: each photo is copied out of the form, stored, and let go.
    for (let i = 0; input.photos.length > 0; i++) {
      const bytes = new Uint8Array(await input.photos.shift()!.arrayBuffer());
      const stored = await storeUploadedImage(deps, bytes, `photos.${i}`, now);
      files.push({ mediaId: stored.mediaId, type: 'image', width: stored.width, height: stored.height, variants: stored.rows.map(({ id, role, format, width, height, bytes, storageKey }) => ({ id: id!, role: role!, format: format!, width: width!, height: height!, bytes: bytes!, storageKey: storageKey! })) });
    }
  } catch (error) {
    // A refused photo after good ones: what was stored for this submission goes.
    await deleteFiles(deps.media, files);
    throw error;
  }
  return files;
}

/** Deletes every file it can; one that fails does not keep the others (the first failure is thrown after). */
export async function deleteFiles(media: MediaStore, files: readonly SubmissionFile[]): Promise<void> {
  let failure: unknown = null;
  for (const f of files) {
    for (const v of f.variants) {
      try {
        await media.delete(v.storageKey);
      } catch (error) {
        failure ??= error;
      }
    }
  }
  if (failure !== null) throw failure;
}

export interface SubmittedEntry {
  submission: Submission;
  confirmToken: string;
  manageToken: string;
}

/** Step 1: stores the files and the submission. The campaign must be open (`open.state`). */
export async function submitEntry(deps: { db: Db; media: MediaStore; variants: VariantMaker; appSecret: string }, open: PublicCampaign, input: SubmissionInput, now: number): Promise<SubmittedEntry> {
  if (open.state !== 'open' || !open.rules || !open.terms) throw new Conflict('campaign_closed', `campaign: takes no submission now (${open.state})`, 'campaign');
  const handle = parseHandle(input.handle);
  const email = parseEmail(input.email);
  const files = await storeFiles(deps, input, now);
  const confirmToken = randomToken(32);
  const manageToken = randomToken(32);
  const submission: Submission = {
    id: newId('sub'),
    workspaceId: open.campaign.workspaceId,
    campaignId: open.campaign.id,
    handle,
    email,
    emailHash: await emailHashOf(deps.appSecret, email),
    language: input.language,
    confirmTokenHash: await tokenHash(confirmToken),
    manageTokenHash: await tokenHash(manageToken),
    files,
    termsVersionId: open.terms.id,
    rulesId: open.rules.id,
    ipHash: input.ipHash,
    userAgent: input.userAgent,
    submittedAt: now,
    confirmBy: now + CONFIRM_WITHIN_MS,
    confirmedAt: null,
    postId: null,
    emailEraseAt: emailEraseAt(open.campaign),
    emailErasedAt: null,
  };
  try {
    await deps.db.insert(campaignSubmissions).values(submission);
  } catch (error) {
    await deleteFiles(deps.media, files);
    throw error;
  }
  return { submission, confirmToken, manageToken };
}

/**
 * Undoes step 1 entirely (the confirmation email could not be sent, the entrant withdrew before
 * confirming, the 48 h passed). The row goes first, and only while unconfirmed: a confirmation
 * that claimed it meanwhile keeps it and its files (which now belong to its post).
 */
export async function discardSubmission(deps: { db: Db; media: MediaStore }, submission: Submission): Promise<boolean> {
  const gone = await deps.db
    .delete(campaignSubmissions)
    .where(and(eq(campaignSubmissions.id, submission.id), isNull(campaignSubmissions.postId), isNull(campaignSubmissions.confirmedAt)))
    .returning({ files: campaignSubmissions.files });
  if (!gone[0]) return false;
  await deleteFiles(deps.media, gone[0].files);
  return true;
}

export async function submissionByToken(db: Db, link: 'confirm' | 'manage', token: string): Promise<Submission | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const hash = await tokenHash(token);
  const [row] = await db.select().from(campaignSubmissions).where(eq(link === 'confirm' ? campaignSubmissions.confirmTokenHash : campaignSubmissions.manageTokenHash, hash)).limit(1);
  return row ?? null;
}

/**
 * Step 2: the email is confirmed. Makes the post, its media and the consent record in one batch;
 * confirming twice changes nothing. A submission past its 48 h (`now >= confirmBy`) is not
 * confirmed (and is deleted by the retention step). Two confirmations at once (a double click,
 * a mail scanner and its person): the first claims the row with one conditional UPDATE and does
 * the writes; the other finds it claimed and is told it is already confirmed (`postId` null while
 * the first is still writing).
 */
export async function confirmSubmission(db: Db, submission: Submission, confirmedBy: { ipHash: string; userAgent: string }, now: number): Promise<{ postId: string | null; already: boolean }> {
  if (submission.postId || submission.confirmedAt !== null) return { postId: submission.postId, already: true };
  if (now >= submission.confirmBy) throw new Conflict('link_expired', `confirm: the link expired (confirm within ${CONFIRM_WITHIN_MS / 3_600_000} hours)`, 'confirm');
  // What was accepted: the versions shown when the form was sent, never newer ones.
  const [accepted] = await db
    .select({ campaign: { id: campaigns.id, name: campaigns.name }, rules: campaignRules, terms: termsVersions })
    .from(campaignSubmissions)
    .innerJoin(campaigns, eq(campaigns.id, campaignSubmissions.campaignId))
    .innerJoin(campaignRules, eq(campaignRules.id, campaignSubmissions.rulesId))
    .innerJoin(termsVersions, eq(termsVersions.id, campaignSubmissions.termsVersionId))
    .where(eq(campaignSubmissions.id, submission.id))
    .limit(1);
  if (!accepted) throw notFound('submission');
  const claimed = await db
    .update(campaignSubmissions)
    .set({ confirmedAt: now })
    .where(and(eq(campaignSubmissions.id, submission.id), isNull(campaignSubmissions.confirmedAt), gt(campaignSubmissions.confirmBy, now)))
    .returning({ id: campaignSubmissions.id });
  if (!claimed[0]) {
    const [again] = await db.select().from(campaignSubmissions).where(eq(campaignSubmissions.id, submission.id)).limit(1);
    if (again?.confirmedAt != null) return { postId: again.postId, already: true };
    throw new Conflict('link_expired', `confirm: the link expired (confirm within ${CONFIRM_WITHIN_MS / 3_600_000} hours)`, 'confirm');
  }
  try {
    return { postId: await writeConfirmation(db, submission, accepted, confirmedBy, now), already: false };
  } catch (error) {
    // The claim is given back: the entrant can try again, and the retention step still sees it.
    await db.update(campaignSubmissions).set({ confirmedAt: null }).where(and(eq(campaignSubmissions.id, submission.id), isNull(campaignSubmissions.postId)));
    throw error;
  }
}

type Accepted = { campaign: { id: string; name: string }; rules: typeof campaignRules.$inferSelect; terms: typeof termsVersions.$inferSelect };

async function writeConfirmation(db: Db, submission: Submission, accepted: Accepted, confirmedBy: { ipHash: string; userAgent: string }, now: number): Promise<string> {
  const { terms, rules, campaign } = accepted;
  const postId = newId('post');
  const expiresAt = terms.durationDays ? now + terms.durationDays * DAY : null;
  const consentId = newId('cons');
  const evidence = {
    submissionId: submission.id,
    campaignId: campaign.id,
    emailHash: submission.emailHash,
    submittedAt: new Date(submission.submittedAt).toISOString(),
    confirmedAt: new Date(now).toISOString(),
    rulesVersion: rules.version,
    rulesLanguage: rules.language,
    rulesHash: rules.contentHash,
    handleVerified: false,
    ipHash: submission.ipHash,
    userAgent: submission.userAgent,
    confirmedHandle: submission.handle,
    confirmIpHash: confirmedBy.ipHash,
    confirmUserAgent: confirmedBy.userAgent,
  };
  const mediaType = submission.files.length > 1 ? 'carousel' : submission.files[0]?.type === 'video' ? 'video' : 'image';
  // The workspace's blocking rules apply to an entry as to a collected post (an entry has no
  // caption, so the author and resolution ones). Trust does not: a typed handle proves nothing of
  // who sent the entry, so a trusted author's name approves nothing here.
  const blocking = await rulesForMatching(db, submission.workspaceId, ['blocked_author', 'min_resolution']);
  const decision = decideByRules({ caption: '', authorUsername: submission.handle, width: Math.max(0, ...submission.files.map((f) => f.width)) || null }, blocking);
  const window = { scope: terms.scope, expiresAt: expiresAt && new Date(expiresAt).toISOString(), verification: 'email' };
  await runBatch(db, [
    db.insert(posts).values({
      id: postId,
      workspaceId: submission.workspaceId,
      igMediaId: null,
      mediaType,
      caption: '',
      permalink: null,
      authorUsername: submission.handle,
      ...(decision ? { moderationStatus: decision.status, moderatedAt: now, moderationRuleId: decision.ruleId, moderationReason: decision.reason } : {}),
      // Posted when it was sent, within the campaign's dates; collected when it became real.
      publishedAt: submission.submittedAt,
      collectedAt: now,
      rightsStatus: 'granted',
      rightsExpiresAt: expiresAt,
      rightsScope: terms.scope,
      rightsVerification: 'email',
      createdAt: now,
      updatedAt: now,
    }),
    ...submission.files.flatMap((f, position) => [
      db.insert(postMedia).values({ id: f.mediaId, postId, position, type: f.type, width: f.width, height: f.height, storeStatus: 'stored', storeAttempts: 1 }),
      ...f.variants.map((v) => db.insert(mediaVariants).values({ ...v, mediaId: f.mediaId, createdAt: now })),
    ]),
    db.insert(consentRecords).values({
      id: consentId,
      workspaceId: submission.workspaceId,
      postId,
      rightsRequestId: null,
      kind: 'granted',
      authorUsername: submission.handle,
      authorIgId: null,
      termsVersionId: terms.id,
      termsHash: terms.contentHash,
      requestText: `${campaign.name}: official rules v${rules.version} (${rules.language}) and the usage terms, accepted together on the campaign page`,
      channel: 'submission',
      evidence,
      verification: 'email',
      scope: terms.scope,
      expiresAt,
      recordedAt: now,
    }),
    db.update(campaignSubmissions).set({ confirmedAt: now, postId, files: [] }).where(eq(campaignSubmissions.id, submission.id)),
    auditStatement(db, { workspaceId: submission.workspaceId, actorUserId: null, actorKind: 'author', action: 'campaign.submission_confirmed', targetType: 'post', targetId: postId, after: { campaignId: campaign.id, submissionId: submission.id, consentId, rulesHash: rules.contentHash, termsHash: terms.contentHash, files: submission.files.length }, at: now }),
    ...(await eventStatements(db, submission.workspaceId, 'rights.granted', { postId, author: submission.handle, campaignId: campaign.id, ...window }, now)),
  ]);
  return postId;
}
