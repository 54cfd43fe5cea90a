import { Hono } from 'hono';
import { CAMPAIGN_ID } from '../../../shared/schemas/campaigns.ts';
import { publicDraw } from '../../domain/campaigns/draw.ts';
import { notFound } from '../../domain/errors.ts';
import type { AppEnv } from '../../http/env.ts';

/**
 * A campaign's draw, for anyone (no sign-in): the seed's hash before the draw; the seed, the
 * eligible entries' ids and the winners after it (docs/API.md, "The draw"). Entry ids only,
 * never who posted them. A draft campaign is not found.
 */
export const publicCampaignRoutes = new Hono<AppEnv>().get('/campaigns/:id/draw', async (c) => {
  const id = c.req.param('id');
  if (!CAMPAIGN_ID.test(id)) throw notFound('campaign');
  // Short: the answer changes when the draw is scheduled and when it runs.
  c.header('Cache-Control', 'public, max-age=30');
  return c.json(await publicDraw(c.var.db, id));
});
