/**
 * `npm run restore -- <backup folder>`: puts a backup made by `npm run backup` back into
 * VITRINE_DATA_DIR (default ./data). Stop the server first. What is replaced is kept aside.
 */
import { resolve } from 'node:path';
import { restoreDataDir } from '../server/ops/backup.ts';

const backup = process.argv[2];
if (!backup) {
  console.error('usage: npm run restore -- <backup folder>');
  process.exit(2);
}
const dataDir = resolve(process.env.VITRINE_DATA_DIR || './data');
const { keptAside } = await restoreDataDir(resolve(backup), dataDir);
console.log(`restored ${resolve(backup)} into ${dataDir}`);
for (const path of keptAside) console.log(`kept aside (delete once satisfied): ${path}`);
