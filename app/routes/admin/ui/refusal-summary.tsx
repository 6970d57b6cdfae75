/**
 * The top of a page whose form was refused: the refusal that concerns no field (an error notice
 * with its title), then the summary linking each field's error. Used by the pages managing a
 * groupe's instructeurs (the administrateur's instructeurs and groupe pages, the self-managing
 * instructeur's groupe page), with the message of a refused list of e-mails.
 */
import { ErrorSummary, Notice, type SummaryError, useDynamicT } from "./layout";

export function RefusalSummary({
  formTitle,
  formError,
  errors,
}: {
  formTitle: string;
  formError: string | null;
  errors: SummaryError[];
}) {
  return (
    <>
      {formError ? (
        <Notice kind="error" title={formTitle}>
          <p>{formError}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} />
    </>
  );
}

/** The message of a refused list of instructeur e-mails (`code` from the operation), naming the invalid ones. */
export function useInstructeurEmailsError(code: string | undefined, invalidEmails: readonly string[] | undefined, max: number) {
  const dt = useDynamicT();
  return code ? dt(`admin.instructeurs.errors.${code}`, { emails: (invalidEmails ?? []).join(", "), max }) : null;
}
