import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { PublicPost } from '../../shared/api-types.ts';
import { describe, it } from '../testing/mocha.ts';
import { EN } from '../i18n/strings.ts';
import { Lightbox } from './lightbox.ts';

/**
 * The demo data holds no video yet, so this renders the lightbox in a bare host with a video
 * post built here (the gallery tests cover everything else through the real API).
 */
class LightboxTestHost extends LitElement {
  posts: PublicPost[] = [];
  gallery = 'test';
  cart: string | undefined = undefined;
  words = EN;
  readonly lightbox = new Lightbox(this);
  track(): void {
    // The gallery tests cover what the lightbox reports.
  }

  override render() {
    return this.lightbox.render();
  }
}
customElements.define('lightbox-test-host', LightboxTestHost);

const still = { url: 'https://media.test/still-640.webp', width: 640, height: 800, format: 'webp' as const };
const videoPost: PublicPost = {
  id: 'post_video',
  mediaType: 'video',
  caption: 'A short film',
  author: { username: 'mia' },
  permalink: 'https://www.instagram.com/reel/X/',
  publishedAt: '2026-01-01T00:00:00Z',
  media: [{ id: 'med_v', type: 'video', width: 1080, height: 1350, alt: '', variants: [still], videoUrl: 'https://media.test/v.mp4' }],
  products: [],
  hotspots: [],
};

describe('lightbox media', () => {
  it('plays a video only when the shopper starts it, with its still frame as poster', async () => {
    const host = await fixture<LightboxTestHost>(html`<lightbox-test-host></lightbox-test-host>`);
    host.posts = [videoPost];
    host.lightbox.open(0);
    await host.updateComplete;
    const video = host.shadowRoot!.querySelector('video')!;
    expect(video.controls).to.equal(true);
    expect(video.autoplay).to.equal(false);
    expect(video.hasAttribute('autoplay')).to.equal(false);
    expect(video.getAttribute('preload')).to.equal('none');
    expect(video.getAttribute('src')).to.equal('https://media.test/v.mp4');
    expect(video.getAttribute('poster')).to.equal(still.url);
    expect(video.getAttribute('aria-label')).to.equal('Photo by @mia: A short film');
    host.lightbox.close();
  });

  it("lets the browser show a video's first frame when Instagram gave no still image (hashtag videos)", async () => {
    const host = await fixture<LightboxTestHost>(html`<lightbox-test-host></lightbox-test-host>`);
    host.posts = [{ ...videoPost, media: [{ ...videoPost.media[0]!, variants: [] }] }];
    host.lightbox.open(0);
    await host.updateComplete;
    const video = host.shadowRoot!.querySelector('video')!;
    expect(video.hasAttribute('poster')).to.equal(false);
    expect(video.getAttribute('preload')).to.equal('metadata');
    expect(video.hasAttribute('autoplay')).to.equal(false);
    expect(video.getAttribute('src')).to.equal('https://media.test/v.mp4');
    host.lightbox.close();
  });

  it('shows the still frame when Instagram gave no video file', async () => {
    const host = await fixture<LightboxTestHost>(html`<lightbox-test-host></lightbox-test-host>`);
    host.posts = [{ ...videoPost, media: [{ ...videoPost.media[0]!, videoUrl: null }] }];
    host.lightbox.open(0);
    await host.updateComplete;
    expect(host.shadowRoot!.querySelector('video')).to.equal(null);
    expect(host.shadowRoot!.querySelector('img')?.getAttribute('src')).to.equal(still.url);
    host.lightbox.close();
  });
});
