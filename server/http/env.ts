import type { AppDeps } from '../deps.ts';
import type { SessionAuth } from '../domain/accounts/sessions.ts';
import type { GalleryFreshness } from '../domain/galleries/content-version.ts';

/** The Hono environment of every route: dependencies are read from `c.var`. */
export interface AppEnv {
  Variables: AppDeps & {
    /** Set by `authenticate` for admin routes when a valid session cookie came with the request. */
    session?: SessionAuth;
    /** Set by `requireApiKey` for server-to-server routes: the key and its workspace. */
    apiKey?: { id: string; workspaceId: string };
    /** Set by the answer cache (`front`, else `cache`) on the public gallery routes: the gallery it read, for a miss to reuse. */
    gallery?: GalleryFreshness;
  };
}
