import { expect } from '@open-wc/testing';
import type { EventBatch, TrackingEvent } from '../../shared/schemas/events.ts';
import { describe, it } from '../testing/mocha.ts';
import { MAX_BATCH_EVENTS, MAX_BODY_BYTES, TARGET_BODY_BYTES, byteLength, packBatches } from './batches.ts';

const envelope: Omit<EventBatch, 'events'> = { v: 1, workspaceId: 'ws_demo', visitorId: 'v_abcdefgh', sessionId: 's_abcdefgh', consent: 'granted' };
const opened = (n: number): TrackingEvent => ({ id: `e_${String(n).padStart(8, '0')}`, type: 'select_content', at: 1764370000000 + n, galleryId: 'demo', postId: `post_${n}` });
const purchase = (items: number, name: string): TrackingEvent => ({
  id: 'e_purchase01',
  type: 'purchase',
  at: 1764370000000,
  transaction: { transaction_id: 'T-1', value: 10, currency: 'EUR', items: Array.from({ length: items }, (_, i) => ({ item_id: `SKU-${i}`, item_name: name, price: 1, quantity: 1 })) },
});

describe('packBatches', () => {
  it('sends the contract envelope with the events in order', () => {
    const bodies = packBatches(envelope, [opened(1), opened(2)]);
    expect(bodies.map((body) => JSON.parse(body))).to.deep.equal([{ ...envelope, events: [opened(1), opened(2)] }]);
  });

  it('splits at 50 events, never losing or reordering one', () => {
    const events = Array.from({ length: 120 }, (_, i) => opened(i));
    const batches = packBatches(envelope, events).map((body) => JSON.parse(body) as EventBatch);
    expect(batches.map((batch) => batch.events.length)).to.deep.equal([MAX_BATCH_EVENTS, MAX_BATCH_EVENTS, 20]);
    expect(batches.flatMap((batch) => batch.events)).to.deep.equal(events);
  });

  it('splits at about 8 KiB', () => {
    const long = (n: number) => `${String(n).padStart(8, '0')}${'x'.repeat(56)}`;
    const events: TrackingEvent[] = Array.from({ length: 200 }, (_, n) => ({ ...opened(n), postId: long(n), productId: long(n), type: 'select_item' }));
    const bodies = packBatches(envelope, events);
    for (const body of bodies) expect(byteLength(body)).to.be.at.most(TARGET_BODY_BYTES);
    const batches = bodies.map((body) => JSON.parse(body) as EventBatch);
    expect(batches.flatMap((batch) => batch.events)).to.deep.equal(events);
    expect(batches[0]!.events.length).to.be.within(20, MAX_BATCH_EVENTS - 1);
  });

  it('puts an event over 8 KiB in a body of its own, under the 16 KiB limit', () => {
    const big = purchase(60, 'x'.repeat(150));
    const bodies = packBatches(envelope, [opened(1), big, opened(2)]);
    expect(bodies).to.have.length(3);
    expect(byteLength(bodies[1]!)).to.be.within(TARGET_BODY_BYTES, MAX_BODY_BYTES);
  });

  it('leaves out, with a warning, an event no body could hold', () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const bodies = packBatches(envelope, [opened(1), purchase(100, 'é'.repeat(200)), opened(2)]);
      expect(bodies.map((body) => (JSON.parse(body) as EventBatch).events)).to.deep.equal([[opened(1), opened(2)]]);
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });
});
