import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { RequestLanguage, RightsScope, Terms } from '../../../shared/admin-types.ts';
import { api, messageOf, REQUEST_LANGUAGES, RIGHTS_SCOPES } from '../../api.ts';
import { Field, FormError, SelectField, text, useSubmit } from '../../components/form.tsx';
import { day } from '../../components/rights.tsx';
import { announce } from '../../stores/announcer.ts';
import { $session, can } from '../../stores/session.ts';
import { now } from '../../clock.ts';
import { STARTER_TERMS } from './starter-terms.ts';
import { t, tn } from '../../i18n/i18n.ts';

const LANGUAGES = Object.keys(REQUEST_LANGUAGES) as RequestLanguage[];
const expiringDays = () => ({ '30': t('terms.within30'), '90': t('terms.within90'), '365': t('terms.withinYear') });
const scopes = () => Object.fromEntries((Object.keys(RIGHTS_SCOPES) as RightsScope[]).map((scope) => [scope, t(`scope.${scope}`)])) as Record<RightsScope, string>;
const DAY_MS = 86_400_000;

/** The usage terms authors agree to, and the permissions about to end. */
export function RightsPage() {
  const canEdit = can(useStore($session), 'rights');
  return (
    <section aria-labelledby="rights-title" class="page narrow">
      <h1 id="rights-title">{t('nav.rights')}</h1>
      <p class="muted">
        {t('terms.intro')} <kbd>q</kbd> {t('terms.introKey')}
      </p>
      <TermsSection canEdit={canEdit} />
      <ExpiringSoon />
    </section>
  );
}

const scopeText = (scope: RightsScope[]) => scope.map((s) => (s in RIGHTS_SCOPES ? t(`scope.${s}`) : s)).join(', ');
const durationText = (days: number | null) => (days === null ? t('terms.noEnd') : t('terms.days', { days }));

function TermsSection({ canEdit }: { canEdit: boolean }) {
  const [terms, setTerms] = useState<Terms[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.terms().then(({ terms }) => setTerms(terms), (e: unknown) => setError(messageOf(e)));
  }, []);
  if (error) return <p role="alert">{t('terms.loadFailed', { reason: error })}</p>;
  if (!terms) return <p class="muted">{t('terms.loading')}</p>;
  const versions = (language: RequestLanguage) => terms.filter((version) => version.language === language).sort((a, b) => b.version - a.version);
  return (
    <>
      <section class="card stack" aria-labelledby="terms-title">
        <h2 id="terms-title">{t('terms.title')}</h2>
        {LANGUAGES.map((language) => (
          <TermsHistory key={language} language={language} versions={versions(language)} englishExists={versions('en').length > 0} />
        ))}
      </section>
      {canEdit && <PublishTerms versions={versions} onPublished={(published) => setTerms((old) => [published, ...(old ?? [])])} />}
    </>
  );
}

/** One language's terms: the current version in full, the earlier ones folded away, all as they were published. */
export function TermsHistory({ language, versions, englishExists }: { language: RequestLanguage; versions: Terms[]; englishExists: boolean }) {
  const [current, ...earlier] = versions;
  return (
    <div class="terms" data-language={language}>
      <h3>{REQUEST_LANGUAGES[language]}</h3>
      {!current ? (
        <p class="muted">
          {language !== 'en' && englishExists
            ? t('terms.useEnglish')
            : t('terms.none')}
        </p>
      ) : (
        <>
          <TermsVersion terms={current} current />
          {earlier.length > 0 && (
            <details>
              <summary>
                {t('terms.earlier', { count: earlier.length })}
              </summary>
              {earlier.map((version) => (
                <TermsVersion key={version.id} terms={version} current={false} />
              ))}
            </details>
          )}
        </>
      )}
    </div>
  );
}

function TermsVersion({ terms, current }: { terms: Terms; current: boolean }) {
  return (
    <article class="terms-version" data-version={terms.version} aria-label={t('terms.version', { version: terms.version })}>
      <p class="terms-head">
        <strong>{t('terms.version', { version: terms.version })}</strong>
        {current && <span class="badge rights-granted">{t('terms.current')}</span>}
        <span class="muted">{t('terms.published', { date: day(terms.createdAt) })}</span>
      </p>
      <p>
        <strong>{terms.title}</strong>
      </p>
      <p class="caption">{terms.body}</p>
      <dl class="facts">
        <dt>{t('terms.where')}</dt>
        <dd>{scopeText(terms.scope)}</dd>
        <dt>{t('terms.howLong')}</dt>
        <dd>{durationText(terms.durationDays)}</dd>
        <dt>{t('terms.fingerprint')}</dt>
        <dd>
          <code title={t('terms.fingerprintHelp')}>{terms.contentHash.slice(0, 16)}…</code>
        </dd>
      </dl>
    </article>
  );
}

