/**
 * Every word the panel shows or says to assistive technology, in English: the panel's first
 * script carries this catalogue; other languages are chunks of their own (fr.ts), typed by
 * `Messages` so that a key missing there fails the typecheck. Keys are grouped by screen;
 * `{name}` marks a value filled in, `.one` / `.other` the forms of a counted message (`tn`).
 */
export const EN = {
  // shell: the top bar, navigation and language menu
  'common.loading': 'Loading…',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.saved': 'Saved.',
  'common.unreachable': 'the server could not be reached',
  'common.httpError': 'The server answered HTTP {status}.',
  'common.fieldRefused': '{label}: {detail}',
  'common.invalidCredentials': 'The email or password is wrong.',
  'common.tooMany': 'Too many attempts. Try again in a few minutes.',
  'nav.inbox': 'Inbox',
  'nav.rules': 'Rules',
  'nav.rights': 'Rights',
  'nav.galleries': 'Galleries',
  'nav.sources': 'Sources',
  'nav.catalog': 'Catalog',
  'nav.instagram': 'Instagram',
  'nav.settings': 'Settings',
  'nav.members': 'Members',
  'nav.audit': 'Audit log',
  'nav.reports': 'Reports',
  'role.owner': 'owner',
  'role.merchandiser': 'merchandiser',
  'role.analyst': 'analyst',
  'shell.skip': 'Skip to content',
  'shell.nav': 'Panel',
  'shell.signOut': 'Sign out',
  'shell.notFound': 'This page does not exist.',
  'shell.toInbox': 'Go to the inbox.',
  'shell.language': 'Language',
  'shell.languageBrowser': 'Browser language',
  'shell.languageNotSaved': 'The language could not be saved: {reason}',
  // sign-in, setup and invitations
  'signIn.title': 'Sign in to Vitrine',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'invitation.title': 'Join the workspace',
  'invitation.noToken': 'This link has no invitation in it. Ask for a new one.',
  'invitation.password': 'Choose a password (at least 10 characters)',
  'invitation.submit': 'Join',
  'setup.title': 'Set up Vitrine',
  'setup.intro': 'Create your workspace and its owner account. You can invite your team afterwards.',
  'setup.token': 'Setup token (in the link the server printed when it started)',
  'setup.workspaceName': 'Brand or workspace name',
  'setup.name': 'Your name',
  'setup.password': 'Password (at least 10 characters)',
  'setup.submit': 'Create the workspace',
  // @@sections
};

export type Messages = { readonly [K in keyof typeof EN]: string };
