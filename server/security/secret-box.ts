/**
 * Encryption at rest for secrets Vitrine must be able to read back (Instagram tokens, outgoing
 * webhook secrets): AES-256-GCM with a key derived by HKDF from the app secret and a purpose, so
 * each kind of secret has its own key and none is the app secret itself. WebCrypto only.
 */
const encoder = new TextEncoder();
const VERSION = 'v1';

async function keyFor(appSecret: string, purpose: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(appSecret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('vitrine'), info: encoder.encode(purpose) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function seal(appSecret: string, purpose: string, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await keyFor(appSecret, purpose), encoder.encode(plaintext));
  return `${VERSION}.${toB64(iv)}.${toB64(new Uint8Array(sealed))}`;
}

export async function open(appSecret: string, purpose: string, box: string): Promise<string> {
  const [version, iv, data] = box.split('.');
  if (version !== VERSION || !iv || !data) throw new Error('not a sealed value');
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromB64(iv) }, await keyFor(appSecret, purpose), fromB64(data));
  return new TextDecoder().decode(plain);
}

const toB64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const fromB64 = (text: string) => Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (c) => c.charCodeAt(0));
