import { css } from 'lit';

/**
 * The round icon button's declarations (the carousel's arrows, the lightbox's close and arrows):
 * a 44 px target, as touch guidelines ask. Each rule adds its own background and colour.
 */
// One line: the gallery's first paint ships this text as it is, within its gzip budget.
export const roundButton = css`display:grid;place-items:center;width:2.75rem;height:2.75rem;padding:0;border:1px solid currentColor;border-radius:50%;font:inherit;font-size:1.5rem;line-height:1;cursor:pointer;`;
