import { expect } from '@open-wc/testing';
import { describe, it, mount, unmount } from '../testing/harness.tsx';
import { SelectField } from './form.tsx';

const OPTIONS = { '900': 'Every 15 minutes', '3600': 'Every hour', '86400': 'Every day' };

describe('SelectField', () => {
  it('shows and submits its default option, not the first one, and a reset comes back to it', () => {
    const host = mount(
      <form>
        <SelectField name="intervalSeconds" label="How often" options={OPTIONS} defaultValue="3600" />
      </form>,
    );
    try {
      const form = host.querySelector('form')!;
      const select = form.querySelector('select')!;
      expect(select.value).to.equal('3600');
      expect(select.selectedOptions[0]!.textContent).to.equal('Every hour');
      expect(new FormData(form).get('intervalSeconds')).to.equal('3600');
      select.value = '86400';
      form.reset();
      expect(select.value).to.equal('3600');
    } finally {
      unmount(host);
    }
  });

  it('follows its value when it is controlled', () => {
    const host = mount(<SelectField name="kind" label="Kind" options={OPTIONS} value="86400" defaultValue="3600" />);
    try {
      expect(host.querySelector('select')!.value).to.equal('86400');
    } finally {
      unmount(host);
    }
  });
});
