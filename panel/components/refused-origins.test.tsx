import { expect, waitUntil } from '@open-wc/testing';
import { api } from '../api.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../testing/harness.tsx';
import { RefusedOrigins } from './refused-origins.tsx';

const STORE = 'https://refused-origins-test.example';
const eventsFrom = async (origin: string) => (await fetch('/__fixture/events-from', { method: 'POST', body: JSON.stringify({ origin }) })).status;

describe('refused origins', () => {
  let allowedBefore: string[] = [];
  before(async () => {
    await signIn();
    allowedBefore = (await api.workspace()).allowedOrigins;
  });
  after(async () => {
    // The fixture's workspace is shared with other test files: leave its origins as they were.
    await api.updateWorkspace({ allowedOrigins: allowedBefore });
  });

  it("names the store page whose events were refused, and one click allows it: the page's next events count", async () => {
    expect(await eventsFrom(STORE)).to.equal(403);
    const host = mount(<RefusedOrigins canAllow />);
    try {
      // Other test files share the fixture's workspace and may have had pages refused too.
      const item = () => [...host.querySelectorAll('.refused-origins li')].find((li) => li.querySelector('code')?.textContent === STORE);
      await waitUntil(item, 'the refused page was not shown');
      expect(host.querySelector('.refused-origins .warning p')!.textContent).to.match(/Vitrine refused them: it counts only the addresses you allow/);
      item()!.querySelector<HTMLButtonElement>('button')!.click();
      await waitUntil(() => host.querySelector('[role=status]'), 'allowing gave no confirmation');
      expect(host.querySelector('[role=status]')!.textContent).to.contain(`Allowed: ${STORE}`);
      expect(item()).to.equal(undefined);
      expect((await api.workspace()).allowedOrigins).to.include(STORE);
      expect(await eventsFrom(STORE)).to.equal(204);
    } finally {
      unmount(host);
    }
  });

  it('tells members who cannot allow an address who can', async () => {
    expect(await eventsFrom('https://another-store-test.example')).to.equal(403);
    const host = mount(<RefusedOrigins canAllow={false} />);
    try {
      await waitUntil(() => host.querySelector('.refused-origins li'), 'the refused page was not shown');
      expect(host.querySelector('.refused-origins button')).to.equal(null);
      for (const li of host.querySelectorAll('.refused-origins li')) expect(li.textContent).to.contain('An owner can allow it.');
    } finally {
      unmount(host);
    }
  });
});
