/**
 * Creates the demo workspace (brand, owner account, terms, products, gallery and 24 posts with
 * re-hosted images and consent evidence, a running campaign: demo-campaign.ts). Used by `npm start` on an empty database, by the
 * tests' fixtures and by the e2e journeys, so all three see the same world.
 */
import { count } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { runBatch, type Db } from '../../db/client.ts';
import {
  catalogImports,
  consentRecords,
  galleries,
  memberships,
  postMedia,
  postProducts,
  posts,
  productFeeds,
  products,
  rightsRequests,
  termsVersions,
  users,
  workspaces,
} from '../../db/schema.ts';
import type { MediaStore } from '../../media/store.ts';
import type { VariantMaker } from '../../media/variants.ts';
import { termsHash as hashOfTerms } from '../../domain/rights/terms.ts';
import { hashPassword } from '../../security/password.ts';
import { insertVariants, storeRenditions } from '../../domain/posts/media-storage.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../domain/accounts/workspaces.ts';
import {
  DEMO_GALLERY_ID,
  DEMO_OWNER,
  DEMO_POSTS,
  DEMO_PRODUCTS,
  DEMO_TERMS,
  DEMO_TERMS_FR,
  DEMO_WORKSPACE,
  type DemoPost,
} from './demo-content.ts';
import { ASPECT_SIZES, demoSceneSvg } from './demo-scene.ts';
import { demoCampaignStatements, scheduleDemoDraw } from './demo-campaign.ts';

export interface SeedDeps {
  db: Db;
  media: MediaStore;
  variants: VariantMaker;
  now: number;
  /** The demo owner's password: made by the caller, never a fixed one. */
  ownerPassword: string;
  /** The app secret: given, the demo campaign's draw is scheduled (its seed is sealed under it). */
  appSecret?: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const encoder = new TextEncoder();

/** Seeds the demo workspace when the database has no workspace yet; returns whether it did. */
export async function seedDemoIfEmpty(deps: SeedDeps): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(workspaces);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(deps);
  return true;
}

