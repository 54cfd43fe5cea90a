import { useStore } from '@nanostores/preact';
import { atom } from 'nanostores';
import { redirectPage } from '@nanostores/router';
import { useEffect, useRef } from 'preact/hooks';
import { api, ApiError } from './api.ts';
import { Toast } from './components/toast.tsx';
import { AuditPage } from './pages/audit/audit.tsx';
import { CatalogPage } from './pages/catalog/catalog.tsx';
import { GalleriesPage } from './pages/galleries/galleries.tsx';
import { InboxPage } from './pages/inbox/inbox.tsx';
import { InstagramPage } from './pages/instagram/instagram.tsx';
import { MembersPage } from './pages/members/members.tsx';
import { LazyReportsPage } from './pages/reports/lazy.tsx';
import { LazyCampaignsPage } from './pages/campaigns/lazy.tsx';
import { RightsPage } from './pages/rights/rights.tsx';
import { RulesPage } from './pages/rules/rules.tsx';
import { SettingsPage } from './pages/settings/settings.tsx';
import { SetupPage } from './pages/setup/setup.tsx';
import { SourcesPage } from './pages/sources/sources.tsx';
import { AcceptInvitationPage } from './pages/sign-in/accept-invitation.tsx';
import { SignInPage } from './pages/sign-in/sign-in.tsx';
import { undo } from './stores/inbox.ts';
import { $router, type RouteName } from './stores/router.ts';
import { $session, can, startSession, type Ability } from './stores/session.ts';
import { LanguageMenu } from './components/language-menu.tsx';
import { $locale, $wordsLoaded, followUser, t, type MessageKey } from './i18n/i18n.ts';

/** Whether the server has no user yet (first run without the demo): then it offers setup. */
const $setupNeeded = atom(false);

/** Asks the server who is signed in; a 401 means nobody, and maybe nobody exists yet. */
export async function loadSession(): Promise<void> {
  try {
    await startSession(await api.session());
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    $setupNeeded.set((await api.setupNeeded()).needed);
    await followUser(null);
    $session.set(null);
  }
}

/** The pages the top bar links to (the others are reached from these). */
type NavRoute = Exclude<RouteName, 'gallery' | 'acceptInvitation'>;
const NAV: { route: NavRoute; href: string; label: MessageKey; needs?: Ability }[] = [
  { route: 'inbox', href: '/panel/', label: 'nav.inbox' },
  { route: 'rules', href: '/panel/rules', label: 'nav.rules', needs: 'moderate' },
  { route: 'rights', href: '/panel/rights', label: 'nav.rights' },
  { route: 'galleries', href: '/panel/galleries', label: 'nav.galleries' },
  { route: 'campaigns', href: '/panel/campaigns', label: 'nav.campaigns' },
  { route: 'sources', href: '/panel/sources', label: 'nav.sources' },
  { route: 'catalog', href: '/panel/catalog', label: 'nav.catalog', needs: 'curate' },
  { route: 'instagram', href: '/panel/instagram', label: 'nav.instagram' },
  { route: 'settings', href: '/panel/settings', label: 'nav.settings' },
  { route: 'members', href: '/panel/members', label: 'nav.members' },
  { route: 'audit', href: '/panel/audit', label: 'nav.audit' },
  { route: 'reports', href: '/panel/reports', label: 'nav.reports', needs: 'reports' },
];

export function App() {
  const session = useStore($session);
  const setupNeeded = useStore($setupNeeded);
  const page = useStore($router);
  // Every page below re-renders in a language the user switches to.
  useStore($locale);
  const wordsLoaded = useStore($wordsLoaded);
  useEffect(() => {
    loadSession().catch(() => $session.set(null));
  }, []);
  // Analysts land on the reports, once per sign-in; the inbox stays a click away.
  const landed = useRef<string | null>(null);
  useEffect(() => {
    if (!session || landed.current === session.user.id) return;
    landed.current = session.user.id;
    if (session.role === 'analyst' && $router.get()?.route === 'inbox') redirectPage($router, 'reports');
  }, [session]);

  // An invitation link works whoever is signed in: accepting it starts the invitee's own session.
  if (!wordsLoaded) return null;
  if (page?.route === 'acceptInvitation') return <AcceptInvitationPage />;
  if (session === undefined) return <p class="boot muted">{t('common.loading')}</p>;
  if (session === null) return setupNeeded ? <SetupPage /> : <SignInPage />;

  const route = page?.route;
  const signOut = async () => {
    await api.signOut().catch(() => undefined);
    await followUser(null);
    $session.set(null);
  };
  return (
    <div class="shell">
      <a class="skip" href="#main">
        {t('shell.skip')}
      </a>
      <header class="topbar">
        <span class="brand">Vitrine · {session.workspace.name}</span>
        <nav aria-label={t('shell.nav')}>
          {NAV.filter((item) => !item.needs || can(session, item.needs)).map((item) => (
            <a key={item.route} href={item.href} aria-current={route === item.route || (item.route === 'galleries' && route === 'gallery') ? 'page' : undefined}>
              {t(item.label)}
            </a>
          ))}
        </nav>
        <span class="who muted">
          {session.user.email} ({t(`role.${session.role}`)})
        </span>
        <LanguageMenu />
        <button type="button" class="link" onClick={() => void signOut()}>
          {t('shell.signOut')}
        </button>
      </header>
      <div id="main" class="content">
        {route === 'inbox' ? (
          <InboxPage />
        ) : route === 'rules' ? (
          <RulesPage />
        ) : route === 'rights' ? (
          <RightsPage />
        ) : route === 'galleries' || route === 'gallery' ? (
          <GalleriesPage selectedId={page?.route === 'gallery' ? page.params.id : null} />
        ) : route === 'campaigns' ? (
          <LazyCampaignsPage />
        ) : route === 'sources' ? (
          <SourcesPage />
        ) : route === 'catalog' ? (
          <CatalogPage />
        ) : route === 'instagram' ? (
          <InstagramPage />
        ) : route === 'settings' ? (
          <SettingsPage />
        ) : route === 'members' ? (
          <MembersPage />
        ) : route === 'audit' ? (
          <AuditPage />
        ) : route === 'reports' ? (
          <LazyReportsPage />
        ) : (
          <p>
            {t('shell.notFound')} <a href="/panel/">{t('shell.toInbox')}</a>
          </p>
        )}
      </div>
      <Toast onUndo={() => void undo()} />
    </div>
  );
}
