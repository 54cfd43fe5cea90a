/**
 * Backup and restore of an embedded (Node) deployment: the libSQL database file, the media
 * folder and the app secret, all under VITRINE_DATA_DIR. The npm scripts `backup` and `restore`
 * (scripts/backup.ts, scripts/restore.ts) call these; docs/OPERATIONS.md explains when and how.
 */
import { createClient } from '@libsql/client';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, cp, mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BackupManifest {
  createdAt: string;
  database: { file: string; sha256: string; bytes: number };
  media: { files: number; bytes: number };
  secret: boolean;
}

const DB_FILE = 'vitrine.db';
const SECRET_FILE = 'secret.key';

/**
 * Copies a running deployment's data into `dest` (which must not exist yet):
 * 1. the database through `VACUUM INTO`, a consistent snapshot taken online - writers carry on;
 * 2. then the media folder. Files are stored before the rows that name them, so every file the
 *    snapshot names already exists when the folder is copied (a later file is harmless);
 * 3. the app secret file, without which sealed Instagram tokens and webhook secrets cannot be opened.
 */
export async function backupDataDir(dataDir: string, dest: string, now = new Date()): Promise<BackupManifest> {
  if (existsSync(dest)) throw new Error(`backup: ${dest} already exists; choose a new folder`);
  await mkdir(dest, { recursive: true });
  const source = createClient({ url: pathToFileURL(join(dataDir, DB_FILE)).href });
  try {
    await source.execute({ sql: 'VACUUM INTO ?', args: [join(dest, DB_FILE)] });
  } finally {
    source.close();
  }
  await checkIntegrity(join(dest, DB_FILE));
  const mediaDir = join(dataDir, 'media');
  if (existsSync(mediaDir)) await cp(mediaDir, join(dest, 'media'), { recursive: true, filter: (path) => !path.endsWith('.tmp') });
  const secret = existsSync(join(dataDir, SECRET_FILE));
  if (secret) {
    await copyFile(join(dataDir, SECRET_FILE), join(dest, SECRET_FILE));
    await chmod(join(dest, SECRET_FILE), 0o600);
  }
  const db = await readFile(join(dest, DB_FILE));
  const media = await listFiles(join(dest, 'media'));
  const manifest: BackupManifest = {
    createdAt: now.toISOString(),
    database: { file: DB_FILE, sha256: createHash('sha256').update(db).digest('hex'), bytes: db.byteLength },
    media: { files: media.length, bytes: (await Promise.all(media.map(async (f) => (await stat(f)).size))).reduce((a, b) => a + b, 0) },
    secret,
  };
  await writeFile(join(dest, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/**
 * Puts a backup back into `dataDir`. The server must be stopped. The backup is checked first
 * (manifest hash, integrity_check), so a damaged backup changes nothing; what it replaces is kept
 * beside it as `*.before-restore-<time>` until the operator deletes it.
 */
export async function restoreDataDir(backup: string, dataDir: string, now = new Date()): Promise<{ keptAside: string[] }> {
  const manifest = JSON.parse(await readFile(join(backup, 'manifest.json'), 'utf8')) as BackupManifest;
  const db = await readFile(join(backup, DB_FILE));
  if (createHash('sha256').update(db).digest('hex') !== manifest.database.sha256) throw new Error('restore: the backup database does not match its manifest; nothing was changed');
  await checkIntegrity(join(backup, DB_FILE));

  await mkdir(dataDir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const keptAside: string[] = [];
  const setAside = async (name: string) => {
    const path = join(dataDir, name);
    if (!existsSync(path)) return;
    await rename(path, `${path}.before-restore-${stamp}`);
    keptAside.push(`${path}.before-restore-${stamp}`);
  };
  // A WAL or shared-memory file of the old database must not be replayed onto the restored one.
  for (const name of [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, 'media', ...(manifest.secret ? [SECRET_FILE] : [])]) await setAside(name);
  // Copy, then rename: a crash mid-restore leaves no half-written database under the live name.
  await copyFile(join(backup, DB_FILE), join(dataDir, `${DB_FILE}.restoring`));
  await rename(join(dataDir, `${DB_FILE}.restoring`), join(dataDir, DB_FILE));
  if (existsSync(join(backup, 'media'))) await cp(join(backup, 'media'), join(dataDir, 'media'), { recursive: true });
  if (manifest.secret) {
    await copyFile(join(backup, SECRET_FILE), join(dataDir, SECRET_FILE));
    await chmod(join(dataDir, SECRET_FILE), 0o600);
  }
  return { keptAside };
}

export async function checkIntegrity(file: string): Promise<void> {
  const client = createClient({ url: pathToFileURL(file).href });
  try {
    const result = await client.execute('PRAGMA integrity_check');
    const verdict = String(result.rows[0]?.[0] ?? '');
    if (verdict !== 'ok') throw new Error(`${file}: integrity_check says ${verdict}`);
  } finally {
    client.close();
  }
}

/** Every file under `dir`, as absolute paths, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort((a, b) => relative(dir, a).localeCompare(relative(dir, b)));
}

