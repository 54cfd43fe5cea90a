import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { experimental_readRawConfig } from 'wrangler';
import { describe, expect, it } from 'vitest';
import { deployPlan, withDatabaseId, type AccountListings, type Step, type WranglerConfig } from './deploy-plan.ts';

const tomlPath = fileURLToPath(new URL('../../wrangler.toml', import.meta.url));
/** The project's own wrangler.toml, parsed as wrangler parses it. */
const shipped = experimental_readRawConfig({ config: tomlPath }).rawConfig as WranglerConfig;

const DB_ID = '3f1b6a52-9c1e-4d7a-8f55-0b2c4e6d8a10';
/** What wrangler 4.86 prints for an account (labelled values for buckets, a table for queues). */
const listings = {
  noDatabases: '[]',
  vitrineDb: JSON.stringify([{ uuid: DB_ID, name: 'vitrine', created_at: '2026-12-01T10:00:00.000Z', version: 'production', num_tables: 31, file_size: 1_204_224 }]),
  noBuckets: '',
  mediaBucket: 'name:           vitrine-media\ncreation_date:  2026-12-01T10:00:01.000Z',
  ingestQueue: [
    '┌──────────────────────────────────┬──────────────┬─────────────────────────────┐',
    '│ id                               │ name         │ created_on                  │',
    '├──────────────────────────────────┼──────────────┼─────────────────────────────┤',
    '│ 7d1c0e6a2b9f4c3d8e5a1b2c3d4e5f60 │ vitrine-ingest │ 2026-12-01T10:00:02.000Z  │',
    '└──────────────────────────────────┴──────────────┴─────────────────────────────┘',
  ].join('\n'),
  /** The shipped wrangler.toml's queues (ingest, its dead letters, collection jobs), all created already. */
  shippedQueues: [
    '┌──────────────────────────────────┬────────────────────┬──────────────────────────┐',
    '│ id                               │ name               │ created_on               │',
    '├──────────────────────────────────┼────────────────────┼──────────────────────────┤',
    '│ 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d │ vitrine-events     │ 2026-12-01T10:00:02.000Z │',
    '│ 6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a │ vitrine-events-dlq │ 2026-12-01T10:00:03.000Z │',
    '│ 0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c │ vitrine-jobs       │ 2026-12-06T10:00:04.000Z │',
    '└──────────────────────────────────┴────────────────────┴──────────────────────────┘',
  ].join('\n'),
  /** An account deployed before the job queue: the event queues only. */
  eventQueues: [
    '┌──────────────────────────────────┬────────────────────┬──────────────────────────┐',
    '│ id                               │ name               │ created_on               │',
    '├──────────────────────────────────┼────────────────────┼──────────────────────────┤',
    '│ 1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d │ vitrine-events     │ 2026-12-01T10:00:02.000Z │',
    '│ 6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a │ vitrine-events-dlq │ 2026-12-01T10:00:03.000Z │',
    '└──────────────────────────────────┴────────────────────┴──────────────────────────┘',
  ].join('\n'),
  someSecrets: JSON.stringify([{ name: 'VITRINE_SECRET', type: 'secret_text' }, { name: 'VITRINE_IG_APP_SECRET', type: 'secret_text' }]),
};
const emptyAccount: AccountListings = { d1: listings.noDatabases, r2: listings.noBuckets, queues: null, secrets: null };

const commands = (steps: Step[]) => steps.map((s) => (s.kind === 'set-database-id' ? `set-database-id ${s.databaseName} ${s.id}` : s.kind === 'remind' ? `remind ${s.secrets.map((x) => x.name).join(' ')}` : s.argv.join(' ')));

