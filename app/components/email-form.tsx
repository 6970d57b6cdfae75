/**
 * A small form of one e-mail address (label with its hint, the error linked to the input, the typed
 * address kept on a refusal) posting `intent` to its own page: inviting a co-editor, transferring
 * dossiers, changing one's address. Extra fields (an invitation's message) go between the address
 * and the button.
 */
import type { ReactNode } from "react";
import { Form } from "react-router";
import { CsrfInput } from "./csrf-input";
import { InputField } from "./dsfr/fields";

export function EmailForm({
  intent,
  id,
  label,
  hint,
  value,
  error,
  submit,
  autoComplete = "off",
  primary = false,
  className,
  children,
}: {
  intent: string;
  /** The input's id (its error is `<id>-error`). */
  id: string;
  label: ReactNode;
  hint: ReactNode;
  /** What was typed, kept on a refusal. */
  value: string;
  error?: string | null;
  submit: ReactNode;
  autoComplete?: "off" | "email";
  /** A primary button (else secondary). */
  primary?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <Form method="post" noValidate className={className}>
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <InputField
        id={id}
        name="email"
        type="email"
        label={label}
        hint={hint}
        autoComplete={autoComplete}
        defaultValue={value}
        error={error}
      />
      {children}
      <button type="submit" className={primary ? "fr-btn" : "fr-btn fr-btn--secondary"}>
        {submit}
      </button>
    </Form>
  );
}
