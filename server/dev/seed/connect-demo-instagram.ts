/**
 * Connects the demo workspace to the local fake Instagram and gives it the sources a brand would
 * add (its approval hashtag, photos it is tagged in, @mentions), going through the same services
 * as a merchandiser in the panel. The fake starts with a day of believable posts.
 */
import { connectAccount } from '../../domain/collection/connections.ts';
import { createSource } from '../../domain/collection/sources.ts';
import type { Db } from '../../db/client.ts';
import type { GraphClient } from '../../instagram/client.ts';
import type { FakeInstagram } from '../fake-instagram/index.ts';
import { DEMO_WORKSPACE } from './demo-content.ts';

export async function connectDemoInstagram(deps: { db: Db; graph: GraphClient; appSecret: string }, fake: FakeInstagram, now: number): Promise<void> {
  const actor = { workspaceId: DEMO_WORKSPACE.id, userId: 'usr_demo' };
  const connection = await connectAccount(deps, actor, { igUserId: fake.account.igUserId, accessToken: fake.account.accessToken }, now);
  const hashtag = DEMO_WORKSPACE.approvalHashtag.toLowerCase();
  for (const kind of ['hashtag', 'tagged', 'mentions'] as const) {
    await createSource(deps.db, actor, { kind, connectionId: connection.id, hashtag: kind === 'hashtag' ? hashtag : undefined, intervalSeconds: kind === 'hashtag' ? 60 : 120 }, now);
  }
  fake.generate(12, { hashtag });
}
