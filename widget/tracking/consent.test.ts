import { expect } from '@open-wc/testing';
import { describe, it } from '../testing/mocha.ts';
import { gtagArguments } from '../testing/gtag-arguments.ts';
import { consentModeState } from './consent.ts';

const args = gtagArguments;

describe('consentModeState', () => {
  it("reads gtag's consent commands, as the arguments objects gtag pushes", () => {
    expect(consentModeState([])).to.equal(null);
    expect(consentModeState([args('js', new Date()), { event: 'gtm.js' }, null, 7])).to.equal(null);
    expect(consentModeState([args('consent', 'default', { analytics_storage: 'denied' })])).to.equal('denied');
    expect(consentModeState([args('consent', 'default', { ad_storage: 'granted' })])).to.equal(null);
    expect(
      consentModeState([args('consent', 'default', { analytics_storage: 'denied' }), args('config', 'G-1'), args('consent', 'update', { analytics_storage: 'granted' })]),
    ).to.equal('granted');
    expect(consentModeState([['consent', 'update', { analytics_storage: 'denied' }]])).to.equal('denied');
    expect(consentModeState([args('consent', 'update', { analytics_storage: 'maybe' })])).to.equal(null);
  });

  it('reads from a start index, so an explicit answer is overridden only by later entries', () => {
    const layer = [args('consent', 'default', { analytics_storage: 'granted' })];
    expect(consentModeState(layer, 1)).to.equal(null);
  });
});