export async function seedDemo({ db, media, variants, now, ownerPassword, appSecret }: SeedDeps): Promise<void> {
  const ws = DEMO_WORKSPACE.id;
  const userId = 'usr_demo';
  const termsId = 'terms_demo_v1';
  const termsHash = await hashOfTerms({ ...DEMO_TERMS, durationDays: null });
  const productId = (index: number) => `prod_demo${index + 1}`;

  const statements: BatchItem<'sqlite'>[] = [
    db.insert(workspaces).values({ ...DEMO_WORKSPACE, allowedOrigins: [], settings: DEFAULT_WORKSPACE_SETTINGS, createdAt: now }),
    db.insert(users).values({ id: userId, email: DEMO_OWNER.email, name: DEMO_OWNER.name, passwordHash: await hashPassword(ownerPassword), createdAt: now }),
    db.insert(memberships).values({ workspaceId: ws, userId, role: 'owner', createdAt: now }),
    db.insert(termsVersions).values({ id: termsId, workspaceId: ws, version: 1, language: 'en', ...DEMO_TERMS, durationDays: null, contentHash: termsHash, createdAt: now }),
    db.insert(termsVersions).values({ id: 'terms_demo_v1_fr', workspaceId: ws, version: 1, language: 'fr', ...DEMO_TERMS_FR, durationDays: null, contentHash: await hashOfTerms({ ...DEMO_TERMS_FR, durationDays: null }), createdAt: now }),
    // The demo store's catalog, as if uploaded once: products belong to a feed, like imported ones.
    db.insert(productFeeds).values({ id: 'feed_demo', workspaceId: ws, name: 'Demo store catalog', format: 'csv', lastImportAt: now, createdAt: now }),
    db.insert(catalogImports).values({ id: 'imp_demo', workspaceId: ws, feedId: 'feed_demo', status: 'applied', trigger: 'upload', added: DEMO_PRODUCTS.length, updated: 0, unchanged: 0, missing: 0, invalid: 0, errors: [], createdBy: userId, createdAt: now, appliedAt: now }),
    ...DEMO_PRODUCTS.map((p, i) =>
      db.insert(products).values({
        id: productId(i),
        workspaceId: ws,
        feedId: 'feed_demo',
        sku: p.sku,
        title: p.title,
        brand: DEMO_WORKSPACE.name,
        link: `/products/${p.sku}`,
        // Product shots drawn like the posts, served by the demo store itself (demo/images/products).
        imageUrl: `/images/products/${p.sku}.svg`,
        priceMinor: p.priceMinor,
        currency: 'EUR',
        availability: 'in_stock',
        createdAt: now,
        updatedAt: now,
      }),
    ),
    db.insert(galleries).values({ id: DEMO_GALLERY_ID, workspaceId: ws, name: 'Worn & loved by you', layout: 'grid', sort: 'newest', pageSize: 12, createdAt: now, updatedAt: now }),
  ];

  for (const [index, post] of DEMO_POSTS.entries()) {
    const publishedAt = now - (index + 1) * 7 * HOUR;
    statements.push(
      db.insert(posts).values({
        id: post.id,
        workspaceId: ws,
        igMediaId: `1790000000000${String(index).padStart(4, '0')}`,
        mediaType: post.carouselChildren ? 'carousel' : 'image',
        caption: post.caption,
        permalink: `https://www.instagram.com/p/DEMO${index}/`,
        authorUsername: post.author,
        publishedAt,
        collectedAt: publishedAt + HOUR,
        moderationStatus: post.moderation,
        moderatedAt: post.moderation === 'pending' ? null : publishedAt + 2 * HOUR,
        moderatedBy: post.moderation === 'pending' ? null : userId,
        rightsStatus: post.rights,
        rightsExpiresAt: post.rightsExpireInDays === undefined ? null : now + post.rightsExpireInDays * DAY,
        rightsScope: post.rights === 'granted' ? DEMO_TERMS.scope : null,
        // The demo's consents all came from the authors' accounts (see rightsStatements).
        rightsVerification: post.rights === 'granted' ? 'account' : null,
        sourceDeletedAt: post.deletedAtSource ? now - HOUR : null,
        createdAt: publishedAt + HOUR,
        updatedAt: publishedAt + 2 * HOUR,
      }),
      ...(await mediaStatements(db, media, variants, post, index, now)),
      ...post.products.map((productIndex, position) =>
        db.insert(postProducts).values({
          id: `tag_${post.id}_${position}`,
          postId: post.id,
          productId: productId(productIndex),
          mediaId: `med_${post.id}_0`,
          x: 0.3 + 0.4 * ((position + index) % 2),
          y: 0.55 + 0.1 * position,
          position,
          createdAt: now,
        }),
      ),
      ...rightsStatements(db, post, { ws, userId, termsId, termsHash, publishedAt, now }),
    );
  }
  statements.push(...(await demoCampaignStatements(db, ws, now)));
  await runBatch(db, statements);
  if (appSecret) await scheduleDemoDraw(db, appSecret, { workspaceId: ws, userId }, now);
}

async function mediaStatements(db: Db, media: MediaStore, variants: VariantMaker, post: DemoPost, index: number, now: number) {
  const children = post.carouselChildren ?? 1;
  const size = ASPECT_SIZES[post.aspect];
  const shown = post.products.map((i) => DEMO_PRODUCTS[i]!);
  const statements: BatchItem<'sqlite'>[] = [];
  for (let position = 0; position < children; position++) {
    const mediaId = `med_${post.id}_${position}`;
    const svg = demoSceneSvg(index * 31 + position, size, position === 0 ? shown : shown.slice(0, 1));
    const made = await variants.make(encoder.encode(svg));
    const rows = await storeRenditions(media, mediaId, made, now);
    statements.push(
      db.insert(postMedia).values({
        id: mediaId,
        postId: post.id,
        position,
        type: 'image',
        width: made.original.width,
        height: made.original.height,
        altText: `Photo by @${post.author}: ${shown.map((p) => p.title).join(', ')}`,
        storeStatus: 'stored',
        storeAttempts: 1,
      }),
      ...insertVariants(db, rows),
    );
  }
  return statements;
}

