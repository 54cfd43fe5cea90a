import { Hono } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { authenticate } from '../../middleware/authenticate/index.ts';
import { csrfProtection } from '../../middleware/csrf/index.ts';
import { apiKeyRoutes } from './api-keys.ts';
import { auditRoutes } from './audit.ts';
import { campaignRoutes } from './campaigns.ts';
import { catalogRoutes } from './catalog.ts';
import { authRoutes } from './auth.ts';
import { galleryRoutes } from './galleries.ts';
import { adminMediaRoutes } from './media.ts';
import { invitationRoutes, memberRoutes } from './members.ts';
import { moderationRuleRoutes } from './moderation-rules.ts';
import { postRoutes } from './posts.ts';
import { productRoutes } from './products.ts';
import { reportRoutes } from './reports.ts';
import { adminReuseRoutes } from './reuse.ts';
import { rightsRoutes, webhookRoutes } from './rights.ts';
import { importRoutes, uploadRoutes } from './imports.ts';
import { instagramRoutes } from './instagram.ts';
import { sourceRoutes } from './sources.ts';
import { visitorRoutes } from './visitors.ts';
import { workspaceRoutes } from './workspace.ts';

/**
 * The admin API the panel talks to, under /admin. Session cookie, CSRF protection on every
 * state-changing request, and a role guard on each group; the workspace always comes from the
 * session, never from the request, so ids from another workspace are simply not found.
 */
export const adminRoutes = new Hono<AppEnv>()
  .use(async function noStore(c, next) {
    await next();
    c.header('Cache-Control', 'no-store');
  })
  .use(authenticate())
  .use(csrfProtection())
  .route('/auth', authRoutes)
  .route('/members', memberRoutes)
  .route('/invitations', invitationRoutes)
  .route('/api-keys', apiKeyRoutes)
  .route('/audit', auditRoutes)
  .route('/posts', postRoutes)
  .route('/media', adminMediaRoutes)
  .route('/moderation-rules', moderationRuleRoutes)
  .route('/galleries', galleryRoutes)
  .route('/campaigns', campaignRoutes)
  .route('/workspace', workspaceRoutes)
  .route('/sources', sourceRoutes)
  .route('/instagram', instagramRoutes)
  .route('/imports', importRoutes)
  .route('/uploads', uploadRoutes)
  .route('/products', productRoutes)
  .route('/catalog', catalogRoutes)
  .route('/rights', rightsRoutes)
  .route('/webhooks', webhookRoutes)
  .route('/reports', reportRoutes)
  .route('/reuse', adminReuseRoutes)
  .route('/visitors', visitorRoutes);
