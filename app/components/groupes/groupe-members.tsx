/**
 * The instructeurs of a groupe, each with « Retirer », and the form adding some by e-mail: the same
 * on the administrateur's groupe page and on the self-managing instructeur's (both post `intent`
 * `remove` / `add` to their own page, without JavaScript).
 */
import { Form } from "react-router";
import { CsrfInput } from "../csrf-input";
import { TextareaField } from "../dsfr/fields";
import { useT } from "../../lib/i18n";

export function GroupeMembers({
  instructeurs,
  emails,
  emailsError,
}: {
  instructeurs: ReadonlyArray<{ instructeurId: number; email: string }>;
  /** What was typed, kept on a refusal. */
  emails: string;
  emailsError: string | null;
}) {
  const t = useT();
  return (
    <>
      <ul>
        {instructeurs.map((i) => (
          <li key={i.instructeurId}>
            <Form method="post" className="fr-mb-1w">
              {i.email} <CsrfInput />
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="instructeurId" value={i.instructeurId} />
              <button type="submit" className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm">
                {t("groupes.groupe.remove")}
                <span className="fr-sr-only">{` ${i.email}`}</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="add" />
        <TextareaField
          id="emails"
          name="emails"
          label={t("groupes.groupe.emails")}
          hint={t("groupes.groupe.emailsHint")}
          required
          rows={3}
          defaultValue={emails}
          error={emailsError}
          autoCapitalize="none"
          spellCheck={false}
        />
        <button type="submit" className="fr-btn">
          {t("groupes.groupe.add")}
        </button>
      </Form>
    </>
  );
}