/** The request, and the append-only evidence, behind each post's rights status. */
function rightsStatements(
  db: Db,
  post: DemoPost,
  ctx: { ws: string; userId: string; termsId: string; termsHash: string; publishedAt: number; now: number },
): BatchItem<'sqlite'>[] {
  if (post.rights === 'none') return [];
  const requestId = `req_${post.id}`;
  const requestText = `Hi @${post.author}! We love this photo. May we show it on our site? Reply #YesLumen to agree, or read the terms: https://vitrine.local/r/${requestId}`;
  const requestedAt = ctx.publishedAt + 3 * HOUR;
  const grantedAt = requestedAt + 5 * HOUR;
  const viaComment = post.consentChannel === 'comment_reply';
  const statements: BatchItem<'sqlite'>[] = [
    db.insert(rightsRequests).values({
      id: requestId,
      workspaceId: ctx.ws,
      postId: post.id,
      termsVersionId: ctx.termsId,
      channel: viaComment ? 'api_comment' : 'manual',
      language: 'en',
      requestText,
      status: post.rights === 'requested' ? 'sent' : post.rights === 'withdrawn' ? 'withdrawn' : 'granted',
      requestedBy: ctx.userId,
      createdAt: requestedAt,
      updatedAt: post.rights === 'requested' ? requestedAt : grantedAt,
      sentAt: requestedAt,
      linkExpiresAt: requestedAt + 30 * DAY,
    }),
  ];
  if (post.rights !== 'granted' && post.rights !== 'withdrawn') return statements;
  const consent = {
    workspaceId: ctx.ws,
    postId: post.id,
    rightsRequestId: requestId,
    authorUsername: post.author,
    termsVersionId: ctx.termsId,
    termsHash: ctx.termsHash,
    requestText,
    scope: DEMO_TERMS.scope,
  };
  const pageEvidence = { ipHash: 'demo-ip-hash', userAgent: 'Mozilla/5.0 (iPhone; demo)', confirmedHandle: post.author };
  statements.push(
    db.insert(consentRecords).values({
      ...consent,
      id: `cons_${post.id}_grant`,
      kind: 'granted',
      channel: viaComment ? 'comment_reply' : 'rights_page',
      evidence: viaComment ? { commentId: `demo-comment-${post.id}`, commentText: '#YesLumen @maisonlumen' } : pageEvidence,
      verification: viaComment ? 'account' : 'page',
      expiresAt: post.rightsExpireInDays === undefined ? null : ctx.now + post.rightsExpireInDays * DAY,
      recordedAt: grantedAt,
    }),
  );
  if (!viaComment) {
    // Agreed on the page, then verified by a reply from the author's own account.
    const code = 'K7QP4X';
    statements.push(
      db.insert(consentRecords).values({
        ...consent,
        id: `cons_${post.id}_verify`,
        kind: 'granted',
        channel: 'comment_reply',
        evidence: { commentId: `demo-verify-${post.id}`, commentText: `#YesLumen @maisonlumen ${code}`, commentTimestamp: new Date(grantedAt + HOUR).toISOString(), verifyCode: code, linkedConsentId: `cons_${post.id}_grant` },
        verification: 'account',
        expiresAt: post.rightsExpireInDays === undefined ? null : ctx.now + post.rightsExpireInDays * DAY,
        recordedAt: grantedAt + HOUR,
      }),
    );
  }
  if (post.rights === 'withdrawn') {
    statements.push(
      db.insert(consentRecords).values({ ...consent, id: `cons_${post.id}_withdraw`, kind: 'withdrawn', channel: 'rights_page', evidence: pageEvidence, recordedAt: grantedAt + 2 * DAY }),
    );
  }
  return statements;
}
