import { Hono } from 'hono';
import { z } from 'zod';
import { uploadFields } from '../../../shared/schemas/collection.ts';
import { importRows, readImportRows, uploadPost } from '../../domain/collection/imports.ts';
import type { AppEnv } from '../../http/env.ts';
import { ApiError } from '../../http/errors.ts';
import { parseWith } from '../../http/validate.ts';
import { requireSession } from '../../middleware/authenticate/index.ts';
import { readOrWrite } from '../../middleware/require-role/index.ts';
import { formBody } from '../../http/form.ts';
import { bodyText } from '../../http/body.ts';

const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;
const MAX_UPLOAD_IMAGES = 10;

const importQuery = z.strictObject({
  format: z.enum(['csv', 'tsv', 'json']),
  dryRun: z.enum(['true', 'false']).default('false'),
  skipInvalid: z.enum(['true', 'false']).default('false'),
  label: z.string().trim().min(1).max(100).default('Import'),
});

/** Bulk imports; the file is the body (text/csv, text/tab-separated-values or application/json). */
export const importRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .post('/', async (c) => {
    const query = parseWith(importQuery, c.req.query());
    const text = await bodyText(c, MAX_IMPORT_BYTES);
    const rows = readImportRows(text, query.format);
    const report = await importRows(c.var.db, requireSession(c), { rows, label: query.label, dryRun: query.dryRun === 'true', skipInvalid: query.skipInvalid === 'true' }, c.var.clock.now());
    if (report.errors.length > 0 && !report.dryRun && query.skipInvalid !== 'true') {
      const first = report.errors[0]!;
      return c.json(
        { error: { code: 'invalid_rows', message: `${report.errors.length} of ${report.total} rows are invalid (line ${first.line}, ${first.field}: ${first.reason}); nothing was imported`, field: 'rows' }, report },
        400,
      );
    }
    return c.json(report, report.dryRun ? 200 : 201);
  });

/** A manual upload: multipart form with `images` (1-10 files), `author`, `caption`, `permalink`. */
export const uploadRoutes = new Hono<AppEnv>()
  .use(readOrWrite('owner', 'merchandiser'))
  .post('/', async (c) => {
    if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) throw new ApiError(415, 'unsupported_media_type', 'body: send multipart/form-data', 'body');
    const form = await formBody(c, { all: true, maxBytes: MAX_UPLOAD_BYTES });
    const files = ([] as unknown[]).concat(form.images ?? []).filter((f): f is File => f instanceof File);
    if (files.length === 0) throw new ApiError(400, 'invalid_parameter', 'images: attach at least one image', 'images');
    if (files.length > MAX_UPLOAD_IMAGES) throw new ApiError(400, 'invalid_parameter', `images: at most ${MAX_UPLOAD_IMAGES} per post`, 'images');
    const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : undefined);
    const fields = parseWith(uploadFields, { author: text('author'), caption: text('caption'), permalink: text('permalink') });
    const images = await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer())));
    const created = await uploadPost({ db: c.var.db, media: c.var.media, variants: c.var.variants }, requireSession(c), { fields, images }, c.var.clock.now());
    return c.json(created, 201);
  });
