/**
 * The CSV import of a drop-down field's options: its own small multipart form, after the field's
 * save form (forms cannot nest), folded in a disclosure that opens by itself to show an error or
 * the result. A plain form: the page reloads with the imported options, with or without JavaScript.
 */
import { useLocation, useSearchParams } from "react-router";
import {
  CSV_FIELD,
  IMPORTED_PARAM,
  OPTIONS_IMPORT_PARAM,
} from "../../../../../server/domain/demarches/options-editors/csv-import-names";
import { CsrfInput } from "../../../../components/csrf-input";
import { useT, useTn } from "../../../../lib/i18n";
import type { OptionsFormsProps } from "../champ-options-editor";
import { UploadField } from "../../../../components/dsfr/fields";
import { useDynamicT } from "../layout";

function CsvImportForm({ stableId, id, libelle, actionData, linked }: OptionsFormsProps & { linked: boolean }) {
  const t = useT();
  const tn = useTn();
  const dt = useDynamicT();
  const { pathname } = useLocation();
  const [searchParams] = useSearchParams();
  const inputId = `${id}-${CSV_FIELD}`;
  const errorKey = actionData?.intent === "import-options" && !actionData.ok ? actionData.errors?.[CSV_FIELD] : undefined;
  const error = errorKey ? dt(`admin.champEditor.errors.${errorKey}`, actionData?.errorParams?.[CSV_FIELD]) : null;
  const [importedId, count] = (searchParams.get(IMPORTED_PARAM) ?? "").split("-");
  const imported = importedId === String(stableId) && count ? Number(count) : null;
  return (
    <details className="fr-mt-2w guichet-csv-import" open={error !== null || imported !== null}>
      <summary className="fr-link fr-icon-upload-line fr-link--icon-left">{t("admin.champOptions.csv.legend")}</summary>
      {imported !== null ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mt-2w" role="status">
          <p>{tn("admin.champOptions.csv.imported", imported)}</p>
        </div>
      ) : null}
      <form
        method="post"
        encType="multipart/form-data"
        action={`${pathname}?${OPTIONS_IMPORT_PARAM}=${stableId}`}
        className="fr-mt-2w"
      >
        <CsrfInput />
        <UploadField
          id={inputId}
          name="file"
          label={t("admin.champOptions.csv.file")}
          hint={t(linked ? "admin.champOptions.csv.hintLinked" : "admin.champOptions.csv.hint")}
          accept=".csv,.txt,text/csv,text/plain"
          required
          error={error}
        />
        <button type="submit" className="fr-btn fr-btn--secondary fr-btn--sm fr-mt-2w">
          {t("admin.champOptions.csv.submit")}
          <span className="fr-sr-only">{` ${t("admin.champEditor.champSr", { libelle })}`}</span>
        </button>
      </form>
    </details>
  );
}

export function ListCsvImport(props: OptionsFormsProps) {
  return <CsvImportForm {...props} linked={false} />;
}

export function LinkedCsvImport(props: OptionsFormsProps) {
  return <CsvImportForm {...props} linked />;
}
