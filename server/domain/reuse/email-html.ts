/**
 * The email block as HTML that email clients render: tables for layout, inline styles, absolute
 * URLs, fixed image widths, no script, no CSS classes, no web fonts. Every piece of text from
 * elsewhere (captions, usernames, product titles, the gallery's name) is escaped; captions are
 * cut on grapheme boundaries, so never inside a code point.
 */
import type { PublicPost } from '../../../shared/api-types.ts';
import { shortenText } from '../../../shared/text.ts';
import { escapeHtml } from '../../lib/html.ts';

const COLUMNS = 3;
/** Cell image width for a 600 px email, the width email layouts are made for. */
const IMAGE_WIDTH = 184;
const CAPTION_MAX = 140;
const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:16px;color:#333333';

export interface EmailBlockPost {
  post: PublicPost;
  /** Where the picture and the product name lead: the product page, else the store, else nowhere. */
  link: string | null;
}

export function emailBlockHtml(galleryName: string, items: EmailBlockPost[]): string {
  const cells = items.map(cellHtml);
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += COLUMNS) {
    const row = cells.slice(i, i + COLUMNS);
    while (row.length < COLUMNS) row.push(`<td width="33%" style="padding:4px"></td>`);
    rows.push(`<tr>${row.join('')}</tr>`);
  }
  return (
    `<!-- Vitrine email block: ${escapeHtml(galleryName).replaceAll('--', '&#45;&#45;')} -->\n` +
    `<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%;max-width:600px;margin:0 auto">\n` +
    rows.join('\n') +
    `\n</table>\n`
  );
}

/** The smallest rendition sharp at twice the cell's width (high-density screens), else the largest. */
function imageFor(post: PublicPost) {
  const media = post.media.find((m) => m.variants.length > 0);
  if (!media) return null;
  return { media, variant: media.variants.find((v) => v.width >= IMAGE_WIDTH * 2) ?? media.variants.at(-1)! };
}

function cellHtml({ post, link }: EmailBlockPost): string {
  const image = imageFor(post);
  const author = post.author.username ? `@${post.author.username}` : null;
  const alt = image?.media.alt || [author ? `Photo by ${author}` : 'Customer photo', shortenText(post.caption, 120)].filter(Boolean).join(': ');
  const height = image && image.media.width ? Math.round((IMAGE_WIDTH * image.media.height) / image.media.width) : IMAGE_WIDTH;
  const img = image
    ? `<img src="${escapeHtml(image.variant.url)}" width="${IMAGE_WIDTH}" height="${height}" alt="${escapeHtml(alt)}" style="display:block;width:100%;max-width:${IMAGE_WIDTH}px;height:auto;border:0;outline:none;text-decoration:none">`
    : '';
  const linked = (inner: string) => (link ? `<a href="${escapeHtml(link)}" target="_blank" style="color:#333333;text-decoration:none">${inner}</a>` : inner);
  const product = post.products[0];
  const lines = [
    author ? `<p style="margin:6px 0 0;${FONT}">Photo: ${escapeHtml(author)}</p>` : '',
    post.caption ? `<p style="margin:2px 0 0;${FONT}">${escapeHtml(shortenText(post.caption, CAPTION_MAX))}</p>` : '',
    product ? `<p style="margin:2px 0 0;${FONT};font-weight:bold">${linked(escapeHtml(product.title))}</p>` : '',
  ];
  return `<td width="33%" valign="top" style="padding:4px;${FONT}">${linked(img)}${lines.join('')}</td>`;
}
