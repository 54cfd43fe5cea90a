import { Hono } from 'hono';
import { requestSentInput, rightsRequestInput, termsInput, webhookEndpointInput } from '../../../shared/schemas/rights.ts';
import type { AppEnv } from '../../http/env.ts';
import { publicOrigin } from '../../http/public-origin.ts';
import { intParam } from '../../http/query.ts';
import { jsonBody } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite, requireRole } from '../../middleware/require-role/index.ts';
import { expiringGrants } from '../../domain/rights/expiring.ts';
import { exportConsent } from '../../domain/rights/export.ts';
import { createRightsRequests, markRequestSent, requestsOfPost } from '../../domain/rights/requests.ts';
import { listTerms, publishTerms } from '../../domain/rights/terms.ts';
import { createEndpoint, deleteEndpoint, listEndpoints } from '../../domain/webhooks/outgoing.ts';

const withoutLink = <T extends { link: string | null; message: string | null }>(view: T): T => ({ ...view, link: null, message: null });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Terms, requests, consent evidence and expirations: merchandisers work here, analysts read. */
export const rightsRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .get('/terms', async (c) => {
    const rows = await listTerms(c.var.db, requireSession(c).workspaceId);
    return c.json({ terms: rows.map((t) => ({ ...t, createdAt: iso(t.createdAt) })) });
  })
  .post('/terms', async (c) => {
    const terms = await publishTerms(c.var.db, requireSession(c), await jsonBody(c, termsInput), c.var.clock.now());
    return c.json({ ...terms, createdAt: iso(terms.createdAt) }, 201);
  })
  .post('/requests', async (c) => {
    const input = await jsonBody(c, rightsRequestInput);
    const views = await createRightsRequests({ db: c.var.db, instagram: c.var.instagram, appSecret: c.var.secrets.appSecret }, requireSession(c), input, c.var.clock.now(), publicOrigin(c));
    return c.json({ requests: views }, 201);
  })
  .get('/requests', async (c) => {
    const session = requireSession(c);
    const requests = await requestsOfPost(c.var.db, c.var.secrets.appSecret, publicOrigin(c), session.workspaceId, c.req.query('postId') ?? '');
    // The link is the author's credential (and the message carries it): analysts see that a request exists, not its link.
    return c.json({ requests: session.role === 'analyst' ? requests.map(withoutLink) : requests });
  })
  .post('/requests/:id/sent', async (c) => {
    const { via } = c.req.header('content-type') ? await jsonBody(c, requestSentInput) : requestSentInput.parse({});
    await markRequestSent(c.var.db, requireSession(c), c.req.param('id'), c.var.clock.now(), via);
    return c.body(null, 204);
  })
  /** For a legal team: every consent record of a post (`?postId=`) or an author (`?author=`). */
  .get('/export', async (c) => {
    const body = await exportConsent(c.var.db, requireSession(c).workspaceId, { postId: c.req.query('postId'), author: c.req.query('author') }, c.var.clock.now());
    c.header('Content-Disposition', `attachment; filename="consent-${c.req.query('postId') ?? c.req.query('author') ?? 'export'}.json"`);
    return c.json(body);
  })
  /** Granted permissions ending within `days` (default 30), soonest first. */
  .get('/expiring', async (c) => {
    const days = intParam(c.req.query('days'), 'days', { min: 1, max: 365, fallback: 30 });
    const rows = await expiringGrants(c.var.db, requireSession(c).workspaceId, days, c.var.clock.now());
    return c.json({ posts: rows.map((r) => ({ ...r, expiresAt: iso(r.expiresAt) })) });
  });

/** Outgoing webhooks are integrations with the merchant's systems: owners only. */
export const webhookRoutes = new Hono<AppEnv>()
  .use(requireRole('owner'))
  .get('/', async (c) => c.json({ endpoints: (await listEndpoints(c.var.db, requireSession(c).workspaceId)).map((e) => ({ ...e, createdAt: iso(e.createdAt) })) }))
  .post('/', async (c) => c.json(await createEndpoint(c.var.db, c.var.secrets.appSecret, requireSession(c), await jsonBody(c, webhookEndpointInput), c.var.clock.now()), 201))
  .delete('/:id', async (c) => {
    await deleteEndpoint(c.var.db, requireSession(c), c.req.param('id'), c.var.clock.now());
    return c.body(null, 204);
  });
