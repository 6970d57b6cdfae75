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

/** DSFR names its groups and controls after the kind of control: fr-input(-group), fr-select(-group)… */
type Kind = "input" | "select" | "checkbox" | "upload";

function groupClassName(kind: Kind, { error, className }: FieldBase) {
  return `fr-${kind}-group${error ? ` fr-${kind}-group--error` : ""}${className ? ` ${className}` : ""}`;
}

/** The field's own props apart from those of the control. */
function splitField<P extends FieldBase>({ id, label, hint, error, required, className, ...control }: P) {
  return [{ id, label, hint, error, required, className }, control] as const;
}

/** Class, name and ARIA attributes tying a control to its label, error and required state. */
function controlProps(kind: Kind, field: FieldBase, name: string | undefined, extraDescribedBy?: string) {
  return {
    className: `fr-${kind}${field.error ? ` fr-${kind}--error` : ""}`,
    id: field.id,
    name: name ?? field.id,
    "aria-required": field.required ? true : undefined,
    "aria-invalid": field.error ? true : undefined,
    "aria-describedby": describedBy(field.id, field.error, extraDescribedBy),
  };
}

/** Label above, control, error below: the group of text inputs, textareas and selects. */
function FieldGroup({ kind, field, children }: { kind: Kind; field: FieldBase; children: React.ReactNode }) {
  return (
    <div className={groupClassName(kind, field)}>
      <Label id={field.id} label={field.label} hint={field.hint} required={field.required} />
      {children}
      <ErrorText id={field.id} error={field.error} />
    </div>
  );
}

export function InputField({
  describedById,
  ...props
}: FieldBase & { describedById?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "id">) {
  const [field, input] = splitField(props);
  return (
    <FieldGroup kind="input" field={field}>
      <input {...controlProps("input", field, input.name, describedById)} {...input} />
    </FieldGroup>
  );
}

export function TextareaField(props: FieldBase & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  const [field, textarea] = splitField(props);
  return (
    <FieldGroup kind="input" field={field}>
      <textarea {...controlProps("input", field, textarea.name)} {...textarea} />
    </FieldGroup>
  );
}

export function SelectField(props: FieldBase & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">) {
  const [field, select] = splitField(props);
  return (
    <FieldGroup kind="select" field={field}>
      <select {...controlProps("select", field, select.name)} {...select} />
    </FieldGroup>
  );
}

/** The box comes before its label, and is never marked required (DSFR). */
export function CheckboxField(props: Omit<FieldBase, "required"> & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type">) {
  const [field, input] = splitField(props);
  return (
    <div className={groupClassName("checkbox", field)}>
      <input
        type="checkbox"
        id={field.id}
        name={input.name ?? field.id}
        value="on"
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.id, field.error)}
        {...input}
      />
      <Label id={field.id} label={field.label} hint={field.hint} />
      <ErrorText id={field.id} error={field.error} />
    </div>
  );
}

/** A file input in its own small multipart form (CSV import, model file): required, without the "*" marker. */
export function UploadField(props: FieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type">) {
  const [field, input] = splitField(props);
  return (
    <div className={groupClassName("upload", field)}>
      <Label id={field.id} label={field.label} hint={field.hint} />
      <input
        className="fr-upload"
        type="file"
        id={field.id}
        name={input.name ?? field.id}
        required={field.required}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(field.id, field.error)}
        {...input}
      />
      <ErrorText id={field.id} error={field.error} />
    </div>
  );
}
