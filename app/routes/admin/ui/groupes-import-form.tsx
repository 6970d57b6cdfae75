/**
 * The CSV import of groupes and instructeurs (multipart, works without JavaScript): on the groupes
 * page (`groupe,email` records) and on one groupe's page (`email` records into that groupe).
 */
import type { ReactNode } from "react";
import { Form } from "react-router";
import { CsrfInput } from "../../../components/csrf-input";
import { UploadField } from "../../../components/dsfr/fields";
import { useT } from "../../../lib/i18n";

export function GroupesImportForm({ action, lead, className }: { action: string; lead?: ReactNode; className?: string }) {
  const t = useT();
  return (
    <Form method="post" encType="multipart/form-data" action={action} noValidate className={className}>
      <CsrfInput />
      {lead ? <p>{lead}</p> : null}
      <UploadField id="file" name="file" label={t("groupes.import.file")} accept=".csv,text/csv" required className="fr-mb-3w" />
      <button type="submit" className="fr-btn fr-btn--secondary">
        {t("groupes.import.submit")}
      </button>
    </Form>
  );
}
