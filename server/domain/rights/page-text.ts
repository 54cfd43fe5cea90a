/** The rights page's words, per language. The author reads these before deciding. */
export const PAGE_LANGUAGES = ['en', 'fr'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export const PAGE_TEXT = {
  en: {
    title: (brand: string) => `${brand} asks to use your photo`,
    // The photo, when there is one to show, is above these words.
    intro: (brand: string, shown: boolean) => `${brand} would like to show ${shown ? 'the photo above' : 'your photo'} on its site. Please read what that means before you decide. You can change your mind at any time on this same page.`,
    who: 'Who is asking',
    terms: 'The terms',
    version: (v: number, hash: string) => `Version ${v} · fingerprint ${hash}`,
    scope: 'Where the photo may be used',
    scopes: { website: 'On the brand’s website and online store', social: 'On the brand’s social media', ads: 'In the brand’s advertising', print: 'In print', email: 'In the brand’s emails' } as Record<string, string>,
    duration: (days: number | null) => (days ? `For ${days} days from your agreement.` : 'Until you withdraw your consent.'),
    handle: 'Your Instagram username',
    agree: 'I posted this photo, and I agree to the terms above.',
    grant: 'I agree',
    decline: 'No, thank you',
    granted: 'Thank you! You agreed to these terms.',
    grantedAt: (date: string) => `Agreed on ${date}.`,
    withdrawIntro: 'Changed your mind? Withdraw with one click: the photo is removed from the brand’s site at once.',
    withdraw: 'Withdraw my consent',
    withdrawn: (date: string) => `You withdrew your consent on ${date}. The photo is no longer shown.`,
    declined: 'You said no. The photo will not be used. If you change your mind, you can still agree below.',
    eraseIntro: 'You can also ask for your photo and its text to be deleted from the brand’s systems. A minimal record that you asked is kept, as the law requires.',
    erase: 'Delete my photo and its text',
    erased: 'Your photo and its text were deleted.',
    verifyPending: 'Your photo is not shown yet: one more step.',
    verifyTitle: 'Confirm from your Instagram account',
    verifyIntro: (author: string | null) => `So that nobody can agree in your name, reply from ${author ? `your account @${author}` : 'the Instagram account that posted the photo'} with exactly this text:`,
    verifyWhere: (brand: string, until: string) => `Reply under our comment on your post, or comment on any post of @${brand}. The code works once, until ${until}.`,
    erasurePending: (date: string) => `Your photo was taken down. Because this request could not be confirmed from the author’s Instagram account, the photo and its text will be deleted on ${date}.`,
    linkExpired: 'This link no longer accepts new agreements. Ask the brand for a new one.',
    wrongHandle: 'This photo was posted by another Instagram account. Only its author can agree.',
    handleMissing: 'Please enter your Instagram username.',
    mustAgree: 'Please tick the box to agree to the terms.',
    replayed: 'This page was already answered. Here is where things stand now.',
    notFound: 'This link is not valid. Check that it was copied whole.',
    controller: (brand: string, handle: string | null) => `${brand}${handle ? ` (@${handle} on Instagram)` : ''} decides how the photo is used and is responsible for it.`,
  },
  fr: {
    title: (brand: string) => `${brand} vous demande d’utiliser votre photo`,
    intro: (brand: string, shown: boolean) => `${brand} aimerait montrer ${shown ? 'la photo ci-dessus' : 'votre photo'} sur son site. Lisez ce que cela implique avant de décider. Vous pourrez changer d’avis à tout moment sur cette même page.`,
    who: 'Qui le demande',
    terms: 'Les conditions',
    version: (v: number, hash: string) => `Version ${v} · empreinte ${hash}`,
    scope: 'Où la photo peut être utilisée',
    scopes: { website: 'Sur le site et la boutique en ligne de la marque', social: 'Sur les réseaux sociaux de la marque', ads: 'Dans les publicités de la marque', print: 'Sur des supports imprimés', email: 'Dans les e-mails de la marque' } as Record<string, string>,
    duration: (days: number | null) => (days ? `Pendant ${days} jours à compter de votre accord.` : 'Jusqu’à ce que vous retiriez votre accord.'),
    handle: 'Votre nom d’utilisateur Instagram',
    agree: 'J’ai publié cette photo et j’accepte les conditions ci-dessus.',
    grant: 'J’accepte',
    decline: 'Non merci',
    granted: 'Merci ! Vous avez accepté ces conditions.',
    grantedAt: (date: string) => `Accepté le ${date}.`,
    withdrawIntro: 'Vous avez changé d’avis ? Retirez votre accord en un clic : la photo est retirée du site de la marque immédiatement.',
    withdraw: 'Retirer mon accord',
    withdrawn: (date: string) => `Vous avez retiré votre accord le ${date}. La photo n’est plus affichée.`,
    declined: 'Vous avez refusé. La photo ne sera pas utilisée. Si vous changez d’avis, vous pouvez encore accepter ci-dessous.',
    eraseIntro: 'Vous pouvez aussi demander la suppression de votre photo et de son texte des systèmes de la marque. Une trace minimale de votre demande est conservée, comme la loi l’exige.',
    erase: 'Supprimer ma photo et son texte',
    erased: 'Votre photo et son texte ont été supprimés.',
    verifyPending: 'Votre photo n’est pas encore affichée : encore une étape.',
    verifyTitle: 'Confirmez depuis votre compte Instagram',
    verifyIntro: (author: string | null) => `Pour que personne ne puisse accepter à votre place, répondez depuis ${author ? `votre compte @${author}` : 'le compte Instagram qui a publié la photo'} avec exactement ce texte :`,
    verifyWhere: (brand: string, until: string) => `Répondez sous notre commentaire sur votre publication, ou commentez n’importe quelle publication de @${brand}. Le code ne sert qu’une fois, jusqu’au ${until}.`,
    erasurePending: (date: string) => `Votre photo a été retirée. Comme cette demande n’a pas pu être confirmée depuis le compte Instagram de l’auteur, la photo et son texte seront supprimés le ${date}.`,
    linkExpired: 'Ce lien n’accepte plus de nouvel accord. Demandez-en un nouveau à la marque.',
    wrongHandle: 'Cette photo a été publiée par un autre compte Instagram. Seul son auteur peut accepter.',
    handleMissing: 'Indiquez votre nom d’utilisateur Instagram.',
    mustAgree: 'Cochez la case pour accepter les conditions.',
    replayed: 'Cette page a déjà reçu une réponse. Voici où en sont les choses.',
    notFound: 'Ce lien n’est pas valide. Vérifiez qu’il a été copié en entier.',
    controller: (brand: string, handle: string | null) => `${brand}${handle ? ` (@${handle} sur Instagram)` : ''} décide de l’usage de la photo et en est responsable.`,
  },
} satisfies Record<PageLanguage, unknown>;

/** The page's language: asked for in the URL, else the browser's first supported, else the request's. */
export function pickLanguage(query: string | undefined, acceptLanguage: string | undefined, fallback: string): PageLanguage {
  const supported = (lang: string | undefined): lang is PageLanguage => PAGE_LANGUAGES.includes(lang as PageLanguage);
  if (supported(query)) return query;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const lang = part.trim().slice(0, 2).toLowerCase();
    if (supported(lang)) return lang;
  }
  return supported(fallback) ? fallback : 'en';
}
