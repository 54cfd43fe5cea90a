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
  instagram: {
    /** The Graph API's base URL, or 'fake' for the in-process fake the demo collects from. */
    graphUrl: string | 'fake';
    apiVersion: string;
    appSecret: string | null;
    verifyToken: string | null;
  };
  /** How often the in-process scheduler looks for due collection work. */
  collectEverySeconds: number;
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
    instagram: {
      // The demo collects from a local fake; a real deployment sets the real Graph API here.
      graphUrl: env.VITRINE_IG_GRAPH_URL || (isLoopback(host) ? 'fake' : 'https://graph.facebook.com'),
      apiVersion: env.VITRINE_IG_API_VERSION || 'v21.0',
      appSecret: env.VITRINE_IG_APP_SECRET || null,
      verifyToken: env.VITRINE_IG_VERIFY_TOKEN || null,
    },
    collectEverySeconds: positiveInt(env.VITRINE_COLLECT_EVERY_SECONDS, 'VITRINE_COLLECT_EVERY_SECONDS', 15),
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

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (!value) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of seconds, got "${value}"`);
  return n;
}
