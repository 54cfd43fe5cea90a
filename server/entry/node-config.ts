import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveMailSettings, type MailSettings } from '../mail/http-sender.ts';

/** Everything the Node server takes from its environment, read in one place at start. */
export interface NodeConfig {
  port: number;
  host: string;
  dataDir: string;
  dbUrl: string;
  dbAuthToken: string | undefined;
  publicUrl: string | null;
  appSecret: string;
  /**
   * The demo (seeded workspace and the in-process fake Instagram), on only with VITRINE_DEMO=true,
   * which `npm start` sets. Its owner's password is made once per data folder, never a known one.
   */
  demo: {
    ownerPassword: string;
    /**
     * Tracking events drawn over the past 90 days when the demo is first seeded, so Reports, the
     * inbox's performance column and the "best performing" sort show something at first sight.
     */
    historyEvents: number;
  } | null;
  /** What first-run setup must be given: VITRINE_SETUP_TOKEN, or made at each start and printed. */
  setupToken: string;
  version: string;
  /** How many reverse proxies in front of the server to believe (X-Forwarded-For/-Proto); 0: none. */
  trustProxyHops: number;
  instagram: {
    /** The Graph API's base URL, or 'fake' for the in-process fake the demo collects from. */
    graphUrl: string | 'fake';
    apiVersion: string;
    appSecret: string | null;
    verifyToken: string | null;
  };
  /** How often the in-process scheduler looks for due collection work. */
  collectEverySeconds: number;
  /** The mail provider (VITRINE_MAIL_PROVIDER, _API_KEY, _FROM); null: no mail is sent, and `mailOff` says why at start. */
  mail: MailSettings | null;
  mailOff: string | null;
}

/** How often Node's timer runs a collection step unless VITRINE_COLLECT_EVERY_SECONDS says otherwise (bench `collection` measures it as shipped). */
export const DEFAULT_COLLECT_EVERY_SECONDS = 15;

export function resolveNodeConfig(env: NodeJS.ProcessEnv): NodeConfig {
  const dataDir = resolve(env.VITRINE_DATA_DIR || './data');
  mkdirSync(dataDir, { recursive: true });
  const port = Number(env.PORT || 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const dbUrl = env.VITRINE_DB_URL || pathToFileURL(join(dataDir, 'vitrine.db')).href;
  if (!/^(file:|libsql:|https?:)/.test(dbUrl)) throw new Error(`VITRINE_DB_URL must start with file:, libsql:, http: or https:, got "${dbUrl}"`);
  const demo = flag(env.VITRINE_DEMO, 'VITRINE_DEMO');
  const mail = resolveMailSettings(env);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir,
    dbUrl,
    dbAuthToken: env.VITRINE_DB_AUTH_TOKEN || undefined,
    publicUrl: env.VITRINE_PUBLIC_URL || null,
    appSecret: env.VITRINE_SECRET || persistentSecret(dataDir, 'secret.key', 32),
    demo: demo ? { ownerPassword: persistentSecret(dataDir, 'demo-password', 12), historyEvents: historyEvents(env.VITRINE_DEMO_HISTORY_EVENTS) } : null,
    setupToken: env.VITRINE_SETUP_TOKEN || randomBytes(24).toString('base64url'),
    version: env.npm_package_version || 'dev',
    trustProxyHops: proxyHops(env.VITRINE_TRUST_PROXY),
    instagram: {
      // The demo collects from a local fake; anything else talks to the real Graph API.
      graphUrl: env.VITRINE_IG_GRAPH_URL || (demo ? 'fake' : 'https://graph.facebook.com'),
      apiVersion: env.VITRINE_IG_API_VERSION || 'v21.0',
      appSecret: env.VITRINE_IG_APP_SECRET || null,
      verifyToken: env.VITRINE_IG_VERIFY_TOKEN || null,
    },
    collectEverySeconds: positiveInt(env.VITRINE_COLLECT_EVERY_SECONDS, 'VITRINE_COLLECT_EVERY_SECONDS', DEFAULT_COLLECT_EVERY_SECONDS),
    mail: 'settings' in mail ? mail.settings : null,
    mailOff: 'off' in mail ? mail.off : null,
  };
}

/** An explicit on/off: a typo must not silently turn the demo (and its account) on or off. */
function flag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

/** About three months of a small store's traffic (~220 events a day), written in a few seconds at first start. */
const DEMO_HISTORY_EVENTS = 20_000;

function historyEvents(value: string | undefined): number {
  if (value === undefined || value === '') return DEMO_HISTORY_EVENTS;
  const events = Number(value);
  if (!Number.isInteger(events) || events < 0 || events > 2_000_000) throw new Error(`VITRINE_DEMO_HISTORY_EVENTS must be a number of events (0-2000000), got "${value}"`);
  return events;
}

/** false (default): the socket's peer is the client. true: one proxy. N: a chain of N proxies. */
function proxyHops(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'false') return 0;
  if (value === 'true') return 1;
  const hops = Number(value);
  if (!Number.isInteger(hops) || hops < 0 || hops > 10) throw new Error(`VITRINE_TRUST_PROXY must be false, true or a number of proxies (0-10), got "${value}"`);
  return hops;
}

/**
 * A random value made once and kept in the data folder (mode 600), so restarts agree: the app
 * secret, the demo owner's password. An empty file counts as none: an empty secret would sign
 * and encrypt with no key at all, and an empty password would be no password.
 */
function persistentSecret(dataDir: string, file: string, bytes: number): string {
  const path = join(dataDir, file);
  const existing = readIfExists(path);
  if (existing) return existing;
  const secret = randomBytes(bytes).toString('base64url');
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
