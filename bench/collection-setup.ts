/**
 * What both collection benchmarks start from: a demo-seeded libSQL file, disk media, the local
 * fake Instagram in this process, the demo workspace connected to it with a tagged source, and
 * `backlog` tagged posts published on the fake, one a second back from now.
 */
import { createClient } from '@libsql/client';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { connectAccount } from '../server/domain/collection/connections.ts';
import { createSource } from '../server/domain/collection/sources.ts';
import { libsqlDb } from '../server/db/libsql.ts';
import { migrateLibsql } from '../server/db/migrate-libsql.ts';
import { createGraphClient } from '../server/instagram/client.ts';
import { createFakeInstagram } from '../server/dev/fake-instagram/index.ts';
import { diskMediaStore } from '../server/media/disk.ts';
import { randomToken } from '../server/security/tokens.ts';
import { seedDemo } from '../server/dev/seed/seed-demo.ts';
import { testClock } from '../server/dev/testing/clock.ts';
import { placeholderVariantMaker } from '../server/dev/testing/placeholder-variants.ts';

/** `impressions`: the fake account's, which set its Business Use Case limit (4,800 calls a day each); none: the fake's default. */
export async function collectionBench(backlog: number, options: { impressions?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-bench-collect-'));
  const clock = testClock(Date.now());
  // The fake's CDN serves real JPEGs, rendered once per aspect ratio: the benchmark measures
  // Vitrine's work (download, decode, three WebP encodes, storage, rows), not the fake's drawing.
  const jpegs = new Map<string, Uint8Array>();
  const renderImage = async (svg: string) => {
    const size = /width="(\d+)" height="(\d+)"/.exec(svg)?.slice(1).join('x') ?? '1080x1080';
    if (!jpegs.has(size)) jpegs.set(size, new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()));
    return jpegs.get(size)!;
  };
  const fake = createFakeInstagram({ clock, baseUrl: 'http://fake-instagram.bench', appSecret: 'bench', renderImage, ...(options.impressions ? { impressions: options.impressions } : {}) });
  const instagram = {
    graph: createGraphClient({ baseUrl: 'http://fake-instagram.bench', version: 'v21.0', fetch: (input, init) => fake.fetch(new Request(input, init)) }),
    download: (request: Request) => fake.fetch(request),
  };
  const db = libsqlDb(createClient({ url: pathToFileURL(join(dir, 'bench.db')).href }));
  await migrateLibsql(db, fileURLToPath(new URL('../drizzle', import.meta.url)));
  const media = diskMediaStore(join(dir, 'media'));
  await seedDemo({ db, media, variants: placeholderVariantMaker, now: clock.now(), ownerPassword: randomToken() });
  const actor = { workspaceId: 'ws_demo', userId: 'usr_demo' };
  const connection = await connectAccount({ db, graph: instagram.graph, appSecret: 'bench' }, actor, { igUserId: fake.account.igUserId, accessToken: fake.account.accessToken }, clock.now());
  await createSource(db, actor, { kind: 'tagged', connectionId: connection.id }, clock.now());
  for (let i = 0; i < backlog; i++) fake.publish({ tagsBrand: true, timestamp: clock.now() - i * 1000, mediaType: 'IMAGE' });
  return { dir, clock, fake, instagram, db, media };
}
