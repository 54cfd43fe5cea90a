import { useId, useState } from 'preact/hooks';
import { t } from '../i18n/i18n.ts';

/** A read-only value to paste elsewhere (an embed snippet, an invitation link), with a copy button. */
export function CopyField({ label, value, rows = 1 }: { label: string; value: string; rows?: number }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(value).then(
      () => setCopied('yes'),
      () => setCopied('no'),
    );
  return (
    <div class="copy-field">
      <label for={id}>{label}</label>
      {rows > 1 ? (
        <textarea id={id} readOnly rows={rows} value={value} onFocus={(e) => e.currentTarget.select()} />
      ) : (
        <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
      )}
      <button type="button" onClick={copy}>
        {t('common.copy')}
      </button>
      <span class="muted" aria-live="polite">
        {copied === 'yes' ? t('common.copied') : copied === 'no' ? t('common.copyFailed') : ''}
      </span>
    </div>
  );
}
