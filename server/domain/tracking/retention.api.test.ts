import { createHarness } from '#harness';
import { asc } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { events, workspaces } from '../../db/schema.ts';
import type { Harness } from '../../dev/testing/harness.ts';
import { clearTracking } from '../../dev/testing/tracking-client.ts';
import { DEFAULT_WORKSPACE_SETTINGS } from '../accounts/workspaces.ts';
import { purgeExpiredEvents } from './retention.ts';

const DAY = 86_400_000;
let h: Harness;

/** Each workspace's retention applies to its own events, in one statement for all of them. */
beforeAll(async () => {
  h = await createHarness();
  await clearTracking(h);
  const now = h.clock.now();
  const { eventRetentionDays: _, ...withoutRetention } = DEFAULT_WORKSPACE_SETTINGS;
  await h.db.insert(workspaces).values([
    { id: 'ws_short', name: 'Short', slug: 'short', settings: { ...DEFAULT_WORKSPACE_SETTINGS, eventRetentionDays: 30 }, createdAt: now },
    // Settings written before the retention setting existed: the default applies.
    { id: 'ws_old', name: 'Old', slug: 'old', settings: withoutRetention as typeof DEFAULT_WORKSPACE_SETTINGS, createdAt: now },
  ]);
  const event = (workspaceId: string, daysAgo: number) => ({ workspaceId, id: `${workspaceId}_${daysAgo}`, type: 'view_item_list', visitorId: 'v', sessionId: 's', occurredAt: now - daysAgo * DAY, receivedAt: now - daysAgo * DAY });
  const beyond = DEFAULT_WORKSPACE_SETTINGS.eventRetentionDays + 1;
  await h.db.insert(events).values(['ws_demo', 'ws_short', 'ws_old'].flatMap((ws) => [event(ws, 10), event(ws, 40), event(ws, beyond)]));
});

const left = async () => (await h.db.select({ id: events.id }).from(events).orderBy(asc(events.id))).map((e) => e.id);

describe('purgeExpiredEvents', () => {
  it('deletes each workspace’s events past its own retention, at most `limit` a call', async () => {
    expect(await purgeExpiredEvents(h.db, h.clock.now(), 2)).toBe(2);
    expect(await purgeExpiredEvents(h.db, h.clock.now())).toBe(2);
    expect(await purgeExpiredEvents(h.db, h.clock.now())).toBe(0);
    expect(await left()).toEqual(['ws_demo_10', 'ws_demo_40', 'ws_old_10', 'ws_old_40', 'ws_short_10'].sort());
  });
});
