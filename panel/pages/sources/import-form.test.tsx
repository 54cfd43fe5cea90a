import { expect, waitUntil } from '@open-wc/testing';
import { api, type PostFilters } from '../../api.ts';
import { EMPTY_FILTERS } from '../../stores/inbox.ts';
import { after, before, describe, it, mount, signIn, unmount } from '../../testing/harness.tsx';
import { SourcesPage } from './sources.tsx';

/**
 * The import and upload flows, on the Sources page, against the real API. Every post these
 * tests add carries MARK in its caption and is hidden at the end, so the inbox tests that share
 * the database find the pending view as seeded.
 */
const MARK = 'wtrimportmark';
const IMAGES = 'https://images.example.com';

/** Header on line 1: line 3 is plain http, line 4 has a bad author. */
const CSV = [
  'image_url,author,caption,permalink',
  `${IMAGES}/640x640/wtr-a.jpg,wtr.importer,${MARK} first,`,
  `http://images.example.com/640x640/wtr-b.jpg,wtr.importer,${MARK} plain http,`,
  `${IMAGES}/640x640/wtr-c.jpg,not a user!,${MARK} bad author,`,
  `${IMAGES}/800x600/wtr-d.jpg,wtr.importer,${MARK} second,https://www.instagram.com/p/WTRIMPORT1/`,
].join('\n');

const section = () => document.querySelector<HTMLElement>('.import-form')!;
const button = (root: Element, label: RegExp) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => label.test(b.textContent ?? ''));

function choose(input: HTMLInputElement, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function markedPosts(): Promise<string[]> {
  const filters: PostFilters = { ...EMPTY_FILTERS, q: MARK };
  const ids: string[] = [];
  for (const status of ['pending', 'approved', 'rejected'] as const) ids.push(...(await api.posts({ ...filters, status }, null, 100)).posts.map((p) => p.id));
  return ids;
}

describe('sources page: import and upload', () => {
  let host: HTMLElement;
  before(async () => {
    await signIn();
    host = mount(<SourcesPage />, { height: 3000 });
    await waitUntil(() => document.querySelector('.import-form input[type=file]'), 'the import form did not show');
  });
  after(async () => {
    if (host) unmount(host);
    const ids = await markedPosts();
    if (ids.length > 0) await api.moderate(ids, 'hidden');
  });

  it('checks a file first, reports each bad row by line, then imports the valid rows', async () => {
    choose(section().querySelector<HTMLInputElement>('input[type=file]')!, [new File([CSV], 'wtr-import.csv', { type: 'text/csv' })]);
    await waitUntil(() => !button(section(), /Check the file/)?.disabled, 'the file was not taken');
    expect(section().querySelector<HTMLSelectElement>('select[name=format]')!.value).to.equal('csv');
    button(section(), /Check the file/)!.click();

    await waitUntil(() => section().querySelector('.import-report'), 'the dry run report did not show');
    expect(section().querySelector('.import-report [role=status]')?.textContent).to.contain('4 rows: 2 valid').and.contain('2 with problems');
    const problems = [...section().querySelectorAll('.row-errors tbody tr')].map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent));
    expect(problems.map(([line, field]) => [line, field])).to.deep.equal([
      ['3', 'image_url'],
      ['4', 'author'],
    ]);
    expect(problems[0]![2]).to.contain('https');
    // A dry run changes nothing.
    expect(await markedPosts()).to.deep.equal([]);

    button(section(), /Import 2 valid rows/)!.click();
    await waitUntil(() => section().querySelector('.import-done'), 'the import did not finish');
    expect(section().querySelector('.import-done')?.textContent).to.contain('Imported 2 posts').and.contain('skipped 2 invalid rows');
    expect(section().querySelector('.import-report')).to.equal(null);
    const imported = await api.posts({ ...EMPTY_FILTERS, q: MARK }, null, 100);
    expect(imported.posts.map((p) => p.caption).sort()).to.deep.equal([`${MARK} first`, `${MARK} second`]);
    expect(imported.posts.every((p) => p.sources.some((s) => s.kind === 'import' && s.label === 'Import: wtr-import.csv'))).to.equal(true);
    // The import shows among the sources, as made by hand.
    await waitUntil(() => document.querySelector('.sources')?.textContent?.includes('wtr-import.csv'), 'the import source did not show');

    // The same file again: both rows are known now.
    button(section(), /Check the file/)!.click();
    await waitUntil(() => section().querySelector('.import-report')?.textContent?.includes('2 imported before'), 'the second check did not see the duplicates');
    expect(section().textContent).to.contain('Already imported, skipped: lines 2, 5.').and.contain('Nothing new to import.');
    expect(button(section(), /Import \d/)).to.equal(undefined);
  });

  it('uploads a post by hand, and names the image the server refuses', async () => {
    const form = document.querySelector<HTMLFormElement>('form[aria-labelledby="upload-title"]')!;
    const images = form.querySelector<HTMLInputElement>('input[name=images]')!;
    choose(images, [new File(['not an image'], 'notes.txt', { type: 'image/png' })]);
    form.querySelector<HTMLInputElement>('input[name=author]')!.value = '@wtr.uploader';
    form.querySelector<HTMLTextAreaElement>('textarea[name=caption]')!.value = `${MARK} upload`;
    button(form, /^Upload$/)!.click();
    await waitUntil(() => form.querySelector('.form-error'), 'the refusal did not show');
    expect(form.querySelector('.form-error')?.textContent).to.match(/^Images could not be read as a JPEG, PNG or WebP image/);
    expect(images.getAttribute('aria-invalid')).to.equal('true');
    expect(document.activeElement).to.equal(images);

    // The test server's image maker reads an SVG's size, as the fake Instagram's CDN serves them.
    choose(images, [new File(['<svg xmlns="http://www.w3.org/2000/svg" width="640" height="640"></svg>'], 'photo.svg', { type: 'image/svg+xml' })]);
    button(form, /^Upload$/)!.click();
    await waitUntil(() => !form.querySelector('.form-error') && form.querySelector<HTMLInputElement>('input[name=author]')!.value === '', 'the upload did not go through');
    const uploaded = (await api.posts({ ...EMPTY_FILTERS, q: `${MARK} upload` }, null, 10)).posts;
    expect(uploaded.map((p) => [p.author.username, p.sources[0]?.kind])).to.deep.equal([['wtr.uploader', 'manual']]);
  });
});
