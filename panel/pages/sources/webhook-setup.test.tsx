import { expect } from '@open-wc/testing';
import type { ConnectionView } from '../../../shared/admin-types.ts';
import { describe, it, mount, unmount } from '../../testing/harness.tsx';
import { WebhookSetup } from './webhook-setup.tsx';

const connection = (lastWebhookAt: string | null): ConnectionView => ({
  id: 'igc_1',
  igUserId: '1789',
  username: 'brand',
  status: 'active',
  statusReason: null,
  tokenExpiresAt: '2027-01-01T00:00:00.000Z',
  lastWebhookAt,
});

describe('the @mentions webhook setup', () => {
  it('names the secrets the server lacks and says no webhook ever came', () => {
    const host = mount(<WebhookSetup webhook={{ address: 'https://ugc.example/hooks/instagram', handshakeReady: false, signaturesChecked: false }} connection={connection(null)} />);
    try {
      expect(host.querySelector('code')!.textContent).to.equal('https://ugc.example/hooks/instagram');
      expect(host.textContent).to.contain('Set VITRINE_IG_VERIFY_TOKEN and VITRINE_IG_APP_SECRET on the server');
      expect(host.querySelector('[data-last-webhook]')!.textContent).to.match(/^No webhook received yet/);
    } finally {
      unmount(host);
    }
  });

  it('says when the last webhook came once everything is set', () => {
    const at = '2026-11-28T12:00:00.000Z';
    const host = mount(<WebhookSetup webhook={{ address: 'https://ugc.example/hooks/instagram', handshakeReady: true, signaturesChecked: true }} connection={connection(at)} />);
    try {
      expect(host.textContent).to.contain('Verify token and app secret are set.');
      expect(host.querySelector('[data-last-webhook]')!.textContent).to.equal(`Last webhook received ${new Date(at).toLocaleString()}.`);
    } finally {
      unmount(host);
    }
  });
});
