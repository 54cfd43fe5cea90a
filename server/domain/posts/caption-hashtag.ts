import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { posts } from '../../db/schema.ts';

/**
 * Posts whose caption carries `#tag`, in any case: a gallery's hashtag filter, a campaign's
 * entries. `tag` is lowercase letters, digits and _ (both inputs are validated to that, so it
 * carries no GLOB syntax), a value or a column. GLOB with a class, so "#yeslumen!" and
 * "#yeslumen\n" match but "#yeslumenfan" does not; SQLite's lower() folds ASCII letters only,
 * which is all a tag may hold.
 */
export function captionHasHashtag(tag: string | SQLWrapper): SQL {
  return sql`((lower(${posts.caption}) || ' ') glob ('*#' || ${tag} || '[^a-z0-9_]*'))`;
}
