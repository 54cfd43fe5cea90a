/**
 * Meta delivers no webhook for an Instagram account until its Facebook Page has subscribed the
 * app (`POST /{page-id}/subscribed_apps`). Connecting an account makes that call; when it fails
 * (no Page found, the permission missing) the connection still works and collection falls back on
 * polling, and the audit entry says so. The rest of the setup is the App Dashboard's (README).
 */
import type { GraphClient } from '../../instagram/client.ts';
import { GraphApiError } from '../../instagram/errors.ts';

export async function subscribeWebhooks(graph: GraphClient, igUserId: string, token: string): Promise<{ subscribed: boolean; reason: string | null }> {
  try {
    const { body } = await graph.pages(token);
    const page = body.data.find((p) => p.instagram_business_account?.id === igUserId);
    if (!page) return { subscribed: false, reason: 'no Facebook Page of this token is linked to the Instagram account' };
    const { body: answer } = await graph.subscribeApp(page.id, token);
    return answer.success ? { subscribed: true, reason: null } : { subscribed: false, reason: 'Meta did not confirm the subscription' };
  } catch (error) {
    if (error instanceof GraphApiError) return { subscribed: false, reason: error.message };
    throw error;
  }
}
