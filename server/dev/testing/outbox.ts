/**
 * A merchant's systems in tests: records what Vitrine sends (webhooks) and answers 200, except
 * for the URLs a test puts in `site` (a product feed, a redirect), which answer as told.
 */
export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type MerchantSite = Map<string, (request: Request) => Response | Promise<Response>>;

export function recordingOutbox() {
  const sent: SentRequest[] = [];
  const site: MerchantSite = new Map();
  return {
    sent,
    site,
    send: async (request: Request): Promise<Response> => {
      const page = site.get(request.url);
      if (page) return page(request);
      sent.push({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
      return new Response('ok');
    },
  };
}
