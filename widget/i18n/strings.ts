/**
 * Every word the widget shows or says to assistive technology, in English. Other languages are
 * chunks of their own (fr.ts, de.ts, ...), loaded only when chosen (load.ts); a merchant may
 * replace any string with the element's `strings` attribute. `{name}` marks a value filled in.
 */
export const EN = {
  loadMore: 'Load more',
  previousPosts: 'Previous posts',
  nextPosts: 'Next posts',
  openPostBy: 'Open the post by @{user}',
  openPost: 'Open a customer’s post',
  noPosts: 'No posts to show yet.',
  unreachable: 'The gallery could not be reached. Please try again later.',
  notLoaded: 'The gallery could not be loaded (HTTP {status}).',
  close: 'Close',
  previousPost: 'Previous post',
  nextPost: 'Next post',
  previousPhoto: 'Previous photo',
  nextPhoto: 'Next photo',
  photoBy: 'Photo by @{user}',
  customerPhoto: 'Customer photo',
  video: 'Video',
  viewOriginal: 'View the original post',
  shopThisLook: 'Shop this look',
  shop: 'Shop',
  shopProduct: 'Shop: {title}',
  addToCart: 'Add to cart',
  addProduct: 'Add to cart: {title}',
  added: '{title} was added to your cart.',
  notAdded: '{title} could not be added to your cart.',
  in_stock: 'In stock',
  out_of_stock: 'Out of stock',
  preorder: 'Pre-order',
  backorder: 'On backorder',
};

export type Strings = typeof EN;

/** A string with its `{name}` values filled in. */
export const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
