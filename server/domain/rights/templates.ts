import { RIGHTS_LANGUAGES, type RightsLanguage } from '../../../shared/schemas/rights.ts';

/**
 * The words of a rights request. Several variants per language, picked by post, because
 * Instagram treats the same comment repeated many times as spam and hides it. Every variant
 * names the brand, says what is asked, how to agree (hashtag and @handle) and links the terms.
 */
export const REQUEST_LANGUAGES = RIGHTS_LANGUAGES;
export type RequestLanguage = RightsLanguage;

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
  de: [
    (w) => `${hi(w, 'Hallo')}! Wir lieben dieses Foto. Darf ${w.brandName} es auf unserer Website zeigen, mit Nennung deines Namens? Wenn ja, antworte mit #${w.hashtag} @${w.brandHandle}. Die Bedingungen, und wie du ablehnst oder es dir später anders überlegst: ${w.link}`,
    (w) => `${hi(w, 'Hi')} 👋 hier ist ${w.brandName}. Dürfen wir dein Foto auf unserer Website zeigen (du wirst genannt und behältst deine Rechte)? Antworte #${w.hashtag} @${w.brandHandle}, um zuzustimmen. Details und jederzeitiger Widerruf: ${w.link}`,
    (w) => `${hi(w, 'Hey')}, wunderschön! Dürfte ${w.brandName} es in unserem Shop teilen? Antworte einfach #${w.hashtag} @${w.brandHandle}. Lies die Bedingungen (und widerrufe, wann du willst): ${w.link}`,
  ],
  es: [
    (w) => `¡${hi(w, 'Hola')}! Nos encanta esta foto. ¿Puede ${w.brandName} mostrarla en nuestra web, citándote? Si es que sí, responde con #${w.hashtag} @${w.brandHandle}. Las condiciones, y cómo decir que no o cambiar de opinión más tarde: ${w.link}`,
    (w) => `${hi(w, 'Hola')} 👋 somos ${w.brandName}. ¿Podemos destacar tu foto en nuestra web (te citamos y conservas tus derechos)? Responde #${w.hashtag} @${w.brandHandle} para aceptar. Detalles y retirada en cualquier momento: ${w.link}`,
    (w) => `${hi(w, 'Hey')}, ¡qué bonita! ¿Dejarías que ${w.brandName} la compartiera en nuestra tienda? Solo responde #${w.hashtag} @${w.brandHandle}. Lee las condiciones (y retíralo cuando quieras): ${w.link}`,
  ],
  it: [
    (w) => `${hi(w, 'Ciao')}! Adoriamo questa foto. ${w.brandName} può mostrarla sul proprio sito, citandoti? Se sì, rispondi con #${w.hashtag} @${w.brandHandle}. Le condizioni, e come dire di no o cambiare idea più tardi: ${w.link}`,
    (w) => `${hi(w, 'Ciao')} 👋 siamo ${w.brandName}. Possiamo mettere in evidenza la tua foto sul nostro sito (sarai citato/a e mantieni i tuoi diritti)? Rispondi #${w.hashtag} @${w.brandHandle} per accettare. Dettagli e revoca in qualsiasi momento: ${w.link}`,
    (w) => `${hi(w, 'Hey')}, bellissima! Lasceresti che ${w.brandName} la condivida nel nostro negozio? Rispondi semplicemente #${w.hashtag} @${w.brandHandle}. Leggi le condizioni (e revoca quando vuoi): ${w.link}`,
  ],
};

/** The message for a post: the variant depends on the post, so neighbours get different words. */
export function requestMessage(language: RequestLanguage, seed: string, words: RequestWords): string {
  const variants = TEMPLATES[language];
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return variants[hash % variants.length]!(words);
}