/**
 * A change of terms is a new version, never an edit: the form starts from the current text in the
 * chosen language (or, for a first version, from a starting text to review), and publishing adds
 * the next version beside it.
 */
export function PublishTerms({ versions, onPublished }: { versions: (language: RequestLanguage) => Terms[]; onPublished: (terms: Terms) => void }) {
  const [language, setLanguage] = useState<RequestLanguage>('en');
  const current = versions(language)[0];
  const next = (current?.version ?? 0) + 1;
  const start = current ?? STARTER_TERMS[language];
  const form = useSubmit(async (data) => {
    const duration = text(data, 'durationDays');
    const terms = await api.publishTerms({
      language,
      title: text(data, 'title'),
      body: text(data, 'body'),
      scope: data.getAll('scope') as RightsScope[],
      durationDays: duration === '' ? null : Number(duration),
    });
    onPublished(terms);
    announce(t('terms.publishedAnnounce', { version: terms.version, language: REQUEST_LANGUAGES[terms.language] }), false);
  });
  return (
    <form class="card stack publish-terms" onSubmit={form.onSubmit} aria-labelledby="publish-title">
      <h2 id="publish-title">{current ? t('terms.publishNew') : t('terms.publishFirst', { language: REQUEST_LANGUAGES[language] })}</h2>
      {!current && (
        <p class="starter-note">
          {t('terms.starter')}
        </p>
      )}
      <p class="muted">
        {t('terms.publishing', { next, language: REQUEST_LANGUAGES[language], before: current ? t('terms.unchanged', { version: current.version }) : t('terms.noneBefore') })}
      </p>
      <FormError error={form.error} />
      <SelectField form={form} name="language" label={t('shell.language')} options={REQUEST_LANGUAGES} value={language} onChange={(v) => setLanguage(v as RequestLanguage)} />
      {/* Keyed by language and version: the fields start again from the text being replaced. */}
      <fieldset class="stack" key={`${language}-${next}`}>
        <Field form={form} name="title" label={t('terms.titleLabel')} required maxLength={200} defaultValue={start.title} />
        <label>
          {t('terms.body')}
          <textarea name="body" rows={6} required minLength={20} maxLength={20000} defaultValue={start.body} aria-invalid={form.invalid('body')} />
        </label>
        <fieldset class="row">
          <legend>{t('terms.scope')}</legend>
          {(Object.entries(scopes()) as [RightsScope, string][]).map(([value, label]) => (
            <label key={value} class="check-label">
              <input type="checkbox" name="scope" value={value} defaultChecked={start.scope.includes(value)} aria-invalid={form.invalid('scope')} />
              {label}
            </label>
          ))}
        </fieldset>
        <Field
          form={form}
          name="durationDays"
          label={
            <>
              {t('terms.duration')} <span class="muted">{t('terms.durationHint')}</span>
            </>
          }
          type="number"
          min={1}
          max={3650}
          defaultValue={start.durationDays == null ? '' : String(start.durationDays)}
        />
      </fieldset>
      <button type="submit" class="primary" disabled={form.busy}>
        {t('terms.publish', { version: next })}
      </button>
    </form>
  );
}

/** Granted permissions ending soon, soonest first: ask again before the posts leave the galleries. */
function ExpiringSoon() {
  const [days, setDays] = useState('30');
  const [posts, setPosts] = useState<{ id: string; author: string | null; expiresAt: string }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setPosts(null);
    setError(null);
    api.expiring(Number(days)).then(({ posts }) => setPosts(posts), (e: unknown) => setError(messageOf(e)));
  }, [days]);
  const today = now();
  return (
    <section class="card stack expiring" aria-labelledby="expiring-title">
      <h2 id="expiring-title">{t('terms.expiring')}</h2>
      <div class="row">
        <SelectField name="days" label={t('terms.ending')} options={expiringDays()} value={days} onChange={setDays} />
      </div>
      {error && <p role="alert">{t('terms.expiringFailed', { reason: error })}</p>}
      {!error && !posts && <p class="muted">{t('common.loading')}</p>}
      {posts && posts.length === 0 && <p class="muted">{t('terms.noneEnding', { days })}</p>}
      {posts && posts.length > 0 && (
        <ul class="plain">
          {posts.map((post) => {
            const left = Math.max(0, Math.ceil((Date.parse(post.expiresAt) - today) / DAY_MS));
            return (
              <li key={post.id} data-post-id={post.id}>
                <strong>{post.author ? `@${post.author}` : t('common.unknownAuthor')}</strong> <span class="muted">({post.id})</span> —{' '}
                {tn('terms.ends', left, { date: day(post.expiresAt) })}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
