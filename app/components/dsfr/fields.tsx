/**
 * DSFR form fields in their accessible markup: the label carries the hint, the error follows the
 * control, and the control names both in `aria-describedby` (ids `<id>-hint`, `<id>-error`, which
 * error summaries link to). Uncontrolled: a refused post re-renders them with what was typed.
 */
import type { ReactNode } from "react";

interface FieldProps {
  id: string;
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** The translated message; the field is marked invalid when present. */
  error?: ReactNode;
}

function describedBy(id: string, hint: ReactNode, error: ReactNode) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function FieldLabel({ id, label, hint }: Pick<FieldProps, "id" | "label" | "hint">) {
  return (
    <label className="fr-label" htmlFor={id}>
      {label}
      {hint ? (
        <span className="fr-hint-text" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
    </label>
  );
}

function FieldError({ id, error }: Pick<FieldProps, "id" | "error">) {
  return error ? (
    <p id={`${id}-error`} className="fr-error-text">
      {error}
    </p>
  ) : null;
}

export function InputField({
  id,
  name,
  label,
  hint,
  error,
  type = "text",
  defaultValue,
  autoComplete,
}: FieldProps & { type?: "text" | "email" | "number" | "date"; defaultValue?: string; autoComplete?: string }) {
  return (
    <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
      <FieldLabel id={id} label={label} hint={hint} />
      <input
        className={error ? "fr-input fr-input--error" : "fr-input"}
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

export function TextareaField({
  id,
  name,
  label,
  hint,
  error,
  rows,
  maxLength,
  required,
  defaultValue,
}: FieldProps & { rows: number; maxLength?: number; required?: boolean; defaultValue?: string }) {
  return (
    <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
      <FieldLabel id={id} label={label} hint={hint} />
      <textarea
        className={error ? "fr-input fr-input--error" : "fr-input"}
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        required={required}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
      <FieldError id={id} error={error} />
    </div>
  );
}

/** A file input (one or several files); `children` follow it (e.g. the files already kept). */
export function UploadField({
  id,
  name,
  label,
  hint,
  error,
  multiple,
  children,
}: FieldProps & { multiple?: boolean; children?: ReactNode }) {
  return (
    <div className={error ? "fr-upload-group fr-input-group--error fr-mb-3w" : "fr-upload-group fr-mb-3w"}>
      <FieldLabel id={id} label={label} hint={hint} />
      <input
        className="fr-upload"
        type="file"
        id={id}
        name={name}
        multiple={multiple}
        aria-describedby={describedBy(id, hint, error)}
      />
      <FieldError id={id} error={error} />
      {children}
    </div>
  );
}
