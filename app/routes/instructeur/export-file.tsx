import { data } from "react-router";
import { findOwnExport } from "../../../server/queries/instructeur/exports";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { idParam, services } from "../../lib/request.server";
import { useT } from "../../lib/i18n";
import type { Route } from "./+types/export-file";

export const handle = { i18n: ["exports"] };

/**
 * The download link of an export when it is not streamed (server/http/uploads/export-download.ts
 * streams a generated file to its requester before the pages): for the requester, an expired
 * (purged), failed or not yet ready export gets a page that says so, with status 404; anyone else
 * gets the site's 404 page.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const { db } = services(context);
  const demarcheId = idParam(params.id);
  const row = await findOwnExport(db, instructeur.instructeurId, demarcheId, idParam(params.exportId));
  return data({ demarcheId, pending: row.state === "pending" }, { status: 404 });
}

export default function ExportFile({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { demarcheId, pending } = loaderData;
  return (
    <div className="fr-py-4w" data-testid="export-unavailable">
      <title>{`${t(pending ? "exports.expired.pendingTitle" : "exports.expired.title")} – Guichet`}</title>
      <h1>{t(pending ? "exports.expired.pendingTitle" : "exports.expired.title")}</h1>
      <p className="fr-text--lead">{t(pending ? "exports.expired.pendingBody" : "exports.expired.body")}</p>
      <p>
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/procedures/${demarcheId}/exports`}>
          {t("exports.title")}
        </a>
      </p>
    </div>
  );
}
