import { api, ApiError } from '../../api.ts';
import { Field, FormError, useSubmit } from '../../components/form.tsx';
import { announce } from '../../stores/announcer.ts';

const MAX_IMAGES = 10;

/** A post added by hand: 1 to 10 images (a carousel when several), its author, caption and link. */
export function UploadForm({ onUploaded }: { onUploaded: () => void }) {
  const form = useSubmit(async (data, element) => {
    if (data.getAll('images').filter((f) => f instanceof File && f.size > 0).length > MAX_IMAGES) {
      throw new ApiError(400, 'invalid_parameter', `images: at most ${MAX_IMAGES} per post`, 'images');
    }
    await api.upload(data);
    element.reset();
    announce('Uploaded the post: it waits in the inbox.', false);
    onUploaded();
  });
  return (
    <form class="card stack" onSubmit={form.onSubmit} aria-labelledby="upload-title" encType="multipart/form-data">
      <h2 id="upload-title">Upload a post</h2>
      <p class="muted">For content that did not come through Instagram’s API, e.g. sent by email. Ask the author for their rights as for any post.</p>
      <FormError error={form.error} />
      <label>
        Images <span class="muted">(JPEG, PNG or WebP; up to {MAX_IMAGES}, in order)</span>
        <input name="images" type="file" required multiple accept="image/jpeg,image/png,image/webp" aria-invalid={form.invalid('images')} />
      </label>
      <Field form={form} name="author" label="Author’s Instagram username" required placeholder="@username" maxLength={31} />
      <label>
        Caption
        <textarea name="caption" rows={3} maxLength={2200} aria-invalid={form.invalid('caption')} />
      </label>
      <Field form={form} name="permalink" label="Link to the post (optional)" type="url" placeholder="https://www.instagram.com/p/…" />
      <button type="submit" class="primary" disabled={form.busy}>
        Upload
      </button>
    </form>
  );
}
