import { render } from 'preact';
import { App } from './app.tsx';
import './styles.css';

const root = document.getElementById('app');
if (!root) throw new Error('panel/index.html must contain #app');
render(<App />, root);
