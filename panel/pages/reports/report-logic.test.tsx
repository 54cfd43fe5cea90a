import { expect } from '@open-wc/testing';
import type { HoldoutReport } from '../../../shared/report-types.ts';
import { describe, it, mount, unmount } from '../../testing/harness.tsx';
import { linePath, niceMax } from './chart-geometry.ts';
import { daysOf, filtersFromSearch, rangeDays, reportQuery, searchOf } from './report-filters.ts';
import { LineChart } from './line-chart.tsx';
import { money } from '../../components/money.ts';
import { liftReading } from './report-format.ts';
import { tn } from '../../i18n/i18n.ts';

const NOW = Date.parse('2026-11-29T10:00:00Z');

describe('report filters in the URL', () => {
  it('defaults to the last 30 UTC days, every gallery, top posts', () => {
    const filters = filtersFromSearch({}, NOW);
    expect(filters).to.deep.equal({ from: '2026-10-31', to: '2026-11-29', galleryId: '', top: 'post' });
    expect(rangeDays(filters)).to.equal(30);
  });

  it('reads a valid range, gallery and list, and ignores malformed ones', () => {
    expect(filtersFromSearch({ from: '2026-11-01', to: '2026-11-07', galleryId: 'demo', top: 'product' }, NOW)).to.deep.equal({
      from: '2026-11-01',
      to: '2026-11-07',
      galleryId: 'demo',
      top: 'product',
    });
    for (const search of [{ from: '2026-11-08', to: '2026-11-07' }, { from: '2026-02-30', to: '2026-03-01' }, { from: 'yesterday', to: '2026-11-07' }]) {
      expect(filtersFromSearch(search, NOW).from, JSON.stringify(search)).to.equal('2026-10-31');
    }
    expect(filtersFromSearch({ galleryId: '../x', top: 'everything' }, NOW)).to.include({ galleryId: '', top: 'post' });
  });

  it('writes back the same filters, and the API query', () => {
    const filters = { from: '2026-11-01', to: '2026-11-07', galleryId: '', top: 'gallery' as const };
    expect(filtersFromSearch(searchOf(filters), NOW)).to.deep.equal(filters);
    expect(searchOf(filters)).to.not.have.property('galleryId');
    expect(reportQuery({ ...filters, galleryId: 'demo' }, { dimension: 'post', limit: 10 })).to.equal('?from=2026-11-01&to=2026-11-07&galleryId=demo&dimension=post&limit=10');
    expect(daysOf(filters)).to.deep.equal(['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-07']);
  });
});

describe('report wording', () => {
  const holdout = (change: Partial<HoldoutReport>): HoldoutReport => ({
    share: 0.1,
    holdoutVisitors: 1000,
    holdoutConversionRate: 0.02,
    exposedVisitors: 9000,
    exposedConversionRate: 0.025,
    lift: 0.25,
    ci95: [0.05, 0.49],
    ...change,
  });

  it('says what the holdout shows, and how sure it is', () => {
    expect(liftReading(holdout({}))).to.equal('The galleries raise conversion: visitors shown them convert 25.0% more than the holdout (95% interval +5.0% to +49.0%).');
    expect(liftReading(holdout({ ci95: [-0.1, 0.6] }))).to.match(/^No clear effect yet: \+25\.0% .* includes zero/);
    expect(liftReading(holdout({ lift: -0.2, ci95: [-0.35, -0.04] }))).to.match(/^Visitors shown galleries convert less than the holdout \(−20\.0%/);
    expect(liftReading(holdout({ lift: null, ci95: null }))).to.match(/^Not measurable yet/);
    expect(liftReading(holdout({ share: 0, holdoutVisitors: 0, lift: null, ci95: null }))).to.match(/^No holdout is running/);
  });

  it('writes money from minor units in its currency', () => {
    expect(money(17800, 'EUR')).to.equal('€178.00');
    expect(money(500, 'JPY')).to.equal('¥500');
  });
});

describe('chart geometry', () => {
  it('rounds the axis up and places the points across the frame', () => {
    expect([0, 1, 7, 12, 180, 2400].map(niceMax)).to.deep.equal([1, 1, 10, 20, 200, 2500]);
    const frame = { width: 110, height: 60, left: 10, bottom: 10, top: 0 };
    expect(linePath([0, 5, 10], 10, frame)).to.equal('M10.0,50.0 L60.0,25.0 L110.0,0.0');
    expect(linePath([4], 8, frame)).to.equal('M60.0,25.0');
  });
});

describe('report wording of counts and empty charts', () => {
  it('puts nouns in the number their count asks for', () => {
    expect(tn('cards.visitors', 1)).to.equal('1 visitor');
    expect(tn('cards.visitors', 0)).to.equal('0 visitors');
    expect(tn('cards.postsOpened', 1234)).to.equal('1,234 posts opened');
  });

  it('says a chart with nothing in it is empty instead of drawing a made-up axis', () => {
    const days = ['2026-11-01', '2026-11-02'];
    const format = (minor: number) => money(minor, 'EUR');
    const host = mount(
      <>
        <LineChart title="Revenue" days={days} format={format} series={[{ label: 'Revenue', values: [0, 0], tone: 'tone-1' }]} />
        <LineChart title="Revenue" days={days} format={format} series={[{ label: 'Revenue', values: [0, 12900], tone: 'tone-1' }]} />
      </>,
    );
    try {
      const [empty, drawn] = [...host.querySelectorAll('figure.chart')];
      expect(empty!.querySelector('svg')).to.equal(null);
      expect(empty!.querySelector('.chart-empty')!.textContent).to.equal('No revenue from 2026-11-01 to 2026-11-02.');
      expect(empty!.textContent).to.not.contain('€0.01');
      expect(drawn!.querySelector('svg .tick')!.textContent).to.equal('€200.00');
    } finally {
      unmount(host);
    }
  });
});
