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
import { $session, can, type Ability } from './stores/session.ts';

/** Whether the server has no user yet (first run without the demo): then it offers setup. */
const $setupNeeded = atom(false);

/** Asks the server who is signed in; a 401 means nobody, and maybe nobody exists yet. */
export async function loadSession(): Promise<void> {
  try {
    $session.set(await api.session());
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    $setupNeeded.set((await api.setupNeeded()).needed);
    $session.set(null);
  }
}

/** The pages the top bar links to (the others are reached from these). */
type NavRoute = Exclude<RouteName, 'gallery' | 'acceptInvitation'>;
const NAV: { route: NavRoute; href: string; label: string; needs?: Ability }[] = [
  { route: 'inbox', href: '/panel/', label: 'Inbox' },
  { route: 'rules', href: '/panel/rules', label: 'Rules', needs: 'moderate' },
  { route: 'rights', href: '/panel/rights', label: 'Rights' },
  { route: 'galleries', href: '/panel/galleries', label: 'Galleries' },
  { route: 'campaigns', href: '/panel/campaigns', label: 'Campaigns' },
  { route: 'sources', href: '/panel/sources', label: 'Sources' },
  { route: 'catalog', href: '/panel/catalog', label: 'Catalog', needs: 'curate' },
  { route: 'instagram', href: '/panel/instagram', label: 'Instagram' },
  { route: 'settings', href: '/panel/settings', label: 'Settings' },
  { route: 'members', href: '/panel/members', label: 'Members' },
  { route: 'audit', href: '/panel/audit', label: 'Audit log' },
  { route: 'reports', href: '/panel/reports', label: 'Reports', needs: 'reports' },
];

export function App() {
  const session = useStore($session);
  const setupNeeded = useStore($setupNeeded);
  const page = useStore($router);
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
  if (page?.route === 'acceptInvitation') return <AcceptInvitationPage />;
  if (session === undefined) return <p class="boot muted">Loading…</p>;
  if (session === null) return setupNeeded ? <SetupPage /> : <SignInPage />;

  const route = page?.route;
  const signOut = async () => {
    await api.signOut().catch(() => undefined);
    $session.set(null);
  };
  return (
    <div class="shell">
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <span class="brand">Vitrine · {session.workspace.name}</span>
        <nav aria-label="Panel">
          {NAV.filter((item) => !item.needs || can(session, item.needs)).map((item) => (
            <a key={item.route} href={item.href} aria-current={route === item.route || (item.route === 'galleries' && route === 'gallery') ? 'page' : undefined}>
              {item.label}
            </a>
          ))}
        </nav>
        <span class="who muted">
          {session.user.email} ({session.role})
        </span>
        <button type="button" class="link" onClick={() => void signOut()}>
          Sign out
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
            This page does not exist. <a href="/panel/">Go to the inbox</a>.
          </p>
        )}
      </div>
      <Toast onUndo={() => void undo()} />
    </div>
  );
}
