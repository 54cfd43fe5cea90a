/**
 * One outbound request on Node, through node:http/https with a `lookup` of our own: the host
 * name is resolved once, every address it resolved to is checked, and the socket connects to
 * those checked addresses — there is no second resolution an attacker's DNS could answer
 * differently (DNS rebinding). TLS still verifies the certificate against the name.
 */
import type { LookupAddress, LookupOptions } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { addressRefusal } from './address.ts';
import { OutboundError, type Transport } from './guarded-fetch.ts';

/** Resolves a host name to its addresses; tests inject one that answers what they need. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

function checkedLookup(resolve: Resolve, trusted: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw new OutboundError(`${hostname} resolves to no address`);
        for (const { address } of trusted ? [] : addresses) {
          const why = addressRefusal(address);
          if (why) throw new OutboundError(`refused ${hostname}: it resolves to ${address}, ${why}`);
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      })
      .catch((error: Error) => callback(error, ''));
  };
}

function toResponse(message: IncomingMessage, method: string): Response {
  const headers = new Headers();
  for (let i = 0; i < message.rawHeaders.length; i += 2) headers.append(message.rawHeaders[i]!, message.rawHeaders[i + 1]!);
  const status = message.statusCode ?? 502;
  const empty = method === 'HEAD' || [204, 205, 304].includes(status);
  if (empty) message.resume();
  const body = empty ? null : (Readable.toWeb(message) as ReadableStream<Uint8Array>);
  return new Response(body, { status, statusText: message.statusMessage, headers });
}

export function nodeTransport({ resolve = systemResolve }: { resolve?: Resolve } = {}): Transport {
  return async (request, { trusted }) => {
    const url = new URL(request.url);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : null;
    const send = url.protocol === 'https:' ? httpsRequest : url.protocol === 'http:' ? httpRequest : null;
    if (!send) throw new OutboundError(`${url.protocol} is not an HTTP scheme`);
    return new Promise<Response>((resolveResponse, reject) => {
      const outgoing = send(
        url,
        // A fresh connection per request: a pooled socket would skip the checked lookup.
        { method: request.method, headers: Object.fromEntries(request.headers), lookup: checkedLookup(resolve, trusted), agent: false, signal: request.signal },
        (message) => resolveResponse(toResponse(message, request.method)),
      );
      outgoing.on('error', reject);
      outgoing.end(body ?? undefined);
    });
  };
}
