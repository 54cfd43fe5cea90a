import { Hono } from 'hono';
import type { AppEnv } from '../../deps.ts';
import { intParam } from '../../http/query.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';
import { searchProducts } from '../../services/products.ts';

/** Product search, for the gallery filters now and hotspot tagging with the catalog work. */
export const productRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .get('/', async (c) => {
    const limit = intParam(c.req.query('limit'), 'limit', { min: 1, max: 100, fallback: 20 });
    const q = c.req.query('q')?.trim().slice(0, 100) || undefined;
    return c.json({ products: await searchProducts(c.var.db, requireSession(c).workspaceId, q, limit) });
  });
