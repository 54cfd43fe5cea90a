/**
 * The one HTML escaper of the server (invariant 6: untrusted text stays text). Safe in element
 * content and in double- or single-quoted attribute values; never use it to build a URL's
 * scheme (check URLs with lib/safe-url.ts first).
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
