import { Hono, type Context } from 'hono';
import { campaignInput, campaignPatch, campaignRulesInput, drawScheduleInput, juryPickInput, winnersQuery } from '../../../shared/schemas/campaigns.ts';
import { inboxQuery } from '../../../shared/schemas/moderation.ts';
import { campaignView, createCampaign, deleteCampaign, listCampaigns, publishCampaignRules, rulesHistory, updateCampaign } from '../../domain/campaigns/campaigns.ts';
import { pickWinners, runDraw, scheduleDraw } from '../../domain/campaigns/draw.ts';
import { ownCampaign } from '../../domain/campaigns/own.ts';
import { emailWinner } from '../../domain/campaigns/winner-email.ts';
import { markWinnerNotified, winnerNotices } from '../../domain/campaigns/winner-notices.ts';
import { listInbox } from '../../domain/posts/admin-posts.ts';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';
import { cursorParam } from '../../http/query.ts';
import { jsonBody, parseWith } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite, requireRole } from '../../middleware/require-role/index.ts';
import { mediaUrlBuilder } from '../public/media-url.ts';

/** `?language=` and the public origin the winners' messages link the draw's proof on. */
function noticeOptions(c: Context<AppEnv>) {
  const { language } = parseWith(winnersQuery, c.req.query());
  const publicBase = (c.var.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
  return { language, publicBase, now: c.var.clock.now() };
}

/** Campaigns and their draws: owners and merchandisers run them, analysts read, a jury's pick is an owner's. */
export const campaignRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .get('/', async (c) => c.json({ campaigns: await listCampaigns(c.var.db, requireSession(c).workspaceId, c.var.clock.now()) }))
  .post('/', async (c) => c.json(await createCampaign(c.var.db, requireSession(c), await jsonBody(c, campaignInput), c.var.clock.now()), 201))
  .get('/:id', async (c) => {
    const campaign = await ownCampaign(c.var.db, requireSession(c).workspaceId, c.req.param('id'));
    return c.json(await campaignView(c.var.db, campaign, c.var.clock.now()));
  })
  .patch('/:id', async (c) => c.json(await updateCampaign(c.var.db, requireSession(c), c.req.param('id'), await jsonBody(c, campaignPatch), c.var.clock.now())))
  .delete('/:id', async (c) => {
    await deleteCampaign(c.var.db, c.var.media, requireSession(c), c.req.param('id'), c.var.clock.now());
    return c.body(null, 204);
  })
  .get('/:id/rules', async (c) => c.json({ rules: await rulesHistory(c.var.db, requireSession(c).workspaceId, c.req.param('id')) }))
  .post('/:id/rules', async (c) => c.json(await publishCampaignRules(c.var.db, requireSession(c), c.req.param('id'), await jsonBody(c, campaignRulesInput), c.var.clock.now()), 201))
  /** The entries with the inbox's moderation fields: the inbox's query (`status`, `q`, ...) limited to the campaign. */
  .get('/:id/entries', async (c) => {
    const workspaceId = requireSession(c).workspaceId;
    const campaign = await ownCampaign(c.var.db, workspaceId, c.req.param('id'));
    const query = parseWith(inboxQuery, { ...c.req.query(), campaign: campaign.id });
    const page = await listInbox(c.var.db, workspaceId, query, cursorParam(query.cursor, 'key'), c.var.clock.now(), mediaUrlBuilder(`${new URL(c.req.url).origin}/admin`));
    return c.json(page);
  })
  /** Schedules the draw (making and sealing its seed the first time; the answer carries the seed's hash). */
  .post('/:id/draw', async (c) => {
    const { at } = await jsonBody(c, drawScheduleInput);
    return c.json(await scheduleDraw(c.var.db, c.var.secrets.appSecret, requireSession(c), c.req.param('id'), Date.parse(at), c.var.clock.now()));
  })
  /** Runs a due draw now rather than at the scheduler's next step. */
  .post('/:id/draw/run', async (c) => {
    const session = requireSession(c);
    return c.json(await runDraw(c.var.db, c.var.secrets.appSecret, session, session.workspaceId, c.req.param('id'), c.var.clock.now()));
  })
  .post('/:id/winners', requireRole('owner'), async (c) => {
    const { postIds } = await jsonBody(c, juryPickInput);
    return c.json(await pickWinners(c.var.db, requireSession(c), c.req.param('id'), postIds, c.var.clock.now()));
  })
  /** Each winner with the message to send them, in the campaign's language or `?language=`. */
  .get('/:id/winners', async (c) => {
    const session = requireSession(c);
    // The entrant gave their address for the contest: those who run it see it masked, analysts not at all.
    const options = { ...noticeOptions(c), mail: Boolean(c.var.mail), showAddress: session.role !== 'analyst' };
    return c.json(await winnerNotices(c.var.db, session.workspaceId, c.req.param('id'), options));
  })
  /** Vitrine emails a submission's winner their message (the entrant's language, or `?language=`), then records it as told. */
  .post('/:id/winners/:postId/email', async (c) => {
    const mail = c.var.mail;
    if (!mail) throw new ApiError(503, 'mail_off', 'this deployment sends no mail (set VITRINE_MAIL_PROVIDER, VITRINE_MAIL_API_KEY and VITRINE_MAIL_FROM): send the message yourself, then mark it sent');
    return c.json(await emailWinner({ db: c.var.db, mail }, requireSession(c), c.req.param('id'), c.req.param('postId'), noticeOptions(c)));
  })
  /** The merchant sent the winner their message: recorded once, audited with who. */
  .post('/:id/winners/:postId/notified', async (c) => {
    await markWinnerNotified(c.var.db, requireSession(c), c.req.param('id'), c.req.param('postId'), c.var.clock.now());
    return c.body(null, 204);
  });
