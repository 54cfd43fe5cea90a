/** What every Graph handler receives, and the dependencies they share. */
import type { FieldNode } from './fields.ts';
import type { Renderer } from './nodes.ts';
import type { HashtagQuota } from './quota.ts';
import type { Clock, FakeAccount } from './types.ts';
import type { World } from './world.ts';

export interface GraphCall {
  url: URL;
  /** Query and form-body parameters together, as the Graph API reads them. */
  params: Record<string, string>;
  fields: FieldNode[] | undefined;
}

export interface GraphDeps {
  clock: Clock;
  world: World;
  render: Renderer;
  quota: HashtagQuota;
  account: FakeAccount;
  appName: string;
  fbUserId: string;
}

export type Json = Record<string, unknown>;
