import type { RequestLanguage, RightsScope } from '../../../shared/admin-types.ts';

/**
 * A starting text for a workspace's first terms, in the languages requests are sent in: plain
 * words on what the author allows, what the brand will not do, and how to withdraw. The
 * merchant reviews it (it is not legal advice for their country) before publishing it.
 */
export const STARTER_TERMS: Record<RequestLanguage, { title: string; body: string; scope: RightsScope[]; durationDays: number | null }> = {
  en: {
    title: 'Permission to show your photo',
    body:
      'By agreeing, you allow us to show the photo or video you posted on Instagram, credited to your account, on our website and in our online shop, ' +
      'where visitors can see the products it shows. We will not change it beyond cropping or resizing it, and we will not sell it or give it to anyone. ' +
      'You keep every right to your photo. You can withdraw this permission at any time through the link in our message: the photo then leaves our website at once.',
    scope: ['website'],
    durationDays: null,
  },
  fr: {
    title: 'Autorisation de montrer votre photo',
    body:
      'En acceptant, vous nous autorisez à montrer la photo ou la vidéo que vous avez publiée sur Instagram, avec le nom de votre compte, sur notre site et dans notre boutique en ligne, ' +
      'où les visiteurs peuvent voir les produits qu’elle présente. Nous ne la modifierons pas, sauf pour la recadrer ou la redimensionner, et nous ne la vendrons ni ne la céderons à personne. ' +
      'Vous gardez tous vos droits sur votre photo. Vous pouvez retirer cette autorisation à tout moment grâce au lien de notre message : la photo quitte alors notre site immédiatement.',
    scope: ['website'],
    durationDays: null,
  },
};
