/**
 * The hashtags and words a caption uses, for the Trends page. Each is counted once per caption
 * (a post that repeats a tag ten times is one post using it), folded to lower case in NFC so
 * `#Été` and `#été` are one tag. Mentions, links and hashtags are not words; short words and the
 * commonest words of the languages Vitrine serves are dropped, so what rises is what people say.
 */
const HASHTAG = /#([\p{L}\p{M}\p{N}_]+)/gu;
const NOT_WORDS = /(?:https?:\/\/\S+|www\.\S+|[#@][\p{L}\p{M}\p{N}_.]+)/gu;
const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*/gu;
/** Shorter words are mostly grammar in every language here. */
const MIN_WORD_CODE_POINTS = 4;
/** A tag or word longer than this is noise (or an attack on the page), not a trend. */
const MAX_TERM_CODE_POINTS = 60;

// The commonest words of 4+ letters in EN, FR, DE, ES, IT and NL: they rise with any volume.
const STOP_WORDS = new Set(
  `this that with from have just what your yours will been were they them then than there their these those when where which while about after again also back because before being best
  could does doing down each even every here into like love made make more most much must only other over really same should some such very want well would today still thanks thank
  avec dans pour mais plus tout tous toute toutes très cette comme fait faire sont nous vous leur leurs elle elles aussi encore merci chez sans sous entre depuis quand alors donc être avoir même
  aber auch dass dein deine eine einen einem einer nicht noch oder sehr sind unser unsere wenn wird wurde habe haben heute immer mein meine mehr schon über nach
  este esta estos estas como pero para porque cuando donde desde hasta muy todo toda todos todas tengo tiene hace nuestro nuestra gracias
  anche come ogni ancora molto questo questa questi sono tutto tutti tutta della delle degli nella nelle grazie quando dove perché
  voor niet maar zijn deze onze heel veel door naar heeft hebben wordt want omdat`
    .split(/\s+/)
    .filter(Boolean),
);

const codePoints = (text: string) => [...text].length;
const fold = (term: string) => term.normalize('NFC').toLowerCase();

export interface CaptionTerms {
  hashtags: string[];
  words: string[];
}

export function captionTerms(caption: string): CaptionTerms {
  const hashtags = new Set<string>();
  for (const match of caption.matchAll(HASHTAG)) {
    const tag = fold(match[1]!);
    if (codePoints(tag) <= MAX_TERM_CODE_POINTS && !/^\d+$/.test(tag)) hashtags.add(tag);
  }
  const words = new Set<string>();
  for (const match of caption.replace(NOT_WORDS, ' ').matchAll(WORD)) {
    const word = fold(match[0]).replace(/’/g, "'");
    const length = codePoints(word);
    if (length >= MIN_WORD_CODE_POINTS && length <= MAX_TERM_CODE_POINTS && !STOP_WORDS.has(word)) words.add(word);
  }
  return { hashtags: [...hashtags], words: [...words] };
}
