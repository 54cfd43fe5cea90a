import { expect } from '@open-wc/testing';
import type { AdminPost } from '../../../shared/admin-types.ts';
import { describe, it } from '../../testing/harness.tsx';
import { rightsSummary } from '../../components/rights.tsx';
import { hiddenBecause, publicAnswer } from './public-answer.ts';

const NOW = Date.parse('2026-11-29T10:00:00Z');

const post = (change: Partial<AdminPost> = {}): AdminPost => ({
  id: 'p1',
  mediaType: 'image',
  caption: '',
  author: { username: 'ana' },
  permalink: null,
  publishedAt: '2026-11-01T00:00:00Z',
  collectedAt: '2026-11-01T00:00:00Z',
  moderation: { status: 'approved', ruleId: null, reason: null, at: null },
  rights: { status: 'granted', expiresAt: null, verification: 'account', erasureDueAt: null },
  sourceDeleted: false,
  isPublic: true,
  sources: [],
  media: [{ id: 'm1' } as AdminPost['media'][number]],
  mediaIssues: [],
  productCount: 0,
  performance: null,
  ...change,
});

describe('whether shoppers see a post, in words', () => {
  it('says yes only with a gallery to show it in', () => {
    expect(publicAnswer(post(), 2, NOW)).to.match(/^Yes, shoppers see it/);
    expect(publicAnswer(post(), null, NOW)).to.match(/^Yes, shoppers see it/);
    expect(publicAnswer(post(), 0, NOW)).to.equal('Ready, but no gallery shows it yet: create one in Galleries');
  });

  it('gives every reason a post is not public', () => {
    const hidden = post({ isPublic: false, moderation: { status: 'pending', ruleId: null, reason: null, at: null }, rights: { status: 'none', expiresAt: null, verification: null, erasureDueAt: null }, sourceDeleted: true, media: [] });
    expect(publicAnswer(hidden, 1, NOW)).to.equal(
      'No: it waits for approval; its author has not been asked for rights; its author deleted it on Instagram; its media are not stored yet',
    );
    expect(hiddenBecause(post({ isPublic: false, moderation: { status: 'rejected', ruleId: null, reason: null, at: null } }), NOW)).to.deep.equal(['it was rejected']);
    expect(hiddenBecause(post({ isPublic: false, rights: { status: 'withdrawn', expiresAt: null, verification: 'account', erasureDueAt: null } }), NOW)).to.deep.equal(['its author withdrew consent']);
  });

  it('says when consent waits for the author’s own account, and when erasure was requested', () => {
    expect(hiddenBecause(post({ isPublic: false, rights: { status: 'granted', expiresAt: null, verification: 'awaiting', erasureDueAt: null } }), NOW)).to.deep.equal([
      'its author agreed on the rights page, but has not yet confirmed from their Instagram account',
    ]);
    const erasing = post({ isPublic: false, rights: { status: 'withdrawn', expiresAt: null, verification: 'page', erasureDueAt: '2026-12-29T10:00:00.000Z' } });
    expect(hiddenBecause(erasing, NOW)).to.deep.equal(['erasure requested: its media and text are deleted on 12/29/2026']);
    expect(rightsSummary(erasing)).to.match(/^Erasure requested: media deleted on /);
    expect(rightsSummary(post({ rights: { status: 'granted', expiresAt: null, verification: 'awaiting', erasureDueAt: null } }))).to.equal(
      'Agreed on the rights page; waiting for the author’s reply from their Instagram account',
    );
    expect(rightsSummary(post())).to.equal('Granted, with no end date');
  });

  it('tells media that gave up from media still being stored', () => {
    const issue = { position: 0, type: 'video' as const, error: 'Instagram gave neither a still image nor the file of this video' };
    expect(hiddenBecause(post({ isPublic: false, media: [], mediaIssues: [{ ...issue, status: 'failed' }] }), NOW)).to.deep.equal(['none of its media could be stored']);
    expect(hiddenBecause(post({ isPublic: false, media: [], mediaIssues: [{ ...issue, status: 'pending', error: null }] }), NOW)).to.deep.equal(['its media are not stored yet']);
  });

  it('names the day rights ended, from the panel clock, not the wall clock', () => {
    const ended = post({ isPublic: false, rights: { status: 'granted', expiresAt: '2026-11-20T00:00:00.000Z', verification: 'account', erasureDueAt: null } });
    expect(hiddenBecause(ended, NOW)).to.deep.equal(['its rights ended on 11/20/2026']);
    expect(hiddenBecause(ended, Date.parse('2026-11-19T00:00:00Z'))).to.deep.equal([]);
  });

  it('still answers no when the server knows a reason these facts do not show', () => {
    expect(publicAnswer(post({ isPublic: false }), 1, NOW)).to.equal('No');
  });
});
