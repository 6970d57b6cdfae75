/**
 * The reminder that a dossier en construction has changes saved but not submitted (the usager's
 * buffer): the administration still has the previous version. « Déposer les modifications » posts
 * to the modification page (which validates and, if refused, shows the errors by field);
 * « Annuler les modifications » leads to a confirmation page.
 */
import { Form } from "react-router";
import { useT } from "../../lib/i18n";
import { CsrfInput } from "../csrf-input";

export function PendingChangesNotice({ dossierId }: { dossierId: number }) {
  const t = useT();
  return (
    <div className="fr-callout fr-callout--orange-terre-battue fr-mb-4w" data-testid="modifications-non-deposees">
      <h2 className="fr-callout__title fr-h5">{t("usager.pendingChanges.title")}</h2>
      <p className="fr-callout__text">{t("usager.pendingChanges.body")}</p>
      <Form method="post" action={`/dossiers/${dossierId}/modifier`} className="fr-mt-2w">
        <CsrfInput />
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" name="intent" value="submit" className="fr-btn">
              {t("usager.pendingChanges.submit")}
            </button>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href={`/dossiers/${dossierId}/modifier`}>
              {t("usager.pendingChanges.edit")}
            </a>
          </li>
          <li>
            <a className="fr-btn fr-btn--tertiary" href={`/dossiers/${dossierId}/modifications/annuler`}>
              {t("usager.pendingChanges.discard")}
            </a>
          </li>
        </ul>
      </Form>
    </div>
  );
}
