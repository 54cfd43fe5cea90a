/**
 * What a campaign's winner is told, in English or French: congratulations, the prize, how to
 * claim it and by when, and the link to the public proof of the draw. Pure text builders: the
 * merchant sends the message (Vitrine cannot message an Instagram account it found by hashtag,
 * reference/specs.md §0), so the panel shows it with a copy button; the same words are ready as
 * an email (subject, text and HTML) for entrants who gave an address.
 *
 * An Instagram entrant also gets a short version for a direct message or a comment reply, at
 * most SHORT_MAX characters (counted in UTF-16 units, the stricter count) with one @mention at
 * most and no hashtag, so it reads as a person's reply, not as the repeated promotional comment
 * Instagram hides as spam. The prize, then the campaign's name, give way before the deadline
 * and the link.
 */
import { shortenText } from '../../../shared/text.ts';
import { escapeHtml } from '../../lib/html.ts';

export const WINNER_LANGUAGES = ['en', 'fr'] as const;
export type WinnerLanguage = (typeof WINNER_LANGUAGES)[number];

/** Days a winner has to claim, from the day the merchant tells them (or today, before that). */
export const CLAIM_DAYS = 14;
export const SHORT_MAX = 300;

export interface WinnerFacts {
  language: WinnerLanguage;
  /** The workspace's name: who is writing. */
  brandName: string;
  /** The brand's Instagram handle without '@', where a winner can write back; null when not set. */
  brandHandle: string | null;
  campaignName: string;
  /** The entrant's Instagram handle without '@'; null when unknown. */
  author: string | null;
  /** What this winner wins; null when the campaign lists no prize. */
  prize: string | null;
  method: 'draw' | 'jury';
  /** How many eligible entries the draw ranked (drawn winners only). */
  entries: number | null;
  /** The claim deadline, epoch ms (shown as its UTC date). */
  claimBy: number;
  /** Where anyone can check the draw (the seed, the entries, the winners). */
  proofUrl: string;
  /** An Instagram post's author: also gets the short text for a DM or comment reply. */
  instagram: boolean;
}

export interface WinnerMessage {
  language: WinnerLanguage;
  subject: string;
  /** The whole message, as plain text (an email, or a long direct message). */
  text: string;
  /** The same message as HTML, every value escaped. */
  html: string;
  /** At most SHORT_MAX characters, for Instagram entrants; null for others. */
  short: string | null;
}

/**
 * The language a campaign's winners are written to: the language of its first-published rules
 * when Vitrine has winner messages in it (English or French), else English.
 */
export function campaignLanguage(rulesLanguagesByAge: readonly string[]): WinnerLanguage {
  const first = rulesLanguagesByAge.find((l): l is WinnerLanguage => (WINNER_LANGUAGES as readonly string[]).includes(l));
  return first ?? 'en';
}

/** The prize of the winner ranked `rank`: one prize per rank when the list has one, else the last (a shared prize). */
export function prizeFor(prizes: readonly string[], rank: number): string | null {
  return prizes[rank - 1] ?? prizes[prizes.length - 1] ?? null;
}

const MONTHS: Record<WinnerLanguage, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

