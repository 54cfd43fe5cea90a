import { api, ApiError } from '../../api.ts';
import { Field, FormError, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';
import { t } from '../../i18n/i18n.ts';

const MAX_IMAGES = 10;

/** A post added by hand: 1 to 10 images (a carousel when several), its author, caption and link. */
export function UploadForm({ onUploaded }: { onUploaded: () => void }) {
  const form = useSubmit(async (data, element) => {
    if (data.getAll('images').filter((f) => f instanceof File && f.size > 0).length > MAX_IMAGES) {
      throw new ApiError(400, 'invalid_parameter', `images: at most ${MAX_IMAGES} per post`, 'images');
    }
    await api.upload(data);
    element.reset();
    announce(t('upload.done'), false);
    onUploaded();
  });
  return (
    <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="upload-title" encType="multipart/form-data">
      <h2 id="upload-title">{t('upload.title')}</h2>
      <p class="muted">{t('upload.help')}</p>
      <FormError error={form.error} />
      <label>
        {t('upload.images')} <span class="muted">{t('upload.imagesHint', { max: MAX_IMAGES })}</span>
        <input name="images" type="file" required multiple accept="image/jpeg,image/png,image/webp" aria-invalid={form.invalid('images')} />
      </label>
      <Field form={form} name="author" label={t('upload.author')} required placeholder={t('upload.authorPlaceholder')} maxLength={31} />
      <label>
        {t('upload.caption')}
        <textarea name="caption" rows={3} maxLength={2200} aria-invalid={form.invalid('caption')} />
      </label>
      <Field form={form} name="permalink" label={t('upload.link')} type="url" placeholder="https://www.instagram.com/p/…" />
      <button type="submit" class="primary" disabled={form.busy}>
        {t('upload.submit')}
      </button>
    </form>
  );
}
