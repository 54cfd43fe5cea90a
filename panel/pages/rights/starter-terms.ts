import type { RequestLanguage, RightsScope } from '../../../shared/admin-types.ts';

/**
 * A starting text for a workspace's first terms, in every language requests are sent in: plain
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
  de: {
    title: 'Erlaubnis, dein Foto zu zeigen',
    body:
      'Mit deiner Zustimmung erlaubst du uns, das Foto oder Video, das du auf Instagram gepostet hast, mit Nennung deines Kontos auf unserer Website und in unserem Onlineshop zu zeigen, ' +
      'wo Besucher die darauf gezeigten Produkte sehen können. Wir verändern es nicht, außer durch Zuschneiden oder Verkleinern, und wir verkaufen es nicht und geben es an niemanden weiter. ' +
      'Alle Rechte an deinem Foto bleiben bei dir. Du kannst diese Erlaubnis jederzeit über den Link in unserer Nachricht widerrufen: Das Foto verschwindet dann sofort von unserer Website.',
    scope: ['website'],
    durationDays: null,
  },
  es: {
    title: 'Permiso para mostrar tu foto',
    body:
      'Al aceptar, nos permites mostrar la foto o el vídeo que publicaste en Instagram, citando tu cuenta, en nuestra web y en nuestra tienda online, ' +
      'donde los visitantes pueden ver los productos que aparecen. No la modificaremos, salvo para recortarla o cambiar su tamaño, y no la venderemos ni se la daremos a nadie. ' +
      'Conservas todos los derechos sobre tu foto. Puedes retirar este permiso en cualquier momento desde el enlace de nuestro mensaje: la foto sale entonces de nuestra web al instante.',
    scope: ['website'],
    durationDays: null,
  },
  it: {
    title: 'Permesso di mostrare la tua foto',
    body:
      'Accettando, ci permetti di mostrare la foto o il video che hai pubblicato su Instagram, citando il tuo account, sul nostro sito e nel nostro negozio online, ' +
      'dove i visitatori possono vedere i prodotti che vi compaiono. Non la modificheremo, se non per ritagliarla o ridimensionarla, e non la venderemo né la cederemo a nessuno. ' +
      'Mantieni tutti i diritti sulla tua foto. Puoi revocare questo permesso in qualsiasi momento tramite il link nel nostro messaggio: la foto lascia subito il nostro sito.',
    scope: ['website'],
    durationDays: null,
  },
};
