/** Test fixtures imported as text (`import feed from './fixtures/feed.xml?raw'`): vite reads them on both runtimes. */
declare module '*?raw' {
  const text: string;
  export default text;
}
