import { useState } from 'preact/hooks';
import type { CatalogFormat } from '../../../shared/admin-types.ts';
import { ApiError } from '../../api.ts';
import { Field, FormError, SelectField, text, useSubmit } from '../../components/form.tsx';
import { addFeed, preview } from '../../stores/catalog.ts';
import { formatColumns, FORMATS, formatOfFile, refreshHours } from './catalog-text.ts';
import { t } from '../../i18n/i18n.ts';

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
    if (origin === 'upload' && !upload) throw new ApiError(400, 'invalid_parameter', `file: ${t('catalog.chooseFile')}`, 'file');
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
      <h2 id="add-feed-title">{t('catalog.addFeed')}</h2>
      <FormError error={form.error} />
      <div class="row">
        <Field form={form} name="name" label={t('members.name')} required maxLength={100} placeholder={t('catalog.namePlaceholder')} />
        <SelectField form={form} name="format" label={t('import.format')} options={FORMATS} value={format} onChange={(value) => setFormat(value as CatalogFormat)} />
        <Field form={form} name="currency" label={t('catalog.currency')} maxLength={3} placeholder="EUR" />
      </div>
      <p class="muted format-columns">{formatColumns(format)}</p>
      {format === 'shopify_json' && <Field form={form} name="storeUrl" type="url" label={t('catalog.storeUrl')} required placeholder="https://shop.example" />}
      <fieldset class="row">
        <legend>{t('catalog.origin')}</legend>
        <label class="check-label">
          <input type="radio" name="origin" value="upload" checked={origin === 'upload'} onChange={() => setOrigin('upload')} /> {t('catalog.originUpload')}
        </label>
        <label class="check-label">
          <input type="radio" name="origin" value="url" checked={origin === 'url'} onChange={() => setOrigin('url')} /> {t('catalog.originUrl')}
        </label>
      </fieldset>
      {origin === 'upload' ? (
        <label>
          {t('catalog.file')}
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
          <Field form={form} name="url" type="url" label={t('catalog.url')} required placeholder="https://shop.example/feed.xml" />
          <SelectField form={form} name="refreshHours" label={t('catalog.fetchAgain')} options={refreshHours()} defaultValue="24" />
        </div>
      )}
      <p class="muted">{t('catalog.nothingChanges')}</p>
      <button type="submit" class="primary" disabled={form.busy}>
        {t('catalog.addSubmit')}
      </button>
    </form>
  );
}
