/**
 * « Annotations privées » of the instructeur's dossier page: the instructeurs' own form on the
 * dossier (the usager never sees it). A real POST form (intent `annotations`) that works without
 * JavaScript; on an error the summary links to each field and everything typed is shown again.
 * Multipart, for the file annotations: without JavaScript their files go with the form (the upload
 * layer stores them first, server/http/uploads/dossier-form-uploads.ts); with it, at once.
 */
import { Form } from "react-router";
import type { ChampDescriptor, JsonValue } from "../../../server/domain/champs/definition";
import type { ChampError } from "../../../server/domain/champs/errors";
import type { ChampKey } from "../../../server/domain/form/keys";
import { ChampInputList } from "../../components/champs/champ-list";
import { ErrorSummary } from "../../components/champs/error-summary";
import { CsrfInput } from "../../components/csrf-input";
import { champErrorSummaryItems } from "../../components/usager/dossier-champs-form";
import { useLocale, useT } from "../../lib/i18n";

/** What a POST of the form answers when the page is shown again: typed values and errors by ChampKey. */
export interface AnnotationsActionData {
  values: Record<string, JsonValue | null>;
  errors: Record<string, ChampError>;
  /** Hidden occurrences with the typed values (null: those of the loader). */
  hidden: ChampKey[] | null;
  /** A row just added to a repetition block: it takes the focus. */
  focusRowId: string | null;
}

export function AnnotationsSection({
  dossierId,
  annotations,
  posted,
  saved,
}: {
  dossierId: number;
  annotations: { descriptors: ChampDescriptor[]; values: Record<string, unknown>; hidden: ChampKey[] };
  posted: AnnotationsActionData | undefined;
  saved: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const { descriptors } = annotations;
  const values = { ...annotations.values, ...(posted?.values ?? {}) };
  const errors = posted?.errors ?? {};
  return (
    <section aria-labelledby="annotations" className="fr-mb-4w">
      <h2 id="annotations">{t("instructeur.dossier.annotations.title")}</h2>
      <p className="fr-hint-text">{t("instructeur.dossier.annotations.lead")}</p>
      {saved ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t("instructeur.dossier.notices.annotations")}</p>
        </div>
      ) : null}
      {descriptors.length === 0 ? (
        <p>{t("instructeur.dossier.annotations.none")}</p>
      ) : (
        <>
          <ErrorSummary items={champErrorSummaryItems(descriptors, values, errors, locale)} id="resume-erreurs-annotations" />
          {descriptors.some((d) => d.mandatory) ? <p className="fr-hint-text">{t("common.requiredHint")}</p> : null}
          {/* A new key per dossier: uncontrolled inputs must not keep another dossier's values. */}
          <Form method="post" encType="multipart/form-data" noValidate key={dossierId} id="formulaire-annotations">
            <CsrfInput />
            {/* First: the repetition buttons post their own `intent` after this one. */}
            <input type="hidden" name="intent" value="annotations" />
            <ChampInputList
              descriptors={descriptors}
              values={values}
              errors={errors}
              hidden={posted?.hidden ?? annotations.hidden}
              focusRowId={posted?.focusRowId}
              headingLevel={3}
            />
            <button type="submit" className="fr-btn fr-mt-2w">
              {t("instructeur.dossier.annotations.save")}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
