/** A feed whose structure is broken (not one bad row): the whole file is refused, naming where. */
export class FeedSyntaxError extends Error {}
