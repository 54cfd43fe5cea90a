/**
 * `npm run deploy`: brings a Cloudflare account to what wrangler.toml declares and deploys the
 * Worker (README, "Deploying to Cloudflare Workers"). It asks wrangler what exists, plans the
 * steps (server/ops/deploy-plan.ts, tested offline), prints them, then runs them in order and
 * stops at the first that fails. `npm run deploy -- --dry-run` prints the plan and changes nothing.
 * Needs `npx wrangler login` (or CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID) first.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { experimental_readRawConfig } from 'wrangler';
import { deployPlan, listedDatabases, withDatabaseId, type Step, type WranglerConfig } from '../server/ops/deploy-plan.ts';

const CONFIG = 'wrangler.toml';
const dryRun = process.argv.includes('--dry-run');

/** `wrangler args` with its output captured; null when it fails. */
function ask(args: string[]): string | null {
  const run = spawnSync('npx', ['wrangler', ...args], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout : null;
}

/** A listing the plan cannot do without: a failure here is a login or network problem, said plainly. */
function list(args: string[]): string {
  const out = ask(args);
  if (out === null) {
    console.error(`\`wrangler ${args.join(' ')}\` failed: log in with \`npx wrangler login\` (or set CLOUDFLARE_API_TOKEN) and retry.`);
    process.exit(1);
  }
  return out;
}

/** Runs one command in the terminal (wrangler asks before applying migrations); stops the deploy if it fails. */
function run(argv: string[]): void {
  const [command, ...args] = argv[0] === 'wrangler' ? ['npx', ...argv] : argv;
  const result = spawnSync(command!, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n\`${argv.join(' ')}\` failed (exit ${result.status}); fix it and run \`npm run deploy\` again: it creates only what is still missing.`);
    process.exit(1);
  }
}

function describe(step: Step): string {
  switch (step.kind) {
    case 'run':
      return `${step.argv.join(' ')}    # ${step.why}`;
    case 'set-database-id':
      return `write database_id ${step.id ?? '(the new id)'} for "${step.databaseName}" into ${CONFIG}    # ${step.why}`;
    case 'deploy':
      return `${step.argv.join(' ')}${step.generate.length ? ` with new secrets ${step.generate.join(', ')}` : ''}    # ${step.why}`;
    case 'remind':
      return `remind: ${step.secrets.map((s) => s.name).join(', ')} not set    # ${step.why}`;
  }
}

function execute(step: Step): void {
  switch (step.kind) {
    case 'run':
      return run(step.argv);
    case 'set-database-id': {
      const id = step.id ?? listedDatabases(list(['d1', 'list', '--json'])).get(step.databaseName);
      if (!id) throw new Error(`D1 database "${step.databaseName}" is not listed after creating it`);
      writeFileSync(CONFIG, withDatabaseId(readFileSync(CONFIG, 'utf8'), step.databaseName, id));
      console.log(`${CONFIG}: database_id = "${id}" (commit it)`);
      return;
    }
    case 'deploy': {
      if (step.generate.length === 0) return run(step.argv);
      // Uploaded with the version itself, so no request ever meets the Worker without them.
      const values = Object.fromEntries(step.generate.map((name) => [name, randomBytes(32).toString('base64url')]));
      const dir = mkdtempSync(join(tmpdir(), 'vitrine-deploy-'));
      const file = join(dir, 'secrets.json');
      writeFileSync(file, JSON.stringify(values), { mode: 0o600 });
      try {
        run([...step.argv, '--secrets-file', file]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      console.log('\nNew secrets, shown this once (Cloudflare never shows them again): keep a copy in your secret store.');
      for (const [name, value] of Object.entries(values)) console.log(`  ${name}=${value}`);
      if (values.VITRINE_SETUP_TOKEN) console.log('First-run setup: open https://YOUR-HOST/panel/#setup-token=<VITRINE_SETUP_TOKEN>');
      return;
    }
    case 'remind':
      console.log('\nSecrets to set yourself when you use them (`npx wrangler secret put NAME`):');
      for (const secret of step.secrets) console.log(`  ${secret.name}: ${secret.why}`);
      return;
  }
}

const config = experimental_readRawConfig({ config: CONFIG }).rawConfig as WranglerConfig;
const declaresQueues = Boolean(config.queues?.producers?.length || config.queues?.consumers?.length);
const steps = deployPlan(config, {
  d1: list(['d1', 'list', '--json']),
  r2: list(['r2', 'bucket', 'list']),
  queues: declaresQueues ? list(['queues', 'list']) : null,
  // Fails when the Worker does not exist yet: then it has no secrets.
  secrets: ask(['secret', 'list', '--format', 'json']),
});
console.log(`Deploy plan:\n${steps.map((step, i) => `  ${i + 1}. ${describe(step)}`).join('\n')}\n`);
if (!dryRun) for (const step of steps) execute(step);
