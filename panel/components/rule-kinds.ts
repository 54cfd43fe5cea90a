import type { ModerationRule } from '../../shared/admin-types.ts';
import { t } from '../i18n/i18n.ts';

/** What each kind of auto-moderation rule is called and does (the rules page and the inbox say it the same way). */
export const RULE_KIND_NAMES: readonly ModerationRule['kind'][] = ['blocked_word', 'blocked_hashtag', 'blocked_author', 'trusted_author', 'min_resolution'];
export const ruleKind = (kind: ModerationRule['kind']): { label: string; hint: string } => ({ label: t(`rule.${kind}.label`), hint: t(`rule.${kind}.hint`) });
