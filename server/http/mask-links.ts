/**
 * A rights link (`/r/<request id>.<mac>`) is the author's credential: whoever holds it can answer
 * in their name. Logs keep the request id, to find the request, and never the MAC. So are a
 * campaign entrant's two links (`/c/<campaign id>/confirm/<token>`, `/c/<id>/entry/<token>`):
 * logs keep the campaign and which link, never the token.
 */
const LINK = /(\/r\/[A-Za-z0-9_-]{1,64})\.[A-Za-z0-9_-]+/g;
const ENTRY_LINK = /(\/c\/[^/\s?#]{1,100}\/(?:confirm|entry)\/)[^/\s?#"'<>]+/g;

export const maskRightsLinks = (text: string): string => text.replace(LINK, '$1.[masked]').replace(ENTRY_LINK, '$1[masked]');

/** What an error log line may show of an error: its name, message and stack, links masked. */
export function maskedError(error: unknown): string {
  if (error instanceof Error) return maskRightsLinks(error.stack ?? `${error.name}: ${error.message}`);
  return maskRightsLinks(String(error));
}
