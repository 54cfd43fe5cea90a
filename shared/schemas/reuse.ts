import { z } from 'zod';

/** `POST /admin/reuse/rotate`: which secret URL to replace. */
export const reuseRotateInput = z.strictObject({
  feed: z.enum(['ads', 'email']),
});