describe('deployPlan', () => {
  it('on an empty account: creates the database and writes its id, the bucket, builds, migrates, deploys with the secrets it can make', () => {
    const steps = deployPlan(shipped, emptyAccount);
    expect(commands(steps)).toEqual([
      'wrangler d1 create vitrine',
      'set-database-id vitrine null',
      'wrangler r2 bucket create vitrine-media',
      'wrangler queues create vitrine-events',
      'wrangler queues create vitrine-jobs',
      'wrangler queues create vitrine-events-dlq',
      'npx vite build',
      'wrangler d1 migrations apply vitrine --remote',
      'wrangler deploy',
      'remind VITRINE_IG_APP_SECRET VITRINE_IG_VERIFY_TOKEN VITRINE_DB_AUTH_TOKEN VITRINE_MAIL_API_KEY',
    ]);
    expect(steps.find((s) => s.kind === 'deploy')).toMatchObject({ generate: ['VITRINE_SECRET', 'VITRINE_SETUP_TOKEN'], why: 'first deployment' });
  });

  it('on an account that has everything: builds, migrates and deploys, making no secret and creating nothing', () => {
    const config = withId(shipped, DB_ID);
    const secrets = JSON.stringify(['VITRINE_SECRET', 'VITRINE_SETUP_TOKEN', 'VITRINE_IG_APP_SECRET', 'VITRINE_IG_VERIFY_TOKEN', 'VITRINE_DB_AUTH_TOKEN', 'VITRINE_MAIL_API_KEY'].map((name) => ({ name, type: 'secret_text' })));
    const steps = deployPlan(config, { d1: listings.vitrineDb, r2: listings.mediaBucket, queues: listings.shippedQueues, secrets });
    expect(commands(steps)).toEqual(['npx vite build', 'wrangler d1 migrations apply vitrine --remote', 'wrangler deploy']);
    expect(steps.find((s) => s.kind === 'deploy')).toMatchObject({ generate: [] });
  });

  it("writes the account's id when wrangler.toml still has the placeholder; never makes a secret that is set", () => {
    const steps = deployPlan(shipped, { d1: listings.vitrineDb, r2: listings.mediaBucket, queues: listings.shippedQueues, secrets: listings.someSecrets });
    expect(commands(steps).slice(0, 2)).toEqual([`set-database-id vitrine ${DB_ID}`, 'npx vite build']);
    expect(steps.find((s) => s.kind === 'deploy')).toMatchObject({ generate: ['VITRINE_SETUP_TOKEN'], why: 'the new version' });
    expect(commands(steps).at(-1)).toBe('remind VITRINE_IG_VERIFY_TOKEN VITRINE_DB_AUTH_TOKEN VITRINE_MAIL_API_KEY');
  });

  it('creates each declared queue that is not listed (producers, consumers and dead-letter queues, once each), before the deploy that binds them', () => {
    const config: WranglerConfig = {
      ...withId(shipped, DB_ID),
      queues: {
        producers: [{ queue: 'vitrine-ingest' }, { queue: 'vitrine-rehost' }],
        consumers: [{ queue: 'vitrine-ingest', dead_letter_queue: 'vitrine-ingest-dlq' }, { queue: 'vitrine-rehost' }],
      },
    };
    const steps = commands(deployPlan(config, { d1: listings.vitrineDb, r2: listings.mediaBucket, queues: listings.ingestQueue, secrets: listings.someSecrets }));
    expect(steps.filter((s) => s.includes('queues'))).toEqual(['wrangler queues create vitrine-rehost', 'wrangler queues create vitrine-ingest-dlq']);
    expect(steps.indexOf('wrangler queues create vitrine-ingest-dlq')).toBeLessThan(steps.indexOf('wrangler deploy'));
  });
});

describe('the job queue', () => {
  it('on an account deployed before it: creates vitrine-jobs (and no dead-letter queue for it) before the deploy that binds JOBS', () => {
    const steps = commands(deployPlan(withId(shipped, DB_ID), { d1: listings.vitrineDb, r2: listings.mediaBucket, queues: listings.eventQueues, secrets: listings.someSecrets }));
    expect(steps.filter((s) => s.includes('queues'))).toEqual(['wrangler queues create vitrine-jobs']);
    expect(steps.indexOf('wrangler queues create vitrine-jobs')).toBeLessThan(steps.indexOf('wrangler deploy'));
  });

  it("is the queue the Worker's consumer reads as the job queue, bound as JOBS", async () => {
    const { JOBS_QUEUE } = await import('../entry/worker-jobs.ts');
    const raw = shipped as Omit<WranglerConfig, 'queues'> & { queues: { producers: { binding: string; queue: string }[]; consumers?: { queue: string }[] } };
    expect(raw.queues.producers.find((p) => p.binding === 'JOBS')?.queue).toBe(JOBS_QUEUE);
    expect(raw.queues.consumers?.map((c) => c.queue)).toContain(JOBS_QUEUE);
  });
});

describe('withDatabaseId', () => {
  it("puts the id in the named database's block and keeps every other line of wrangler.toml, comments included", () => {
    const toml = readFileSync(tomlPath, 'utf8');
    const patched = withDatabaseId(toml, 'vitrine', DB_ID);
    expect(patched.split('\n').filter((line, i) => line !== toml.split('\n')[i])).toEqual([`database_id = "${DB_ID}"`]);
    expect(withId(experimental_readRawConfig({ config: tomlPath }).rawConfig as WranglerConfig, DB_ID)).toEqual(parse(patched));
  });

  it('refuses a database wrangler.toml does not declare', () => {
    expect(() => withDatabaseId('[[d1_databases]]\nbinding = "DB"\ndatabase_name = "other"\n', 'vitrine', DB_ID)).toThrow('no [[d1_databases]] block named "vitrine"');
  });
});

function withId(config: WranglerConfig, id: string): WranglerConfig {
  return { ...config, d1_databases: config.d1_databases?.map((db) => ({ ...db, database_id: id })) };
}

/** Parses TOML text as wrangler does (it reads a file). */
function parse(toml: string): WranglerConfig {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-deploy-plan-'));
  writeFileSync(join(dir, 'wrangler.toml'), toml);
  try {
    return experimental_readRawConfig({ config: join(dir, 'wrangler.toml') }).rawConfig as WranglerConfig;
  } finally {
    rmSync(dir, { recursive: true });
  }
}