/** A date in words, in UTC: the same on every server and in every browser. */
export function dateInWords(ms: number, language: WinnerLanguage): string {
  const d = new Date(ms);
  const day = d.getUTCDate();
  return `${language === 'fr' && day === 1 ? '1er' : day} ${MONTHS[language][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** A paragraph's words, as text or HTML: `value` parts are the entrant's and merchant's text, escaped in HTML. */
type Part = string | { value: string } | { link: string };
type Paragraph = Part[];

const v = (value: string) => ({ value });
const link = (url: string) => ({ link: url });

interface Words {
  subject: (f: WinnerFacts) => string;
  body: (f: WinnerFacts, deadline: string) => Paragraph[];
  /** The short text's parts, from the fullest to the barest; the first that fits is used. */
  short: (f: WinnerFacts, deadline: string) => ((name: string | null, prize: string | null) => string);
}

const WORDS: Record<WinnerLanguage, Words> = {
  en: {
    subject: (f) => `You won in ${f.campaignName}!`,
    body: (f, deadline) => [
      [f.author ? 'Congratulations ' : 'Congratulations!', ...(f.author ? [v(`@${f.author}`), '!'] : [])],
      [
        f.method === 'draw' ? 'Your entry to ' : 'Our jury picked your entry to ',
        v(f.campaignName),
        f.method === 'draw' ? ` was drawn as a winner${f.entries !== null ? ` among ${f.entries} eligible ${f.entries === 1 ? 'entry' : 'entries'}` : ''}. ` : '. ',
        ...(f.prize ? ['You win: ', v(f.prize), '.'] : ['You are one of the winners.']),
      ],
      [
        'To claim your prize, ',
        ...(f.instagram && f.brandHandle ? ['send a direct message to ', v(`@${f.brandHandle}`), ' on Instagram'] : ['reply to this message']),
        ` with your full name and where to send it, by ${deadline}. After that date the prize may no longer be available.`,
      ],
      [f.method === 'draw' ? 'The draw is public and anyone can check it: ' : 'The result is public: ', link(f.proofUrl)],
      ['Thank you for taking part,', '\n', v(f.brandName)],
    ],
    short: (f, deadline) => (name, prize) =>
      `Congratulations${f.author ? ` @${f.author}` : ''}! You won${prize ? ` ${prize}` : ''}${name ? ` in ${name}` : ''} 🎉 To claim it, send us a DM by ${deadline}. Proof: ${f.proofUrl}`,
  },
  fr: {
    subject: (f) => `Vous avez gagné : ${f.campaignName} !`,
    body: (f, deadline) => [
      [f.author ? 'Félicitations ' : 'Félicitations !', ...(f.author ? [v(`@${f.author}`), ' !'] : [])],
      [
        f.method === 'draw' ? 'Votre participation à ' : 'Notre jury a choisi votre participation à ',
        v(f.campaignName),
        f.method === 'draw' ? ` a été tirée au sort${f.entries !== null ? ` parmi ${f.entries} participation${f.entries === 1 ? '' : 's'} éligible${f.entries === 1 ? '' : 's'}` : ''}. ` : '. ',
        ...(f.prize ? ['Vous gagnez : ', v(f.prize), '.'] : ['Vous faites partie des gagnants.']),
      ],
      [
        'Pour recevoir votre lot, ',
        ...(f.instagram && f.brandHandle ? ['envoyez un message privé à ', v(`@${f.brandHandle}`), ' sur Instagram'] : ['répondez à ce message']),
        ` avec vos nom et prénom et l'adresse où l'envoyer, avant le ${deadline}. Passé cette date, le lot pourrait ne plus être disponible.`,
      ],
      [f.method === 'draw' ? 'Le tirage est public et chacun peut le vérifier : ' : 'Le résultat est public : ', link(f.proofUrl)],
      ['Merci de votre participation,', '\n', v(f.brandName)],
    ],
    short: (f, deadline) => (name, prize) =>
      `Félicitations${f.author ? ` @${f.author}` : ''} ! Vous avez gagné${prize ? ` ${prize}` : ''}${name ? ` (${name})` : ''} 🎉 Pour le recevoir, écrivez-nous en message privé avant le ${deadline}. Preuve : ${f.proofUrl}`,
  },
};

const asText = (p: Paragraph) => p.map((part) => (typeof part === 'string' ? part : 'value' in part ? part.value : part.link)).join('');
const asHtml = (p: Paragraph) =>
  p.map((part) => (typeof part === 'string' ? escapeHtml(part).replace(/\n/g, '<br>') : 'value' in part ? escapeHtml(part.value) : `<a href="${escapeHtml(part.link)}">${escapeHtml(part.link)}</a>`)).join('');

/** The short text: whole if it fits, else without the prize, else with the campaign's name shortened to the room left, else without it. */
function shortText(f: WinnerFacts, deadline: string): string {
  const build = WORDS[f.language].short(f, deadline);
  for (const text of [build(f.campaignName, f.prize), build(f.campaignName, null)]) if (text.length <= SHORT_MAX) return text;
  // The room for the name: what a one-letter name leaves, plus that letter.
  const room = SHORT_MAX - build('x', null).length + 1;
  if (room >= 12) return build(shortenText(f.campaignName, room), null);
  // Only a public URL of well over 100 characters gets here; cut, it still says what happened.
  return shortenText(build(null, null), SHORT_MAX);
}

export function winnerMessage(f: WinnerFacts): WinnerMessage {
  const words = WORDS[f.language];
  const deadline = dateInWords(f.claimBy, f.language);
  const paragraphs = words.body(f, deadline);
  return {
    language: f.language,
    subject: words.subject(f),
    text: paragraphs.map(asText).join('\n\n'),
    html: paragraphs.map((p) => `<p>${asHtml(p)}</p>`).join('\n'),
    short: f.instagram ? shortText(f, deadline) : null,
  };
}
