import { expect, waitUntil } from '@open-wc/testing';
import type { TrendsReport } from '../../../shared/report-types.ts';
import { api } from '../../api.ts';
import { money } from '../../components/money.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { Trends } from './trends.tsx';

/**
 * The Trends section against a stubbed `api.reportTrends` (the figures are the test's own), and
 * its CSV link against the real API.
 */
const RANGE = { from: '2026-11-01', to: '2026-11-03' };
const REPORT: TrendsReport = {
  range: { ...RANGE, previousFrom: '2026-10-29', previousTo: '2026-10-31' },
  posts: { current: 40, previous: 25, capped: false },
  hashtags: [
    { term: 'summerlook', count: 6, previous: 1, growth: 3.5 },
    { term: 'été', count: 3, previous: 0, growth: 4 },
  ],
  words: [{ term: 'linen', count: 4, previous: 1, growth: 2.5 }],
  series: { days: ['2026-11-01', '2026-11-02', '2026-11-03'], hashtags: [{ term: 'summerlook', counts: [1, 2, 3] }, { term: 'été', counts: [0, 1, 2] }] },
  authorsByApprovedPosts: [{ username: 'ana.styles', approvedPosts: 5 }],
  authorsByRevenue: [{ username: 'ana.styles', revenueMinor: 12_900 }],
  currency: 'EUR',
};
const EMPTY: TrendsReport = { ...REPORT, hashtags: [], words: [], series: { days: REPORT.series.days, hashtags: [] }, authorsByApprovedPosts: [], authorsByRevenue: [] };

const rows = (host: HTMLElement, table: string) =>
  [...host.querySelectorAll(`table.${table} tbody tr`)].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));

describe('the Trends section', () => {
  const real = api.reportTrends;
  let host: HTMLElement | undefined;
  let asked: string[] = [];
  let answer: TrendsReport = REPORT;
  before(async () => {
    await signIn();
    api.reportTrends = async (search) => {
      asked.push(search);
      return answer;
    };
  });
  after(() => {
    api.reportTrends = real;
    if (host) unmount(host);
  });
  const show = async (report: TrendsReport) => {
    if (host) unmount(host);
    [asked, answer] = [[], report];
    host = mount(<Trends filters={{ ...RANGE, galleryId: 'demo' }} />, { height: 1600 });
    await waitUntil(() => !host!.querySelector('[aria-busy="true"]'), 'the trends did not load');
    return host;
  };

  it('lists rising hashtags and words, the top hashtags by day and the top authors, never sending the gallery', async () => {
    const host = await show(REPORT);
    expect(asked).to.deep.equal([`?from=${RANGE.from}&to=${RANGE.to}`]);
    expect(host.querySelector('h2')?.textContent).to.equal('Trends');
    expect(host.textContent).to.contain('Trends cover every gallery');
    expect(rows(host, 'trends-hashtags')).to.deep.equal([
      ['#summerlook', '6', '1', '×3.5'],
      ['#été', '3', '0', '×4'],
    ]);
    expect(rows(host, 'trends-words')).to.deep.equal([['linen', '4', '1', '×2.5']]);
    expect([...host.querySelectorAll('table.trends-hashtags th')].map((th) => th.textContent)).to.deep.equal(['Term', 'Posts', 'Previous', 'Growth']);
    expect(host.querySelector('figure.chart figcaption')?.textContent).to.contain('#summerlook');
    expect(rows(host, 'trends-approved')).to.deep.equal([['@ana.styles', '5']]);
    expect(rows(host, 'trends-revenue')).to.deep.equal([['@ana.styles', money(12_900, 'EUR')]]);
    expect(host.querySelector('.trends-empty')).to.equal(null);
  });

  it('links the CSV of the same range, without the gallery, and the API answers it', async () => {
    const host = await show(REPORT);
    const link = host.querySelector<HTMLAnchorElement>('a.trends-csv')!;
    expect(link.textContent).to.equal('Download CSV');
    expect(link.hasAttribute('download')).to.equal(true);
    const href = new URL(link.href);
    expect(href.pathname).to.equal('/admin/reports/trends.csv');
    expect(Object.fromEntries(href.searchParams)).to.deep.equal(RANGE);
    const csv = await fetch(href);
    expect(csv.status).to.equal(200);
    expect(csv.headers.get('content-type')).to.match(/^text\/csv/);
    expect((await csv.text()).split(/\r?\n/)[0]).to.equal('section,name,posts,previous_posts,growth,revenue_minor,currency');
  });

  it('says so when nothing rises', async () => {
    const host = await show(EMPTY);
    expect(host.querySelector('.trends-empty')?.textContent).to.match(/^Nothing is rising/);
    expect(host.querySelector('table.trends-hashtags')).to.equal(null);
    expect(host.querySelector('figure.chart')).to.equal(null);
    expect(host.textContent).to.contain('No authors in this range.');
  });
});
