import { useState } from 'preact/hooks';
import type { ComponentChildren, InputHTMLAttributes, TargetedSubmitEvent } from 'preact';
import { ApiError, messageOf } from '../api.ts';

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
          setError(refusal);
          // A field's own control, or one that stands for it (`data-field`, e.g. a picker's search box).
          const field = [...form.elements].find(
            (el) => (el as HTMLInputElement).type !== 'hidden' && names(refusal.field, el.getAttribute('data-field') ?? el.getAttribute('name')),
          );
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

const names = (field: string | undefined, name: string | null): boolean =>
  !!field && !!name && (field === name || field.startsWith(`${name}.`));

export function FormError({ error }: { error: ApiError | null }) {
  return error ? (
    <p class="form-error" role="alert">
      {error.message}
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
