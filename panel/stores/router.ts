import { createRouter } from '@nanostores/router';

/** The panel's pages, served under /panel/ (the invitation link points at accept-invitation). */
export const $router = createRouter({
  inbox: '/panel/',
  rules: '/panel/rules',
  galleries: '/panel/galleries',
  campaigns: '/panel/campaigns',
  gallery: '/panel/galleries/:id',
  instagram: '/panel/instagram',
  sources: '/panel/sources',
  catalog: '/panel/catalog',
  rights: '/panel/rights',
  settings: '/panel/settings',
  members: '/panel/members',
  audit: '/panel/audit',
  reports: '/panel/reports',
  acceptInvitation: '/panel/accept-invitation',
});

export type RouteName = NonNullable<ReturnType<typeof $router.get>>['route'];
