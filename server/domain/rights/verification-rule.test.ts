import { describe, expect, it } from 'vitest';
import { REQUEST_SENT_VIA, RIGHTS_STATUSES, RIGHTS_VERIFICATIONS } from '../../db/schema.ts';
import { codesIn, erasureTiming, ERASURE_HOLD_DAYS, judgeVerifyingReply, pageConsentOutcome, verifyCodeFrom, verifyingReply, type VerifyingReplyFacts } from './verification-rule.ts';

const NOW = 1_800_000_000_000;

describe('page-only consent', () => {
  it('is accepted only for a request sent by direct message in a workspace that accepts it', () => {
    for (const sentVia of [...REQUEST_SENT_VIA, null])
      for (const accept of [true, false]) {
        const outcome = pageConsentOutcome({ sentVia, acceptPageOnlyForPrivateRequests: accept });
        const accepted = sentVia === 'direct_message' && accept;
        expect(outcome.verification, `${sentVia} ${accept}`).toBe(accepted ? 'page' : 'awaiting');
        expect(outcome.acceptedBecause !== null).toBe(accepted);
      }
  });
});

describe('codes', () => {
  it('are six characters nobody misreads, found in a reply whatever its case and punctuation', () => {
    const code = verifyCodeFrom(new Uint8Array([0, 1, 2, 3, 4, 255]));
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY3479]{6}$/);
    expect(codesIn(`Yes! ${verifyingReply('YesLumen', 'maisonlumen', code).toLowerCase()}.`)).toEqual([code]);
    expect(codesIn('#YesLumen @maisonlumen')).toEqual([]);
    expect(codesIn('K7QP4X1 K7QP4')).toEqual([]); // too long, too short
    expect(codesIn('SOLO12 B00K00')).toEqual([]); // letters outside the alphabet
    expect(() => verifyCodeFrom(new Uint8Array(5))).toThrow();
  });
});

describe('the verifying reply', () => {
  const base: VerifyingReplyFacts = {
    code: { expiresAt: NOW + 1000, usedAt: null },
    post: { author: 'nina.makes', rightsStatus: 'granted', rightsVerification: 'awaiting', erased: false },
    reply: { from: 'Nina.Makes', text: '#YesLumen @maisonlumen K7QP4X', at: NOW },
    approvalHashtag: 'YesLumen',
    brandHandle: 'maisonlumen',
  };

  it('verifies only the author’s own reply, in time, once, with the approval words, for a grant that waits', () => {
    expect(judgeVerifyingReply(base)).toBe('verifies');
    for (const usedAt of [null, NOW - 1])
      for (const expiresAt of [NOW - 1, NOW, NOW + 1])
        for (const rightsStatus of RIGHTS_STATUSES)
          for (const rightsVerification of [...RIGHTS_VERIFICATIONS, null])
            for (const erased of [false, true])
              for (const author of ['nina.makes', 'other.one', null])
                for (const text of ['#YesLumen @maisonlumen K7QP4X', 'K7QP4X']) {
                  const facts = { ...base, code: { expiresAt, usedAt }, post: { author, rightsStatus, rightsVerification, erased }, reply: { ...base.reply, text } };
                  const expected =
                    usedAt !== null ? 'replayed'
                    : erased || rightsStatus !== 'granted' || rightsVerification !== 'awaiting' ? 'not_awaiting'
                    : NOW > expiresAt ? 'expired'
                    : author === null ? 'author_unknown'
                    : author !== 'nina.makes' ? 'other_account'
                    : text === 'K7QP4X' ? 'incomplete'
                    : 'verifies';
                  expect(judgeVerifyingReply(facts), JSON.stringify(facts)).toBe(expected);
                }
  });
});

describe('erasure through the link', () => {
  it('deletes at once for a verified author, otherwise after the stated hold of at most a month', () => {
    for (const verification of [...RIGHTS_VERIFICATIONS, null]) {
      const timing = erasureTiming(verification, NOW);
      if (verification === 'account') expect(timing).toEqual({ deleteNow: true });
      else expect(timing).toEqual({ deleteNow: false, dueAt: NOW + ERASURE_HOLD_DAYS * 86_400_000 });
    }
    expect(ERASURE_HOLD_DAYS).toBeLessThanOrEqual(30);
  });
});
