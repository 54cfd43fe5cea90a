/**
 * Fills a demo-seeded database with public posts for the benchmarks: copies of the demo's public
 * posts (their media, renditions and product tags too), each copy under new ids and published an
 * hour earlier than the last, so a gallery answers from about `count` public posts as it would in a large store.
 * Raw SQL on the libSQL client, as load-server.ts clones stores: the rows are the seed's own.
 */
import type { Client, InStatement } from '@libsql/client';
import { DEMO_PUBLIC_POST_IDS } from '../server/dev/seed/demo-content.ts';

const RENAMED = /^(id|post_id|media_id|ig_media_id|storage_key)$/;
const SHIFTED = /^(published_at|collected_at)$/;

/** Returns how many public posts the workspace then has: `count` rounded up to whole copies. */
export async function addPublicPosts(client: Client, count: number): Promise<number> {
  const ids = DEMO_PUBLIC_POST_IDS;
  const inPosts = `(${ids.map(() => '?').join(', ')})`;
  const sources = {
    posts: await client.execute({ sql: `select * from posts where id in ${inPosts}`, args: ids }),
    post_media: await client.execute({ sql: `select * from post_media where post_id in ${inPosts}`, args: ids }),
    media_variants: await client.execute({ sql: `select * from media_variants where media_id in (select id from post_media where post_id in ${inPosts})`, args: ids }),
    post_products: await client.execute({ sql: `select * from post_products where post_id in ${inPosts}`, args: ids }),
  };
  const copies = Math.ceil((count - ids.length) / ids.length);
  for (let copy = 1; copy <= copies; copy += 20) {
    const statements: InStatement[] = [];
    for (let k = copy; k < Math.min(copies + 1, copy + 20); k++) {
      for (const [table, { rows, columns }] of Object.entries(sources)) {
        const insert = `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`;
        for (const row of rows) {
          statements.push({
            sql: insert,
            args: columns.map((c, i) => {
              const value = row[i]!;
              if (RENAMED.test(c) && typeof value === 'string') return `${value}_c${k}`;
              if (SHIFTED.test(c) && typeof value === 'number') return value - k * 3_600_000;
              return value;
            }),
          });
        }
      }
    }
    await client.batch(statements, 'write');
  }
  return ids.length * (copies + 1);
}
