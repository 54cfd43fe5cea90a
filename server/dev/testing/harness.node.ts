import { createClient } from '@libsql/client';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../app.ts';
import { inProcessLimiters } from '../../http/rate-limits.ts';
import type { AppDeps } from '../../deps.ts';
import { libsqlDb } from '../../db/libsql.ts';
import { migrateLibsql } from '../../db/migrate-libsql.ts';
import { diskMediaStore } from '../../media/disk.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { testClock } from './clock.ts';
import { harnessSecrets, type Harness, type HarnessOptions } from './harness.ts';
import { placeholderVariantMaker } from './placeholder-variants.ts';
import { testClientIp } from './client-ip.ts';
import { FAKE_APP_SECRET, FAKE_VERIFY_TOKEN, fakeInstagramFor, sizedSvg } from './fake-instagram.ts';
import { recordingOutbox } from './outbox.ts';
import { recordingMailbox } from './mailbox.ts';
import { guardedFetch } from '../../outbound/guarded-fetch.ts';

const migrations = fileURLToPath(new URL('../../../drizzle', import.meta.url));

/** A fresh in-memory libSQL database and a temporary media folder per call. */
export async function createHarness({ seed = true, freshnessWindowMs = 0 }: HarnessOptions = {}): Promise<Harness> {
  const db = libsqlDb(createClient({ url: ':memory:' }));
  await migrateLibsql(db, migrations);
  const media = diskMediaStore(mkdtempSync(join(tmpdir(), 'vitrine-media-')));
  const clock = testClock();
  const { owner, setupToken } = harnessSecrets();
  if (seed) await seedDemo({ db, media, variants: placeholderVariantMaker, now: clock.now(), ownerPassword: owner.password });
  const outbox = recordingOutbox();
  const mailbox = recordingMailbox();
  const { fake, deps: instagram } = fakeInstagramFor(clock, (request) => Promise.resolve(app.fetch(request)));
  const deps: AppDeps = {
    db,
    media,
    clock,
    config: { publicUrl: null, version: 'test' },
    secrets: { appSecret: 'test-secret', instagramAppSecret: FAKE_APP_SECRET, instagramVerifyToken: FAKE_VERIFY_TOKEN, setupToken },
    clientIp: testClientIp,
    instagram,
    variants: placeholderVariantMaker,
    outbound: guardedFetch({ transport: outbox.send }),
    mail: mailbox.sender,
    limits: inProcessLimiters(),
  };
  const app = createApp(deps, { answerCache: { freshnessWindowMs } });
  return { app, deps, db, media, clock, fake, instagram, outbox: outbox.sent, mailbox: mailbox.sent, merchantSite: outbox.site, runtime: 'node', owner, setupToken,
    variants: placeholderVariantMaker,
    image: async (width, height) => new Blob([sizedSvg(width, height)], { type: 'image/svg+xml' }),
  };
}
