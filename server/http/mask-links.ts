/**
 * A rights link (`/r/<request id>.<mac>`) is the author's credential: whoever holds it can answer
 * in their name. Logs keep the request id, to find the request, and never the MAC.
 */
const LINK = /(\/r\/[A-Za-z0-9_-]{1,64})\.[A-Za-z0-9_-]+/g;

export const maskRightsLinks = (text: string): string => text.replace(LINK, '$1.[masked]');

/** What an error log line may show of an error: its name, message and stack, links masked. */
export function maskedError(error: unknown): string {
  if (error instanceof Error) return maskRightsLinks(error.stack ?? `${error.name}: ${error.message}`);
  return maskRightsLinks(String(error));
}
