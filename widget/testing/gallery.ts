/**
 * Helpers for the widget's browser tests, which run against the real API: the fixture app
 * (demo data) answers /v1/ on the test server's own origin (web-test-runner.config.mjs).
 */
import { waitUntil } from '@open-wc/testing';
import type { GalleryPostsResponse, PublicPost } from '../../shared/api-types.ts';
import { defineGallery, type VitrineGallery } from '../gallery/gallery.ts';
import { createTracker } from '../tracking/tracker.ts';

export interface FixtureFacts {
  galleryId: string;
  publicPostIds: string[];
  nonPublicPostIds: string[];
}

/**
 * The page's real tracker, as embed.js builds it, mirroring into `window.dataLayer` so tests
 * can read what the galleries track (its beacons go to the fixture's `/v1/events`). The page has
 * consented (`data-consent="granted"`), so the holdout applies; tracking/consent-first.test.ts
 * covers a page without consent.
 */
export const pageTracker = createTracker({ endpoint: `${location.origin}/v1/events`, workspaceId: null, mirror: true, consent: 'granted' });
defineGallery(location.origin, pageTracker);

/** What the page's galleries tracked so far, as mirrored into the dataLayer (GA4's shape). */
export function trackedEvents(): Record<string, unknown>[] {
  const layer = (window as { dataLayer?: Record<string, unknown>[] }).dataLayer ?? [];
  // As a tag manager reads them: undefined fields are absent.
  return JSON.parse(JSON.stringify(layer.filter((entry) => entry.event))) as Record<string, unknown>[];
}

export async function fixtureFacts(): Promise<FixtureFacts> {
  return (await (await fetch('/__fixture.json')).json()) as FixtureFacts;
}

/** Every public post of the gallery, as the API answers them. */
export async function allPosts(galleryId: string): Promise<PublicPost[]> {
  const page = (await (await fetch(`/v1/galleries/${galleryId}/posts?limit=100`)).json()) as GalleryPostsResponse;
  return page.posts;
}

export function shadow(element: HTMLElement): ShadowRoot {
  if (!element.shadowRoot) throw new Error('the element has no shadow root');
  return element.shadowRoot;
}

export function tileIds(element: VitrineGallery): string[] {
  return Array.from(shadow(element).querySelectorAll<HTMLElement>('[part~="tile"]'), (tile) => tile.dataset.postId ?? '');
}

/** Waits until the element has answered: tiles, an empty or an error state, and no pending page. */
export async function settled(element: VitrineGallery): Promise<VitrineGallery> {
  // Not before the first update: until then the empty shadow root looks settled too.
  await element.updateComplete;
  await waitUntil(() => {
    const root = shadow(element);
    return !root.querySelector('[aria-busy="true"]') && !root.querySelector('[part~="load-more"][disabled]');
  }, 'the gallery did not finish loading');
  await element.updateComplete;
  return element;
}

/** The open lightbox dialog, once it is open. */
export async function openDialog(element: VitrineGallery): Promise<HTMLDialogElement> {
  await waitUntil(() => shadow(element).querySelector('dialog[open]'), 'the lightbox did not open');
  await element.updateComplete;
  return shadow(element).querySelector<HTMLDialogElement>('dialog[open]')!;
}

/** The element that has focus, looking into the gallery's shadow root. */
export function focused(element: VitrineGallery): Element | null {
  return shadow(element).activeElement;
}

export function tileButton(element: VitrineGallery, postId: string): HTMLButtonElement {
  const button = shadow(element).querySelector<HTMLButtonElement>(`[data-post-id="${postId}"] [part~="open"]`);
  if (!button) throw new Error(`no tile for ${postId}`);
  return button;
}
