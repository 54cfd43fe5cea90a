import { expect, waitUntil } from '@open-wc/testing';
import type { AdminPost } from '../../../shared/admin-types.ts';
import { api, type PostFilters } from '../../api.ts';
import { now } from '../../clock.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { PostPerformanceLine } from './post-performance.tsx';

/** post_demo12 is public; other test files may open it too, so the test counts what it adds. */
const POST = 'post_demo12';
const APPROVED: PostFilters = { status: 'approved', q: '', source: '', rights: '', hasProducts: '', mediaType: '', from: '', to: '', campaign: '' };
const random = () => Array.from(crypto.getRandomValues(new Uint32Array(3)), (n) => n.toString(36)).join('');

async function performanceOf(id: string): Promise<AdminPost['performance']> {
  const page = await api.posts(APPROVED, null, 100);
  const post = page.posts.find((p) => p.id === id);
  if (!post) throw new Error(`${id} is not in the approved list`);
  return post.performance;
}

describe("a post's performance in the inbox", () => {
  const hosts: HTMLElement[] = [];
  before(signIn);
  after(() => hosts.forEach(unmount));

  it('counts the opens a shopper made, from the real tracking, in one short line', async () => {
    const before = await performanceOf(POST);
    const at = now();
    const response = await fetch('/v1/events', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({
        v: 1,
        workspaceId: 'ws_demo',
        visitorId: `v_${random()}`,
        sessionId: `s_${random()}`,
        consent: 'denied',
        events: [0, 1].map((i) => ({ id: `e_${random()}`, type: 'select_content', at: at + i, galleryId: 'demo', postId: POST })),
      }),
    });
    expect(response.status).to.equal(204);
    const after = await performanceOf(POST);
    expect(after!.opens).to.equal((before?.opens ?? 0) + 2);

    const host = mount(<PostPerformanceLine performance={after} />);
    hosts.push(host);
    await waitUntil(() => host.querySelector('[data-performance]'));
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const line = `${plural(after!.impressions, 'view')} · ${plural(after!.opens, 'open')} · ${plural(after!.orders, 'order')}`;
    expect(host.querySelector('[data-performance]')?.textContent).to.equal(`Last 30 days: ${line}${after!.revenueMinor > 0 ? ` · ${(after!.revenueMinor / 100).toFixed(2)} sold` : ''}`);
  });

  it('shows nothing for a post nothing was tracked for', async () => {
    const host = mount(<PostPerformanceLine performance={null} />);
    hosts.push(host);
    expect(host.textContent).to.equal('');
  });
});
