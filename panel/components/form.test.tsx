import { expect, waitUntil } from '@open-wc/testing';
import { ApiError } from '../api.ts';
import { describe, it, mount, unmount } from '../testing/harness.tsx';
import { Field, FormError, SelectField, sentence, useSubmit } from './form.tsx';

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

describe('refusals in sentences', () => {
  it("reads the field's label in place of the API's field prefix", () => {
    expect(sentence('instagramHandle: is not a handle', 'instagramHandle', 'Instagram handle')).to.equal('Instagram handle is not a handle');
    expect(sentence('accessToken: Instagram refused it (error 190)', 'accessToken', 'Access token')).to.equal('Instagram refused it (error 190)');
    expect(sentence('The server could not be reached', undefined, 'Name')).to.equal('The server could not be reached');
    expect(sentence('allowedOrigins.2: is not an origin', 'allowedOrigins', 'Allowed origins')).to.equal('allowedOrigins.2: is not an origin');
  });

  it('shows the refusal under the form with the label and focuses the field', async () => {
    function Form() {
      const form = useSubmit(async () => {
        throw new ApiError(400, 'invalid_parameter', 'instagramHandle: is not an Instagram handle', 'instagramHandle');
      });
      return (
        <form onSubmit={form.onSubmit}>
          <FormError error={form.error} />
          <Field form={form} name="instagramHandle" label="Instagram handle" />
          <button type="submit">Save</button>
        </form>
      );
    }
    const host = mount(<Form />);
    try {
      host.querySelector('button')!.click();
      await waitUntil(() => host.querySelector('.form-error'), 'no refusal shown');
      expect(host.querySelector('.form-error')!.textContent).to.equal('Instagram handle is not an Instagram handle');
      expect(document.activeElement).to.equal(host.querySelector('input[name="instagramHandle"]'));
    } finally {
      unmount(host);
    }
  });
});
