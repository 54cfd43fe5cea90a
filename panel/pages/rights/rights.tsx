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

const LANGUAGES = Object.keys(REQUEST_LANGUAGES) as RequestLanguage[];
const EXPIRING_DAYS = { '30': 'within 30 days', '90': 'within 90 days', '365': 'within a year' };
const DAY_MS = 86_400_000;

/** The usage terms authors agree to, and the permissions about to end. */
export function RightsPage() {
  const canEdit = can(useStore($session), 'rights');
  return (
    <section aria-labelledby="rights-title" class="page narrow">
      <h1 id="rights-title">Rights</h1>
      <p class="muted">
        Authors read these terms on the signed page their request links to, and agree, decline or later withdraw there (or by replying on
        Instagram). Ask for rights from the inbox: <kbd>q</kbd> on a post or a selection.
      </p>
      <TermsSection canEdit={canEdit} />
      <ExpiringSoon />
    </section>
  );
}

const scopeText = (scope: RightsScope[]) => scope.map((s) => RIGHTS_SCOPES[s] ?? s).join(', ');
const durationText = (days: number | null) => (days === null ? 'No end date (can be withdrawn at any time)' : `${days} days from the author’s agreement`);

function TermsSection({ canEdit }: { canEdit: boolean }) {
  const [terms, setTerms] = useState<Terms[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.terms().then(({ terms }) => setTerms(terms), (e: unknown) => setError(messageOf(e)));
  }, []);
  if (error) return <p role="alert">Could not load the terms: {error}</p>;
  if (!terms) return <p class="muted">Loading the terms…</p>;
  const versions = (language: RequestLanguage) => terms.filter((t) => t.language === language).sort((a, b) => b.version - a.version);
  return (
    <>
      <section class="card stack" aria-labelledby="terms-title">
        <h2 id="terms-title">Usage terms</h2>
        {LANGUAGES.map((language) => (
          <TermsHistory key={language} language={language} versions={versions(language)} englishExists={versions('en').length > 0} />
        ))}
      </section>
      {canEdit && <PublishTerms versions={versions} onPublished={(t) => setTerms((old) => [t, ...(old ?? [])])} />}
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
            ? 'No terms in this language: requests in it use the English terms.'
            : 'No terms yet: rights cannot be requested until terms are published. The form below starts from a text to review.'}
        </p>
      ) : (
        <>
          <TermsVersion terms={current} current />
          {earlier.length > 0 && (
            <details>
              <summary>
                Earlier versions ({earlier.length}), kept as published: consent given under them still points to them
              </summary>
              {earlier.map((t) => (
                <TermsVersion key={t.id} terms={t} current={false} />
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
    <article class="terms-version" data-version={terms.version} aria-label={`Version ${terms.version}`}>
      <p class="terms-head">
        <strong>Version {terms.version}</strong>
        {current && <span class="badge rights-granted">Current: new requests use it</span>}
        <span class="muted">published {day(terms.createdAt)}</span>
      </p>
      <p>
        <strong>{terms.title}</strong>
      </p>
      <p class="caption">{terms.body}</p>
      <dl class="facts">
        <dt>Where</dt>
        <dd>{scopeText(terms.scope)}</dd>
        <dt>How long</dt>
        <dd>{durationText(terms.durationDays)}</dd>
        <dt>Fingerprint</dt>
        <dd>
          <code title="SHA-256 of the title, text, scope and duration: consent records keep it">{terms.contentHash.slice(0, 16)}…</code>
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
    announce(`Published version ${terms.version} of the ${REQUEST_LANGUAGES[terms.language]} terms.`, false);
  });
  return (
    <form class="card stack publish-terms" onSubmit={form.onSubmit} aria-labelledby="publish-title">
      <h2 id="publish-title">{current ? 'Publish a new version' : `Publish your first terms in ${REQUEST_LANGUAGES[language]}`}</h2>
      {!current && (
        <p class="starter-note">
          Filled in with a starting text: read it, change what does not fit your brand or your country’s law, then publish it as it stands below.
        </p>
      )}
      <p class="muted">
        Publishing creates version {next} in {REQUEST_LANGUAGES[language]}; {current ? `version ${current.version} is not changed` : 'there is none before it'}. Consent
        already given stays tied to the exact text and fingerprint the author saw. Requests made from now on use version {next}.
      </p>
      <FormError error={form.error} />
      <SelectField form={form} name="language" label="Language" options={REQUEST_LANGUAGES} value={language} onChange={(v) => setLanguage(v as RequestLanguage)} />
      {/* Keyed by language and version: the fields start again from the text being replaced. */}
      <fieldset class="stack" key={`${language}-${next}`}>
        <Field form={form} name="title" label="Title" required maxLength={200} defaultValue={start.title} />
        <label>
          Text the author agrees to
          <textarea name="body" rows={6} required minLength={20} maxLength={20000} defaultValue={start.body} aria-invalid={form.invalid('body')} />
        </label>
        <fieldset class="row">
          <legend>Where the photos may be shown</legend>
          {(Object.entries(RIGHTS_SCOPES) as [RightsScope, string][]).map(([value, label]) => (
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
              Duration in days <span class="muted">(empty: no end date; withdrawal is always possible)</span>
            </>
          }
          type="number"
          min={1}
          max={3650}
          defaultValue={start.durationDays == null ? '' : String(start.durationDays)}
        />
      </fieldset>
      <button type="submit" class="primary" disabled={form.busy}>
        Publish version {next}
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
      <h2 id="expiring-title">Expiring soon</h2>
      <div class="row">
        <SelectField name="days" label="Ending" options={EXPIRING_DAYS} value={days} onChange={setDays} />
      </div>
      {error && <p role="alert">Could not load them: {error}</p>}
      {!error && !posts && <p class="muted">Loading…</p>}
      {posts && posts.length === 0 && <p class="muted">No permission ends in the next {days} days.</p>}
      {posts && posts.length > 0 && (
        <ul class="plain">
          {posts.map((post) => {
            const left = Math.max(0, Math.ceil((Date.parse(post.expiresAt) - today) / DAY_MS));
            return (
              <li key={post.id} data-post-id={post.id}>
                <strong>{post.author ? `@${post.author}` : 'Unknown author'}</strong> <span class="muted">({post.id})</span> — ends {day(post.expiresAt)},{' '}
                {left === 1 ? 'in 1 day' : `in ${left} days`}; the post then leaves every gallery.
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
