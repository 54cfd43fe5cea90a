import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/env.ts';
import { productSearch } from '../../../shared/schemas/catalog.ts';
import { intParam } from '../../http/query.ts';
import { parseWith } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';
import { productsByIds, searchProducts } from '../../domain/catalog/products.ts';

const byIds = z.strictObject({ ids: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'is not an id')).max(100, 'at most 100 ids') });

/** Product search (gallery filters, hotspot tagging), and products by id to name the chosen ones. */
export const productRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .get('/', async (c) => {
    const ids = c.req.query('ids');
    if (ids !== undefined) {
      const list = parseWith(byIds, { ids: ids.split(',').filter(Boolean) }).ids;
      return c.json({ products: await productsByIds(c.var.db, requireSession(c).workspaceId, list) });
    }
    const limit = intParam(c.req.query('limit'), 'limit', { min: 1, max: 100, fallback: 20 });
    // A long term is cut to what a LIKE pattern may hold (containsPattern); malformed text is refused.
    const q = parseWith(productSearch, { q: c.req.query('q') }).q || undefined;
    return c.json({ products: await searchProducts(c.var.db, requireSession(c).workspaceId, q, limit) });
  });
