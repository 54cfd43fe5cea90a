import { expect, waitUntil } from '@open-wc/testing';
import { whenElementPresent } from './when-element-present.ts';
import { afterEach, describe, it } from '../testing/mocha.ts';

const TAG = 'vitrine-probe';
/**
 * Resolves in the next task: mutation observers are told in a microtask, so by then every
 * notification for what the test just changed has run (event-loop order, not a delay).
 */
const afterMutationsDelivered = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('whenElementPresent', () => {
  afterEach(() => document.querySelectorAll(`${TAG}, .probe-wrapper`).forEach((node) => node.remove()));

  it('calls back at once when the element is already in the document', () => {
    document.body.append(document.createElement(TAG));
    let calls = 0;
    whenElementPresent(document, TAG, () => (calls += 1));
    expect(calls).to.equal(1);
  });

  it('calls back once when the element is added later, even nested', async () => {
    let calls = 0;
    whenElementPresent(document, TAG, () => (calls += 1));
    document.body.append(document.createElement('p'));
    await afterMutationsDelivered();
    expect(calls).to.equal(0);

    const wrapper = document.createElement('div');
    wrapper.className = 'probe-wrapper';
    wrapper.append(document.createElement(TAG));
    document.body.append(wrapper);
    document.body.append(document.createElement(TAG));

    await waitUntil(() => calls > 0);
    await afterMutationsDelivered();
    expect(calls).to.equal(1);
  });
});
