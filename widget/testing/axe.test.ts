import { expect, fixture, html } from '@open-wc/testing';
import { axeViolations } from './axe.ts';
import { describe, it } from './mocha.ts';

describe('axeViolations', () => {
  it('really checks: it reports an unlabelled button inside a shadow root', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).append(document.createElement('button'));
    const violations = await axeViolations(host);
    expect(violations.some((line) => line.startsWith('button-name'))).to.equal(true);
  });
});
