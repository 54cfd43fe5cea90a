import { expect } from '@open-wc/testing';
import type { PublicMedia } from '../../shared/api-types.ts';
import { describe, it, mount, unmount } from '../testing/harness.tsx';
import { MediaImage } from './media.tsx';

/** A video found by hashtag: its file, no still (shared/api-types.ts). */
const videoOnly: PublicMedia = { id: 'med_v', type: 'video', width: 720, height: 1280, alt: '', variants: [], videoUrl: '/media/m/med_v/video.mp4' };
const still = { url: '/media/m/med_v/640.webp', width: 640, height: 1138, format: 'webp' as const };

describe('a video in the panel', () => {
  it('without a still: its first frame where it plays, a play mark where it is small, never "still being stored"', () => {
    const large = mount(<MediaImage media={videoOnly} width={640} playable />);
    const small = mount(<MediaImage media={videoOnly} width={120} />);
    try {
      const video = large.querySelector('video')!;
      expect(video.getAttribute('preload')).to.equal('metadata');
      expect(video.hasAttribute('poster')).to.equal(false);
      expect(video.hasAttribute('autoplay')).to.equal(false);
      expect(small.querySelector('video')).to.equal(null);
      expect(small.querySelector('.video-mark')!.getAttribute('aria-label')).to.equal('Video without a still image');
      expect(small.textContent).to.not.contain('Still being stored');
    } finally {
      unmount(large);
      unmount(small);
    }
  });

  it('with a still: the still as poster, and nothing of the file loads before it is played', () => {
    const large = mount(<MediaImage media={{ ...videoOnly, variants: [still] }} width={640} playable />);
    try {
      const video = large.querySelector('video')!;
      expect(video.getAttribute('preload')).to.equal('none');
      expect(video.getAttribute('poster')).to.equal(still.url);
    } finally {
      unmount(large);
    }
  });
});
