/** A merchant's endpoint in tests: records what Vitrine sends and answers 200. */
export interface SentRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function recordingOutbox() {
  const sent: SentRequest[] = [];
  return {
    sent,
    send: async (request: Request): Promise<Response> => {
      sent.push({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.text() });
      return new Response('ok');
    },
  };
}
