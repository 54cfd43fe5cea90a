/**
 * `npm run backup -- [folder]`: a consistent copy of the running deployment's database, media and
 * app secret (server/ops/backup.ts). The server may keep running. Default folder:
 * ./backups/vitrine-<time>. Reads VITRINE_DATA_DIR like the server does (default ./data).
 */
import { resolve } from 'node:path';
import { backupDataDir } from '../server/ops/backup.ts';

const dataDir = resolve(process.env.VITRINE_DATA_DIR || './data');
const dest = resolve(process.argv[2] ?? `./backups/vitrine-${new Date().toISOString().replace(/[:.]/g, '-')}`);
const manifest = await backupDataDir(dataDir, dest);
console.log(`backed up ${dataDir} to ${dest}: database ${manifest.database.bytes} bytes (sha256 ${manifest.database.sha256.slice(0, 12)}…), ${manifest.media.files} media files, secret ${manifest.secret ? 'included' : 'not present (set by VITRINE_SECRET)'}`);
