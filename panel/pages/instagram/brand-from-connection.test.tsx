import { expect, waitUntil } from '@open-wc/testing';
import type { ConnectionView } from '../../../shared/admin-types.ts';
import { api } from '../../api.ts';
import { before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { BrandFromConnection, suggestedHashtag } from './brand-from-connection.tsx';

const connection: ConnectionView = {
  id: 'conn_test',
  igUserId: '17841400000000000',
  username: 'atelier.nord',
  status: 'active',
  statusReason: null,
  tokenExpiresAt: '2027-01-01T00:00:00.000Z',
  lastWebhookAt: null,
};

describe('handle and approval hashtag from the connected account', () => {
  before(signIn);

  it('suggests a hashtag an author can type, naming the brand', () => {
    expect(suggestedHashtag('atelier.nord')).to.equal('YesAteliernord');
    expect(suggestedHashtag('maisonlumen')).to.equal('YesMaisonlumen');
  });

  it('offers them filled in while missing, saves both in one step, then gets out of the way', async () => {
    const before = await api.workspace();
    await api.updateWorkspace({ instagramHandle: null, approvalHashtag: null });
    const host = mount(<BrandFromConnection connection={connection} />);
    try {
      await waitUntil(() => host.querySelector('form.brand-from-connection'), 'the form did not show');
      const field = (name: string) => host.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
      expect(field('instagramHandle').value).to.equal('atelier.nord');
      expect(field('approvalHashtag').value).to.equal('YesAteliernord');
      host.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitUntil(() => host.querySelector('[role="status"]'), 'the save was not confirmed');
      expect(host.textContent).to.contain('authors grant rights by replying #YesAteliernord to @atelier.nord');
      expect(host.querySelector('form')).to.equal(null);
      expect(await api.workspace()).to.include({ instagramHandle: 'atelier.nord', approvalHashtag: 'YesAteliernord' });
    } finally {
      unmount(host);
      await api.updateWorkspace({ instagramHandle: before.instagramHandle, approvalHashtag: before.approvalHashtag });
    }
  });
});
