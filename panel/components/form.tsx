import { useState } from 'preact/hooks';
import type { ComponentChildren, InputHTMLAttributes, TargetedSubmitEvent } from 'preact';
import { ApiError, describe, messageOf } from '../api.ts';
import { $locale, t } from '../i18n/i18n.ts';

export interface SubmitState {
  busy: boolean;
  error: ApiError | null;
  /** Whether the API named this input (or something inside it, `allowedOrigins.2`) at fault. */
  invalid(name: string): boolean;
  onSubmit(event: TargetedSubmitEvent<HTMLFormElement>): void;
}

/**
 * Runs a form's action with its FormData, keeps the API's refusal for the form to show, and
 * moves focus to the field the API named, so keyboard and screen-reader users land on it.
 */
export function useSubmit(action: (data: FormData, form: HTMLFormElement) => Promise<unknown>): SubmitState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  return {
    busy,
    error,
    invalid: (name) => names(error?.field, name),
    onSubmit(event) {
      event.preventDefault();
      const form = event.currentTarget;
      setBusy(true);
      setError(null);
      action(new FormData(form), form)
        .catch((caught: unknown) => {
          const refusal = caught instanceof ApiError ? caught : new ApiError(0, 'network', messageOf(caught), undefined);
          // A field's own control, or one that stands for it (`data-field`, e.g. a picker's search box).
          const field = [...form.elements].find(
            (el) => (el as HTMLInputElement).type !== 'hidden' && names(refusal.field, el.getAttribute('data-field') ?? el.getAttribute('name')),
          );
          const label = field && labelOf(field);
          setError(label ? new ApiError(refusal.status, refusal.code, sentence(refusal.message, refusal.field, label), refusal.field, refusal.body) : refusal);
          if (field instanceof HTMLElement) field.focus();
        })
        .finally(() => setBusy(false));
    },
  };
}

declare module 'preact' {
  // The DOM property behind an option's `selected` attribute, which Preact sets as a property.
  interface OptionHTMLAttributes<T extends EventTarget = HTMLOptionElement> {
    defaultSelected?: boolean;
  }
}

/** The words of a control's label, without the text of the controls inside it (a select's options). */
function labelOf(control: Element): string | null {
  const label = (control as HTMLInputElement).labels?.[0];
  if (!label) return null;
  const words = label.cloneNode(true) as HTMLElement;
  for (const inner of words.querySelectorAll('input, select, textarea, button, .hint')) inner.remove();
  // A label's hint in parentheses ("Images (JPEG, PNG or WebP)") does not belong in a sentence.
  return words.textContent?.replace(/\s*\([^)]*\)/g, '').trim() || null;
}

/**
 * The API names the field it refuses in front of its message (`instagramHandle: is not a
 * handle`), for programs. People read the field's label instead: "Instagram handle is not a
 * handle"; a message that is a sentence of its own ("Instagram refused it") loses the prefix.
 */
export function sentence(message: string, field: string | undefined, label: string): string {
  const prefix = field && message.startsWith(`${field}: `) ? `${field}: ` : null;
  if (!prefix) return message;
  const rest = message.slice(prefix.length);
  // The API's words are English: another language names the field by its label, then quotes them.
  if ($locale.get() !== 'en') return t('common.fieldRefused', { label, detail: rest });
  return /^[a-z]/.test(rest) ? `${label} ${rest}` : rest;
}

const names = (field: string | undefined, name: string | null): boolean =>
  !!field && !!name && (field === name || field.startsWith(`${name}.`));

export function FormError({ error }: { error: ApiError | null }) {
  return error ? (
    <p class="form-error" role="alert">
      {describe(error)}
    </p>
  ) : null;
}

/** A FormData value as text ('' when absent or a file). */
export const text = (data: FormData, name: string): string => {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

interface InputProps {
  type?: 'text' | 'email' | 'number' | 'password' | 'url';
  required?: boolean;
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  placeholder?: string;
  defaultValue?: string;
  autoComplete?: string;
}

/** A labelled input, marked invalid when the API named it. */
export function Field({ form, name, label, ...input }: { form: SubmitState; name: string; label: ComponentChildren } & InputProps) {
  return (
    <label>
      {label}
      <input {...({ name, 'aria-invalid': form.invalid(name), ...input } as InputHTMLAttributes<HTMLInputElement>)} />
    </label>
  );
}

/** A labelled select over `options` (value → label), marked invalid when the API named it. */
export function SelectField({
  form,
  name,
  label,
  options,
  defaultValue,
  value,
  onChange,
}: {
  /** The form whose refusals mark it invalid; none for a select outside a useSubmit form. */
  form?: SubmitState;
  name: string;
  label: ComponentChildren;
  options: Record<string, string>;
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
}) {
  return (
    <label>
      {label}
      <select name={name} value={value} aria-invalid={form?.invalid(name)} onChange={onChange && ((e) => onChange(e.currentTarget.value))}>
        {/* A select has no default value of its own: its options do. `defaultSelected` (not
            `selected`) so that a form's reset() comes back to it too. */}
        {Object.entries(options).map(([key, text]) => (
          <option key={key} value={key} defaultSelected={value === undefined && key === defaultValue}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
