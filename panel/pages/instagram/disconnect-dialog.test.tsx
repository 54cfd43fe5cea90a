import { expect, waitUntil } from '@open-wc/testing';
import type { ConnectionView } from '../../../shared/admin-types.ts';
import { before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { DisconnectDialog } from './instagram.tsx';

/**
 * The disconnect dialog against the real API, with a connection no workspace has: the request
 * the dialog sends is the real one (with or without `deleteData=true`), and the server's refusal
 * shows in the dialog, so no test's account is really disconnected.
 */
const connection: ConnectionView = {
  id: 'igc_not_connected',
  igUserId: '17841400000000001',
  username: 'atelier.sud',
  status: 'active',
  statusReason: null,
  tokenExpiresAt: '2027-01-01T00:00:00.000Z',
  lastWebhookAt: null,
};

describe('disconnecting an Instagram account', () => {
  before(signIn);

  const open = (canDeleteData: boolean) => {
    let done = 0;
    const host = mount(<DisconnectDialog connection={connection} canDeleteData={canDeleteData} onClose={() => undefined} onDone={async () => void done++} />);
    return { host, dialog: host.querySelector('dialog')!, done: () => done };
  };

  it('offers owners to also delete the data collected through it, saying what stays', async () => {
    const { host, dialog } = open(true);
    try {
      await waitUntil(() => dialog.open, 'the dialog did not open');
      expect(dialog.getAttribute('aria-label')).to.equal('Disconnect @atelier.sud?');
      const box = dialog.querySelector<HTMLInputElement>('input[name="deleteData"]')!;
      expect(box.closest('label')!.textContent).to.contain('Also delete the data collected through it');
      expect(box.checked).to.equal(false);
      expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).to.contain('unless their authors granted rights');
      // Sent for real: the server does not know this connection, and the dialog says so.
      box.checked = true;
      dialog.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await waitUntil(() => dialog.querySelector('.form-error'), 'no answer shown');
      expect(dialog.querySelector('.form-error')!.textContent).to.contain('Instagram connection not found');
      expect(dialog.open).to.equal(true);
    } finally {
      unmount(host);
    }
  });

  it('does not offer it to those who may not delete data', async () => {
    const { host, dialog } = open(false);
    try {
      await waitUntil(() => dialog.open, 'the dialog did not open');
      expect(dialog.querySelector('input[name="deleteData"]')).to.equal(null);
      expect(dialog.textContent).to.contain('Posts already collected stay');
    } finally {
      unmount(host);
    }
  });
});
