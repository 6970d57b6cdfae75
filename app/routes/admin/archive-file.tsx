import { data } from "react-router";
import { findDemarcheArchive } from "../../../server/lookups/scoped-archive";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { idParam, services } from "../../lib/request.server";
import { ArchiveUnavailable } from "./ui/archives-page";
import type { Route } from "./+types/archive-file";

export const handle = { i18n: ["admin", "exports", "fichiers"] };

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
  return <ArchiveUnavailable archivesHref={`/admin/procedures/${loaderData.demarcheId}/archives`} />;
}
