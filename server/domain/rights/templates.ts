/**
 * The words of a rights request. Several variants per language, picked by post, because
 * Instagram treats the same comment repeated many times as spam and hides it. Every variant
 * names the brand, says what is asked, how to agree (hashtag and @handle) and links the terms.
 */
export const REQUEST_LANGUAGES = ['en', 'fr'] as const;
export type RequestLanguage = (typeof REQUEST_LANGUAGES)[number];

export interface RequestWords {
  author: string | null;
  brandName: string;
  brandHandle: string;
  hashtag: string;
  link: string;
}

type Template = (w: RequestWords) => string;
const hi = (w: RequestWords, word: string) => (w.author ? `${word} @${w.author}` : word);

const TEMPLATES: Record<RequestLanguage, Template[]> = {
  en: [
    (w) => `${hi(w, 'Hi')}! We love this photo. May ${w.brandName} show it on our website, with credit to you? If yes, reply with #${w.hashtag} @${w.brandHandle}. The terms, and how to say no or change your mind later: ${w.link}`,
    (w) => `${hi(w, 'Hello')} 👋 ${w.brandName} here. Could we feature your photo on our site (you stay credited and keep your rights)? Reply #${w.hashtag} @${w.brandHandle} to agree. Details and withdrawal at any time: ${w.link}`,
    (w) => `${hi(w, 'Hey')}, this is beautiful! Would you let ${w.brandName} share it on our store? Just reply #${w.hashtag} @${w.brandHandle}. Read the terms (and withdraw whenever you like): ${w.link}`,
  ],
  fr: [
    (w) => `${hi(w, 'Bonjour')} ! Nous adorons cette photo. ${w.brandName} peut-elle la montrer sur son site, en vous citant ? Si oui, répondez #${w.hashtag} @${w.brandHandle}. Les conditions, et comment refuser ou changer d'avis plus tard : ${w.link}`,
    (w) => `${hi(w, 'Hello')} 👋 ici ${w.brandName}. Pouvons-nous mettre votre photo en avant sur notre site (vous restez cité·e et gardez vos droits) ? Répondez #${w.hashtag} @${w.brandHandle} pour accepter. Détails et retrait à tout moment : ${w.link}`,
    (w) => `${hi(w, 'Coucou')}, superbe photo ! Accepteriez-vous que ${w.brandName} la partage sur sa boutique ? Répondez simplement #${w.hashtag} @${w.brandHandle}. Les conditions (et le retrait quand vous voulez) : ${w.link}`,
  ],
};

/** The message for a post: the variant depends on the post, so neighbours get different words. */
export function requestMessage(language: RequestLanguage, seed: string, words: RequestWords): string {
  const variants = TEMPLATES[language];
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return variants[hash % variants.length]!(words);
}
