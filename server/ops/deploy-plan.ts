/**
 * What `npm run deploy` (scripts/deploy.ts) does to a Cloudflare account, as a pure function of
 * wrangler.toml and what `wrangler ... list` printed, so the sequence is tested without reaching
 * Cloudflare: create what is missing, write the database's id into wrangler.toml, build, apply
 * the D1 migrations, deploy with the secrets that can be made, name those that must be given.
 */

/** The parts of wrangler.toml the plan reads (wrangler's `experimental_readRawConfig` parses it). */
export interface WranglerConfig {
  d1_databases?: { binding: string; database_name: string; database_id?: string }[];
  r2_buckets?: { binding: string; bucket_name: string }[];
  queues?: { producers?: { queue: string }[]; consumers?: { queue: string; dead_letter_queue?: string }[] };
}

/** What the account holds, as the wrangler CLI printed it. */
export interface AccountListings {
  /** `wrangler d1 list --json`. */
  d1: string;
  /** `wrangler r2 bucket list`. */
  r2: string;
  /** `wrangler queues list`; null when wrangler.toml declares no queue (then it is not asked). */
  queues: string | null;
  /** `wrangler secret list --format json`; null when it failed: the Worker is not deployed yet. */
  secrets: string | null;
}

export interface Secret {
  name: string;
  /** Random bytes will do: the script makes one when it is missing (and prints it once, to keep). */
  generated: boolean;
  why: string;
}

/** Every secret the Worker reads (server/entry/worker-deps.ts), documented in README and OPERATIONS. */
export const WORKER_SECRETS: Secret[] = [
  { name: 'VITRINE_SECRET', generated: true, why: 'the root secret: sessions, rights links, sealed Instagram tokens (the Worker refuses to start without it)' },
  { name: 'VITRINE_SETUP_TOKEN', generated: true, why: 'first-run setup: open https://YOUR-HOST/panel/#setup-token=<it> (refused while unset)' },
  { name: 'VITRINE_IG_APP_SECRET', generated: false, why: "your Meta app's secret: verifies Instagram webhook signatures (webhooks are refused while unset)" },
  { name: 'VITRINE_IG_VERIFY_TOKEN', generated: false, why: 'any string you also give Meta when subscribing the webhook' },
  { name: 'VITRINE_DB_AUTH_TOKEN', generated: false, why: 'only with VITRINE_DB_URL (Turso instead of D1)' },
  { name: 'VITRINE_MAIL_API_KEY', generated: false, why: "your mail provider's API key (Resend) or server token (Postmark), with the VITRINE_MAIL_PROVIDER and VITRINE_MAIL_FROM vars (no mail is sent while unset)" },
];

export type Step =
  | { kind: 'run'; argv: string[]; why: string }
  /** Write `id` (or, when null, the id `wrangler d1 list --json` gives after creating it) into the binding's block. */
  | { kind: 'set-database-id'; databaseName: string; id: string | null; why: string }
  /** `wrangler deploy`, uploading `generate` as new random secrets with the deployment. */
  | { kind: 'deploy'; argv: string[]; generate: string[]; why: string }
  /** Secrets no script can make: the operator sets them (`wrangler secret put NAME`). */
  | { kind: 'remind'; secrets: Secret[]; why: string };

/** Ids and names of the D1 databases in `wrangler d1 list --json`. */
export function listedDatabases(json: string): Map<string, string> {
  const rows = JSON.parse(json) as { name: string; uuid: string }[];
  return new Map(rows.map((row) => [row.name, row.uuid]));
}

/** The words of a listing printed for people (labelled values or a table): a name is listed when it is one of them. */
function listedWords(text: string): Set<string> {
  return new Set(text.split(/[\s│┃|:,]+/).filter(Boolean));
}

