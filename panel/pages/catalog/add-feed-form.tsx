import { useState } from 'preact/hooks';
import type { CatalogFormat } from '../../../shared/admin-types.ts';
import { ApiError } from '../../api.ts';
import { Field, FormError, SelectField, text, useSubmit } from '../../components/form.tsx';
import { addFeed, preview } from '../../stores/catalog.ts';
import { FORMAT_COLUMNS, FORMATS, formatOfFile, REFRESH_HOURS } from './catalog-text.ts';

type Origin = 'upload' | 'url';

/**
 * Adds a product feed, from a file uploaded now or from a URL fetched on a schedule, and
 * previews its first import at once. Shopify feeds also need the store's address: their rows
 * carry only each product's handle.
 */
export function AddFeedForm() {
  const [origin, setOrigin] = useState<Origin>('upload');
  const [format, setFormat] = useState<CatalogFormat>('merchant_xml');
  const form = useSubmit(async (data, element) => {
    const file = data.get('file');
    const upload = origin === 'upload' && file instanceof File && file.size > 0 ? file : null;
    if (origin === 'upload' && !upload) throw new ApiError(400, 'invalid_parameter', 'file: choose the feed file to upload', 'file');
    const feed = await addFeed({
      name: text(data, 'name'),
      format,
      currency: text(data, 'currency') || null,
      storeUrl: format === 'shopify_json' ? text(data, 'storeUrl') || null : null,
      ...(origin === 'url' ? { url: text(data, 'url'), refreshHours: Number(text(data, 'refreshHours')) || null } : {}),
    });
    element.reset();
    setOrigin('upload');
    setFormat('merchant_xml');
    await preview(feed.id, upload);
  });
  return (
    <form class="card stack add-feed" onSubmit={form.onSubmit} aria-labelledby="add-feed-title">
      <h2 id="add-feed-title">Add a product feed</h2>
      <FormError error={form.error} />
      <div class="row">
        <Field form={form} name="name" label="Name" required maxLength={100} placeholder="Main catalog" />
        <SelectField form={form} name="format" label="Format" options={FORMATS} value={format} onChange={(value) => setFormat(value as CatalogFormat)} />
        <Field form={form} name="currency" label="Currency (when prices have none)" maxLength={3} placeholder="EUR" />
      </div>
      <p class="muted format-columns">{FORMAT_COLUMNS[format]}</p>
      {format === 'shopify_json' && <Field form={form} name="storeUrl" type="url" label="Store address (for product links)" required placeholder="https://shop.example" />}
      <fieldset class="row">
        <legend>Where the products come from</legend>
        <label class="check-label">
          <input type="radio" name="origin" value="upload" checked={origin === 'upload'} onChange={() => setOrigin('upload')} /> A file I upload
        </label>
        <label class="check-label">
          <input type="radio" name="origin" value="url" checked={origin === 'url'} onChange={() => setOrigin('url')} /> An address Vitrine fetches
        </label>
      </fieldset>
      {origin === 'upload' ? (
        <label>
          Feed file
          <input
            type="file"
            name="file"
            accept=".xml,.rss,.tsv,.txt,.json,.csv"
            aria-invalid={form.invalid('file')}
            onChange={(e) => {
              // The file's extension usually tells the format; the select still has the last word.
              const guessed = formatOfFile(e.currentTarget.files?.[0]?.name ?? '');
              if (guessed) setFormat(guessed);
            }}
          />
        </label>
      ) : (
        <div class="row">
          <Field form={form} name="url" type="url" label="Feed address (https)" required placeholder="https://shop.example/feed.xml" />
          <SelectField form={form} name="refreshHours" label="Fetch it again" options={REFRESH_HOURS} defaultValue="24" />
        </div>
      )}
      <p class="muted">Nothing changes in the catalog until you have seen the preview and applied it.</p>
      <button type="submit" class="primary" disabled={form.busy}>
        Add and preview
      </button>
    </form>
  );
}
