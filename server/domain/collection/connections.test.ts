import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { createGraphClient } from '../../instagram/client.ts';
import type { Db } from '../../db/client.ts';
import { connectAccount } from './connections.ts';

const actor = { workspaceId: 'ws_1', userId: 'usr_1', role: 'owner' } as Parameters<typeof connectAccount>[1];
/** Connecting stops at the Graph answer in these cases: the database is never reached. */
const noDb = new Proxy({}, { get: () => expect.unreachable('the database was used') }) as Db;

async function refusal(answer: Response): Promise<DomainError> {
  const graph = createGraphClient({ baseUrl: 'http://127.0.0.1:4010', version: 'v21.0', fetch: async () => answer });
  const error = await connectAccount({ db: noDb, graph, appSecret: 'secret' }, actor, { igUserId: '1789', accessToken: 'EAAB' }, 0).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('connectAccount refusals', () => {
  it('blames the Graph API address, not the token, when the answer is not the Graph API', async () => {
    const error = await refusal(new Response('<h1>Not Found</h1>', { status: 404 }));
    expect(error).toMatchObject({ kind: 'upstream', code: 'instagram_unreachable', field: undefined });
    expect(error.message).toContain('VITRINE_IG_GRAPH_URL');
  });

  it("names the token when Instagram itself refuses it", async () => {
    const body = { error: { message: 'Invalid OAuth access token.', type: 'OAuthException', code: 190 } };
    const error = await refusal(Response.json(body, { status: 400 }));
    expect(error).toMatchObject({ kind: 'invalid', code: 'instagram_refused', field: 'accessToken' });
  });
});
