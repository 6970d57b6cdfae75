import { data } from "react-router";
import { findInstructeurArchive } from "../../../server/lookups/scoped-archive";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { idParam, services } from "../../lib/request.server";
import { ArchiveUnavailable } from "../admin/ui/archives-page";
import type { Route } from "./+types/archive-file";

export const handle = { i18n: ["admin", "exports", "fichiers"] };

/**
 * The download link of an instructeur's archive when it is not streamed
 * (server/http/uploads/archive-download.ts streams a generated archive before the pages): for the
 * instructeurs of its groupe set, an expired (purged), failed or not yet ready archive gets a page
 * that says so, with status 404; anyone else gets the site's 404 page.
 */
export async function loader({ context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  await findInstructeurArchive(services(context).db, instructeur.instructeurId, demarcheId, idParam(params.archiveId));
  return data({ demarcheId }, { status: 404 });
}

export default function InstructeurArchiveFile({ loaderData }: Route.ComponentProps) {
  return <ArchiveUnavailable archivesHref={`/procedures/${loaderData.demarcheId}/archives`} />;
}
