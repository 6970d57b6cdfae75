/**
 * Form fields in DSFR markup: a label (with its hint), the error next to the input linked by
 * aria-describedby, and the required marker ("*", explained at the top of each form).
 */
import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

interface FieldBase {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  error?: string | null;
  required?: boolean;
  className?: string;
}

function Label({ id, label, hint, required }: Pick<FieldBase, "id" | "label" | "hint" | "required">) {
  return (
    <label className="fr-label" htmlFor={id}>
      {label}
      {required ? <span aria-hidden="true"> *</span> : null}
      {hint ? <span className="fr-hint-text">{hint}</span> : null}
    </label>
  );
}

function describedBy(id: string, error: string | null | undefined, extra?: string) {
  return [error ? `${id}-error` : null, extra].filter(Boolean).join(" ") || undefined;
}

function ErrorText({ id, error }: { id: string; error?: string | null }) {
  return error ? (
    <p id={`${id}-error`} className="fr-error-text">
      {error}
    </p>
  ) : null;
}

export function InputField({
  id,
  label,
  hint,
  error,
  required,
  className,
  describedById,
  ...input
}: FieldBase & { describedById?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}${className ? ` ${className}` : ""}`}>
      <Label id={id} label={label} hint={hint} required={required} />
      <input
        className={`fr-input${error ? " fr-input--error" : ""}`}
        id={id}
        name={input.name ?? id}
        aria-required={required ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, describedById)}
        {...input}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function TextareaField({
  id,
  label,
  hint,
  error,
  required,
  className,
  ...textarea
}: FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}${className ? ` ${className}` : ""}`}>
      <Label id={id} label={label} hint={hint} required={required} />
      <textarea
        className={`fr-input${error ? " fr-input--error" : ""}`}
        id={id}
        name={textarea.name ?? id}
        aria-required={required ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        {...textarea}
      />
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  required,
  className,
  children,
  ...select
}: FieldBase & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">) {
  return (
    <div className={`fr-select-group${error ? " fr-select-group--error" : ""}${className ? ` ${className}` : ""}`}>
      <Label id={id} label={label} hint={hint} required={required} />
      <select
        className={`fr-select${error ? " fr-select--error" : ""}`}
        id={id}
        name={select.name ?? id}
        aria-required={required ? true : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        {...select}
      >
        {children}
      </select>
      <ErrorText id={id} error={error} />
    </div>
  );
}

export function CheckboxField({
  id,
  label,
  hint,
  error,
  className,
  ...input
}: Omit<FieldBase, "required"> & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type">) {
  return (
    <div className={`fr-checkbox-group${error ? " fr-checkbox-group--error" : ""}${className ? ` ${className}` : ""}`}>
      <input
        type="checkbox"
        id={id}
        name={input.name ?? id}
        value="on"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        {...input}
      />
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? <span className="fr-hint-text">{hint}</span> : null}
      </label>
      <ErrorText id={id} error={error} />
    </div>
  );
}
