import { render } from 'preact';
import { App } from './app.tsx';
import { followUser } from './i18n/i18n.ts';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('panel/index.html must contain #app');
// The browser's language, fetched while the app asks for the session; a signed-in user's own
// language follows with their session (app.tsx), which waits for it.
void followUser(null);
render(<App />, root);
