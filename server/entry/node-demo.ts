import type { FakeInstagram } from '../dev/fake-instagram/index.ts';
import { DEMO_WORKSPACE } from '../dev/seed/demo-content.ts';

/**
 * Keeps the demo's fake Instagram alive: customers "post" every so often — with the brand's
 * hashtag, tagging it, or @mentioning it (delivered by a signed webhook, as Meta does) — so the
 * panel's inbox fills within a minute of `npm start`.
 */
export function startDemoInstagram(fake: FakeInstagram, webhookUrl: string, everyMs: number): () => void {
  const hashtag = DEMO_WORKSPACE.approvalHashtag.toLowerCase();
  fake.generate(6, { hashtag });
  let turn = 0;
  const timer = setInterval(() => {
    turn++;
    const kind = turn % 3;
    if (kind === 0) {
      const media = fake.publish({ mentionsBrand: true });
      fake.sendMentionWebhook(webhookUrl, media.id).catch((error: unknown) => console.warn('demo webhook failed', error));
    } else {
      fake.publish(kind === 1 ? { hashtags: [hashtag] } : { tagsBrand: true });
    }
  }, everyMs);
  return () => clearInterval(timer);
}
