import type { AppEnv } from './env.ts';

/**
 * Where the links Vitrine hands out point (rights links, the embed code): the configured public
 * URL, else the origin this request reached (which, on a default install, is loopback).
 */
export function publicOrigin(c: { var: AppEnv['Variables']; req: { url: string } }): string {
  return (c.var.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, '');
}