function queueNames(config: WranglerConfig): string[] {
  const { producers = [], consumers = [] } = config.queues ?? {};
  const names = [...producers.map((p) => p.queue), ...consumers.flatMap((c) => [c.queue, ...(c.dead_letter_queue ? [c.dead_letter_queue] : [])])];
  return [...new Set(names)];
}

/** The ordered steps that bring the account to what wrangler.toml declares, then deploy. */
export function deployPlan(config: WranglerConfig, account: AccountListings): Step[] {
  const steps: Step[] = [];
  const databases = listedDatabases(account.d1);
  for (const db of config.d1_databases ?? []) {
    const id = databases.get(db.database_name);
    if (!id) {
      steps.push({ kind: 'run', argv: ['wrangler', 'd1', 'create', db.database_name], why: `D1 database "${db.database_name}" (binding ${db.binding}) does not exist` });
      steps.push({ kind: 'set-database-id', databaseName: db.database_name, id: null, why: 'wrangler.toml names the new database by its id' });
    } else if (db.database_id !== id) {
      steps.push({ kind: 'set-database-id', databaseName: db.database_name, id, why: `wrangler.toml has ${db.database_id ?? 'no id'}, the account's "${db.database_name}" is ${id}` });
    }
  }
  const buckets = listedWords(account.r2);
  for (const bucket of config.r2_buckets ?? []) {
    if (!buckets.has(bucket.bucket_name)) steps.push({ kind: 'run', argv: ['wrangler', 'r2', 'bucket', 'create', bucket.bucket_name], why: `R2 bucket "${bucket.bucket_name}" (binding ${bucket.binding}) does not exist` });
  }
  const queues = listedWords(account.queues ?? '');
  for (const queue of queueNames(config)) {
    if (!queues.has(queue)) steps.push({ kind: 'run', argv: ['wrangler', 'queues', 'create', queue], why: `queue "${queue}" does not exist` });
  }
  // [assets] uploads dist/public, which only a build makes.
  steps.push({ kind: 'run', argv: ['npx', 'vite', 'build'], why: 'the loader, widget and panel the Worker serves as [assets]' });
  for (const db of config.d1_databases ?? []) {
    steps.push({ kind: 'run', argv: ['wrangler', 'd1', 'migrations', 'apply', db.database_name, '--remote'], why: 'the schema before the code that reads it' });
  }
  const existing = new Set(account.secrets === null ? [] : (JSON.parse(account.secrets) as { name: string }[]).map((s) => s.name));
  const missing = WORKER_SECRETS.filter((s) => !existing.has(s.name));
  steps.push({
    kind: 'deploy',
    argv: ['wrangler', 'deploy'],
    generate: missing.filter((s) => s.generated).map((s) => s.name),
    why: account.secrets === null ? 'first deployment' : 'the new version',
  });
  const toGive = missing.filter((s) => !s.generated);
  if (toGive.length > 0) steps.push({ kind: 'remind', secrets: toGive, why: 'set with `wrangler secret put NAME` when you use them' });
  return steps;
}

/**
 * wrangler.toml with `id` as the database_id of the `[[d1_databases]]` block naming
 * `databaseName`; the rest of the file (its comments) is kept as written.
 */
export function withDatabaseId(toml: string, databaseName: string, id: string): string {
  const blocks = toml.split(/(?=^\[)/m);
  let found = false;
  const patched = blocks.map((block) => {
    const named = new RegExp(`^database_name\\s*=\\s*"${databaseName.replace(/[^\w-]/g, '\\$&')}"`, 'm');
    if (!block.startsWith('[[d1_databases]]') || !named.test(block)) return block;
    found = true;
    return /^database_id\s*=/m.test(block)
      ? block.replace(/^database_id\s*=\s*"[^"]*"/m, `database_id = "${id}"`)
      : block.replace(/^(database_name\s*=.*)$/m, `$1\ndatabase_id = "${id}"`);
  });
  if (!found) throw new Error(`wrangler.toml has no [[d1_databases]] block named "${databaseName}"`);
  return patched.join('');
}
