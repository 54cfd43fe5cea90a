/**
 * User agents that are crawlers, previews or headless tools, not shoppers. Their events are
 * acknowledged (so they do not retry) and dropped. Kept short and broad on purpose: the common
 * self-declared bots, link previewers and HTTP libraries. (Headless Chrome is kept: the e2e
 * journeys drive one, and scrapers that hide are not stopped by a user-agent test anyway.)
 */
const BOT = /bot\b|bot\/|crawl|spider|slurp|mediapartners|chrome-lighthouse|pagespeed|preview|facebookexternalhit|embedly|curl\/|wget\/|python-requests|python-urllib|go-http-client|java\/|okhttp|axios\/|node-fetch|undici|phantomjs|httpclient/i;

export function isBotUserAgent(userAgent: string | undefined): boolean {
  if (!userAgent || userAgent.trim() === '') return true;
  return BOT.test(userAgent);
}
