/**
 * An agreement typed on the rights page. Whoever opened the link may not be the author, so the
 * grant is recorded as confirmed on the page only; it makes the post public only where the
 * workspace accepts that (a privately sent request). Otherwise it waits for the author's reply
 * from their own account, carrying the one-time code the page shows.
 */
import type { Db } from '../../db/client.ts';
import type { ConsentEvidence } from '../../db/schema.ts';
import { grantConsent, type RequestContext } from './consent.ts';
import { pageConsentOutcome, VERIFY_CODE_TTL_MS, verifyCodeFrom } from './verification-rule.ts';

export async function grantOnPage(db: Db, ctx: RequestContext, evidence: ConsentEvidence, handle: string, now: number): Promise<void> {
  const outcome = pageConsentOutcome({ sentVia: ctx.request.sentVia, acceptPageOnlyForPrivateRequests: ctx.workspace.settings.acceptPageOnlyForPrivateRequests === true /* absent in workspaces made before it existed */ });
  const code = verifyCodeFrom(crypto.getRandomValues(new Uint8Array(6)));
  await grantConsent(
    db,
    ctx,
    {
      channel: 'rights_page',
      evidence: { ...evidence, ...(outcome.acceptedBecause ? { acceptedBecause: outcome.acceptedBecause } : {}) },
      author: handle,
      verification: { record: 'page', post: outcome.verification },
      // A fresh code for every agreement: an old one (used, or from before a withdrawal) never completes a new grant.
      requestPatch: (consentId) =>
        outcome.verification === 'awaiting'
          ? { verifyCode: code, verifyCodeExpiresAt: now + VERIFY_CODE_TTL_MS, verifyCodeUsedAt: null, pageConsentId: consentId }
          : { verifyCode: null, verifyCodeExpiresAt: null, verifyCodeUsedAt: null, pageConsentId: consentId },
    },
    now,
  );
}
