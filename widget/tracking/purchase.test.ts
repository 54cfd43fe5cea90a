import { expect } from '@open-wc/testing';
import { describe, it } from '../testing/mocha.ts';
import { purchaseTransaction } from './purchase.ts';

describe('purchaseTransaction', () => {
  it("keeps the contract's fields of a GA4 purchase and reads its numbers", () => {
    const ga4 = {
      transaction_id: ' T-1001 ',
      affiliation: 'Maison Lumen',
      value: '178.00',
      tax: 29.67,
      shipping: 0,
      currency: 'eur',
      coupon: 'SPRING',
      items: [
        { item_id: 'LUM-LAMP-01', item_name: 'Arc Table Lamp', item_brand: 'Lumen', price: 129, quantity: 1 },
        { item_id: 'LUM-VASE-02', price: '49.00', quantity: '1', index: 1 },
        { item_name: 'no id: dropped' },
        { item_id: 'LUM-MUG-03', quantity: 1.5, price: -1 },
      ],
    };
    expect(JSON.parse(JSON.stringify(purchaseTransaction(ga4)))).to.deep.equal({
      transaction_id: 'T-1001',
      value: 178,
      currency: 'EUR',
      items: [
        { item_id: 'LUM-LAMP-01', item_name: 'Arc Table Lamp', price: 129, quantity: 1 },
        { item_id: 'LUM-VASE-02', price: 49, quantity: 1 },
        { item_id: 'LUM-MUG-03' },
      ],
    });
  });

  it('refuses an order it cannot tell: no id (GA would merge every empty one), no value, no currency', () => {
    const order = { transaction_id: 'T-1', value: 10, currency: 'EUR', items: [] };
    expect(purchaseTransaction(order).transaction_id).to.equal('T-1');
    for (const wrong of [{ transaction_id: '' }, { transaction_id: '  ' }, { value: 'ten' }, { value: -1 }, { currency: 'euro' }, { currency: undefined }]) {
      expect(() => purchaseTransaction({ ...order, ...wrong }), JSON.stringify(wrong)).to.throw(TypeError);
    }
    expect(() => purchaseTransaction(undefined)).to.throw(TypeError);
  });

  it('cuts long names and ids between code points, never leaving half an emoji', () => {
    const emoji = '😀'.repeat(3000);
    const order = purchaseTransaction({ transaction_id: emoji, value: 1, currency: 'EUR', items: [{ item_id: `a${emoji}`, item_name: emoji }] });
    expect(order.transaction_id).to.equal('😀'.repeat(50));
    expect(order.items[0]!.item_id).to.equal(`a${'😀'.repeat(49)}`);
    expect(order.items[0]!.item_name).to.equal('😀'.repeat(100));
  });
});
