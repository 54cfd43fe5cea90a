/**
 * The server side of the mixed load benchmark (bench/sections/load.ts), in its own process: the
 * real app as `npm start` runs it (WAL, group commits) on a libSQL file, with the demo store
 * cloned into many stores, each with its own workspace, posts, products and galleries, and its own
 * owner (`s<n>_` before the demo owner's email, the same password), so load.ts can sign in to each
 * store and write there. Prints `PORT <port>` once listening.
 */
import { serve } from '@hono/node-server';
import { createClient } from '@libsql/client';
import { trackingBenchApp } from './tracking-app.ts';

export const LOAD_STORES = Number(process.env.LOAD_STORES ?? 40);

// The demo owner's password comes from load.ts, which signs in as the panel's merchandiser.
const { app, url } = await trackingBenchApp({}, process.env.LOAD_OWNER_PASSWORD);
const client = createClient({ url });

// Copies of every row a store's galleries show, with its ids prefixed per store.
const TABLES = ['users', 'workspaces', 'memberships', 'galleries', 'posts', 'post_media', 'media_variants', 'products', 'post_products', 'gallery_posts'];
const ID_COLUMN = /^(id|workspace_id|user_id|email|post_id|media_id|gallery_id|product_id|slug|storage_key|fallback_gallery_id)$/;
for (const table of TABLES) {
  const { rows, columns } = await client.execute(`select * from ${table}`);
  const insert = `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`;
  const statements = [];
  for (let store = 1; store < LOAD_STORES; store++) {
    for (const row of rows) {
      statements.push({ sql: insert, args: columns.map((c, i) => (ID_COLUMN.test(c) && typeof row[i] === 'string' ? `s${store}_${row[i]}` : row[i]!)) });
    }
  }
  await client.batch(statements, 'write');
}
client.close();

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`PORT ${info.port}`));
