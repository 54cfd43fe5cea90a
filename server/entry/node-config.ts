import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Everything the Node server takes from its environment, read in one place at start. */
export interface NodeConfig {
  port: number;
  host: string;
  dataDir: string;
  dbUrl: string;
  dbAuthToken: string | undefined;
  publicUrl: string | null;
  appSecret: string;
  /** Seeds a known demo login: on by default only when bound to loopback. */
  seedDemo: boolean;
  version: string;
  trustProxy: boolean;
}

export function resolveNodeConfig(env: NodeJS.ProcessEnv): NodeConfig {
  const dataDir = resolve(env.VITRINE_DATA_DIR || './data');
  mkdirSync(dataDir, { recursive: true });
  const port = Number(env.PORT || 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const dbUrl = env.VITRINE_DB_URL || pathToFileURL(join(dataDir, 'vitrine.db')).href;
  if (!/^(file:|libsql:|https?:)/.test(dbUrl)) throw new Error(`VITRINE_DB_URL must start with file:, libsql:, http: or https:, got "${dbUrl}"`);
  const host = env.HOST || '127.0.0.1';
  return {
    port,
    host,
    dataDir,
    dbUrl,
    dbAuthToken: env.VITRINE_DB_AUTH_TOKEN || undefined,
    publicUrl: env.VITRINE_PUBLIC_URL || null,
    appSecret: env.VITRINE_SECRET || persistentSecret(dataDir),
    seedDemo: env.VITRINE_SEED_DEMO === 'true' || (env.VITRINE_SEED_DEMO !== 'false' && isLoopback(host)),
    version: env.npm_package_version || 'dev',
    trustProxy: env.VITRINE_TRUST_PROXY === 'true',
  };
}

/** A server only this machine can reach; anything else must not get the public demo login. */
function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/**
 * Without VITRINE_SECRET, a random secret is made once and kept beside the database. An empty
 * file counts as none: an empty secret would sign and encrypt with no key at all.
 */
function persistentSecret(dataDir: string): string {
  const path = join(dataDir, 'secret.key');
  const existing = readIfExists(path);
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}

function readIfExists(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return '';
  }
}
