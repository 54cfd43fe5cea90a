import { expect } from '@open-wc/testing';
import { describe, it } from '../testing/mocha.ts';
import { scriptUrl } from './script-url.ts';

describe('scriptUrl', () => {
  it('is the absolute URL of the script', () => {
    const script = document.createElement('script');
    script.src = 'https://ugc.example.com:8443/some/path/embed.js?v=1';
    expect(scriptUrl(script)?.href).to.equal('https://ugc.example.com:8443/some/path/embed.js?v=1');
    expect(scriptUrl(script)?.origin).to.equal('https://ugc.example.com:8443');
  });

  it('is null for an inline script or no script at all', () => {
    expect(scriptUrl(document.createElement('script'))).to.equal(null);
    expect(scriptUrl(null)).to.equal(null);
  });
});
