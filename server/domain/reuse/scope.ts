/**
 * Whether an author's consent covers a use of their photo. The scope is what the terms they
 * accepted listed (`terms_versions.scope`, copied onto the consent record and onto the post as
 * `posts.rights_scope` when they granted). A use is covered only when it is listed by name:
 * consent given before a scope existed, or with no scope on record, covers nothing new.
 *
 * Scope says where a post may go; whether its consent is still active and verified is the
 * publicness rule's question (posts/publicness.ts). Reuse asks both: `reusableWhere`.
 * `consentCovers` is the rule in plain code and `scopeCoversWhere` the same rule as SQL; the
 * test beside this file checks them against each other for every scope and use.
 */
import { and, sql, type SQL } from 'drizzle-orm';
import { posts, RIGHTS_SCOPES } from '../../db/schema.ts';
import { publicPostWhere } from '../posts/publicness.ts';

export type ConsentUse = (typeof RIGHTS_SCOPES)[number];
export const CONSENT_USES: readonly ConsentUse[] = RIGHTS_SCOPES;

export function consentCovers(scope: readonly unknown[] | null | undefined, use: ConsentUse): boolean {
  return Array.isArray(scope) && scope.includes(use);
}

/**
 * The rule as SQL over `posts.rights_scope` (a JSON array). A null, malformed or non-array scope
 * covers nothing; CASE, unlike AND, is evaluated in order, so json_each never sees malformed JSON.
 */
export function scopeCoversWhere(use: ConsentUse): SQL {
  const scope = posts.rightsScope;
  return sql`(case when ${scope} is null or not json_valid(${scope}) or json_type(${scope}) <> 'array' then 0
    else exists (select 1 from json_each(${scope}) where json_each.type = 'text' and json_each.value = ${use}) end)`;
}

/** A post that may be reused for `use`: public (approved, active verified consent) and in scope. */
export function reusableWhere(use: ConsentUse, now: number): SQL {
  return and(publicPostWhere(now), scopeCoversWhere(use))!;
}
