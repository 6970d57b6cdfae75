/**
 * The instructeur's monthly archives of a démarche (`/procedures/:id/archives`): the administrateur's
 * page (admin/ui/archives-page.tsx) over the dossiers of THEIR groupes only. An archive belongs to a
 * groupe set: colleagues with exactly the same groupes share it (the reference's rule), nobody else
 * sees it. Works without JavaScript (POST + redirect); a démarche where they have no groupe is a 404
 * and changes nothing.
 */
import { data, redirect } from "react-router";
import { requestInstructeurArchive } from "../../../server/operations/archives/request-instructeur-archive";
import { loadInstructeurArchivesPage } from "../../../server/queries/instructeur/archives";
import { refusalsByField } from "../../../server/refusal";
import { useT } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { formString, idParam, readForm, requestState, services } from "../../lib/request.server";
import { type ArchiveActionData, ArchivesPage, archiveMonthViews, archiveNoticeOf } from "../admin/ui/archives-page";
import type { Route } from "./+types/archives";

export const handle = { i18n: ["admin", "exports", "fichiers"] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const { locale } = requestState(context);
  const page = await loadInstructeurArchivesPage(services(context).db, instructeur.instructeurId, idParam(params.id));
  return { demarche: page.demarche, months: archiveMonthViews(page.months, locale), notice: archiveNoticeOf(request.url) };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const { db } = services(context);
  // Scope first: an instructeur without groupe on the démarche gets 404 whatever the form holds.
  await loadInstructeurArchivesPage(db, instructeur.instructeurId, demarcheId);
  const form = await readForm(request);
  const month = formString(form, "month");
  const result = await requestInstructeurArchive(db, instructeur.instructeurId, demarcheId, month, requestState(context).locale);
  if (!result.ok) return data<ArchiveActionData>({ month, ...refusalsByField(result.refusals) }, { status: 422 });
  return redirect(`/procedures/${demarcheId}/archives?notice=${result.reused ? "reused" : "requested"}#mois-${month}`);
}

export default function InstructeurArchives({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { demarche, months, notice } = loaderData;
  return (
    <ArchivesPage
      title={t("exports.archives.pageTitle", { libelle: demarche.libelle })}
      breadcrumb={
        <p className="fr-mb-2w">
          <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/procedures/${demarche.id}`}>
            {t("exports.back")}
          </a>
        </p>
      }
      lead={t("exports.archives.instructeurLead")}
      months={months}
      notice={notice}
      actionData={actionData}
      downloadHref={(archiveId) => `/procedures/${demarche.id}/archives/${archiveId}/fichier`}
    />
  );
}
