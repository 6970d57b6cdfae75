import { data } from "react-router";
import { findDemarcheArchive } from "../../../server/lookups/scoped-archive";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { idParam, services } from "../../lib/request.server";
import type { Route } from "./+types/archive-file";

export const handle = { i18n: ["admin", "exports"] };

/**
 * The download link of an archive when it is not streamed (server/http/uploads/archive-download.ts
 * streams a generated archive before the pages): for the démarche's administrateurs, an expired
 * (purged), failed or not yet ready archive gets a page that says so, with status 404; anyone
 * else gets the site's 404 page.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = idParam(params.id);
  await findDemarcheArchive(services(context).db, admin.administrateurId, demarcheId, idParam(params.archiveId));
  return data({ demarcheId }, { status: 404 });
}

export default function ArchiveFile({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="fr-py-4w" data-testid="archive-unavailable">
      <title>{`${t("exports.archives.expired.title")} – Guichet`}</title>
      <h1>{t("exports.archives.expired.title")}</h1>
      <p className="fr-text--lead">{t("exports.archives.expired.body")}</p>
      <p>
        <a
          className="fr-link fr-icon-arrow-left-line fr-link--icon-left"
          href={`/admin/procedures/${loaderData.demarcheId}/archives`}
        >
          {t("exports.archives.title")}
        </a>
      </p>
    </div>
  );
}
