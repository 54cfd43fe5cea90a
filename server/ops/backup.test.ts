/**
 * Backups of an embedded deployment, end to end through the npm scripts' own code: back up a
 * seeded data folder, damage the database, the media and the secret, restore, and find
 * everything as it was. Also: a backup taken while writes go on is consistent, and a damaged
 * backup is refused without touching the live data.
 */
import { createClient } from '@libsql/client';
import { eq, sql } from 'drizzle-orm';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { libsqlDb } from '../db/libsql.ts';
import { migrateLibsql } from '../db/migrate-libsql.ts';
import { auditLog, postProducts, posts } from '../db/schema.ts';
import { diskMediaStore } from '../media/disk.ts';
import { randomToken } from '../security/tokens.ts';
import { seedDemo } from '../dev/seed/seed-demo.ts';
import { testClock } from '../dev/testing/clock.ts';
import { tableDigests } from '../dev/testing/db-digest.ts';
import { placeholderVariantMaker } from '../dev/testing/placeholder-variants.ts';
import { backupDataDir, checkIntegrity, listFiles } from './backup.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'vitrine-data-'));
const backups = mkdtempSync(join(tmpdir(), 'vitrine-backups-'));
const client = createClient({ url: pathToFileURL(join(dataDir, 'vitrine.db')).href });
const db = libsqlDb(client);
const clock = testClock();

async function mediaHashes(dir: string) {
  const files = await listFiles(dir);
  return Object.fromEntries(await Promise.all(files.map(async (f) => [relative(dir, f), createHash('sha256').update(await readFile(f)).digest('hex')])));
}

/** Runs one of the npm scripts the way `npm run` does (`tsx scripts/<name>.ts`), on this data folder. */
async function npmScript(name: 'backup' | 'restore', arg: string) {
  // Asynchronously: this process keeps its database connection open, as a running server would.
  const { stdout } = await promisify(execFile)(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'scripts', `${name}.ts`), arg], { cwd: root, env: { ...process.env, VITRINE_DATA_DIR: dataDir }, encoding: 'utf8' });
  return stdout;
}

beforeAll(async () => {
  await migrateLibsql(db, join(root, 'drizzle'));
  await seedDemo({ db, media: diskMediaStore(join(dataDir, 'media')), variants: placeholderVariantMaker, now: clock.now(), ownerPassword: randomToken() });
  await writeFile(join(dataDir, 'secret.key'), 'a-secret-kept-beside-the-database');
}, 60_000);

afterAll(async () => {
  client.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(backups, { recursive: true, force: true });
});

describe('backup and restore of the embedded database and media', () => {
  it('restores exactly what was backed up after the database, media and secret were damaged', async () => {
    const tables = await tableDigests(db);
    const media = await mediaHashes(join(dataDir, 'media'));
    expect(Object.keys(media).length).toBeGreaterThan(50);

    const dest = join(backups, 'first');
    expect(await npmScript('backup', dest)).toContain('backed up');
    const manifest = JSON.parse(await readFile(join(dest, 'manifest.json'), 'utf8')) as { media: { files: number }; secret: boolean };
    expect(manifest).toMatchObject({ media: { files: Object.keys(media).length }, secret: true });

    // A bad day: rows lost and changed, a file overwritten, another gone, the secret replaced.
    await db.delete(postProducts);
    await db.update(posts).set({ caption: 'defaced' }).where(eq(posts.id, 'post_demo01'));
    const [first, second] = Object.keys(media);
    await writeFile(join(dataDir, 'media', first!), 'garbage');
    await rm(join(dataDir, 'media', second!));
    await writeFile(join(dataDir, 'secret.key'), 'wrong');
    expect(await tableDigests(db)).not.toEqual(tables);

    client.close();
    const out = await npmScript('restore', dest);
    expect(out).toContain('kept aside');
    const restored = libsqlDb(createClient({ url: pathToFileURL(join(dataDir, 'vitrine.db')).href }));
    expect(await tableDigests(restored)).toEqual(tables);
    expect(await mediaHashes(join(dataDir, 'media'))).toEqual(media);
    expect(await readFile(join(dataDir, 'secret.key'), 'utf8')).toBe('a-secret-kept-beside-the-database');
    await checkIntegrity(join(dataDir, 'vitrine.db'));
    // What the restore replaced is kept aside, not deleted.
    expect((await listFiles(dataDir)).some((f) => f.includes('.before-restore-'))).toBe(true);
  }, 60_000);

  it('takes a consistent copy while writes go on', async () => {
    const live = libsqlDb(createClient({ url: pathToFileURL(join(dataDir, 'vitrine.db')).href }));
    const count = async (d: typeof live) => (await d.select({ n: sql<number>`count(*)` }).from(auditLog))[0]!.n;
    const before = await count(live);
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        await live.insert(auditLog).values({ id: `aud_backup_${written}`, workspaceId: 'ws_demo', actorKind: 'system', action: 'test.write', targetType: 'test', targetId: String(written), at: clock.now() });
        written++;
        // libSQL may settle without a trip through the event loop: let the backup's file work run.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const dest = join(backups, 'online');
    await backupDataDir(dataDir, dest);
    writing = false;
    await writer;
    await checkIntegrity(join(dest, 'vitrine.db'));
    const copy = libsqlDb(createClient({ url: pathToFileURL(join(dest, 'vitrine.db')).href }));
    const copied = await count(copy);
    expect(written).toBeGreaterThan(0);
    expect(copied).toBeGreaterThanOrEqual(before);
    expect(copied).toBeLessThanOrEqual(before + written);
  }, 60_000);

  it('refuses a damaged backup and leaves the live data alone', async () => {
    const dest = join(backups, 'damaged');
    await backupDataDir(dataDir, dest);
    const file = await readFile(join(dest, 'vitrine.db'));
    file[file.length - 100] = file[file.length - 100]! ^ 0xff;
    await writeFile(join(dest, 'vitrine.db'), file);
    const liveBefore = await readFile(join(dataDir, 'vitrine.db'));
    await expect(npmScript('restore', dest)).rejects.toThrow(/does not match its manifest/);
    expect((await readFile(join(dataDir, 'vitrine.db'))).equals(liveBefore)).toBe(true);
    expect(existsSync(join(dataDir, 'media'))).toBe(true);
  }, 60_000);
});
