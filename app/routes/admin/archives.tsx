/**
 * A démarche's monthly archives (`/admin/procedures/:id/archives`, the reference's « Archives »
 * page) of the whole démarche; the page itself is shared with the instructeurs' archives
 * (ui/archives-page.tsx). Works without JavaScript (POST + redirect); another administrateur's
 * démarche is a 404 and changes nothing.
 */
import { data, redirect } from "react-router";
import { requestArchive } from "../../../server/operations/archives/request-archive";
import { loadArchivesPage } from "../../../server/queries/admin/archives";
import { refusalsByField } from "../../../server/refusal";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/archives";
import { demarcheIdOf } from "./admin.server";
import { type ArchiveActionData, ArchivesPage, archiveMonthViews, archiveNoticeOf } from "./ui/archives-page";
import { Breadcrumb, demarcheCrumb } from "./ui/layout";

export const handle = { i18n: ["admin", "exports", "fichiers"] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { locale } = requestState(context);
  const page = await loadArchivesPage(services(context).db, admin.administrateurId, demarcheIdOf(params));
  return { demarche: page.demarche, months: archiveMonthViews(page.months, locale), notice: archiveNoticeOf(request.url) };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  // Scope first: another administrateur gets 404 whatever the form holds.
  await loadArchivesPage(db, admin.administrateurId, demarcheId);
  const form = await readForm(request);
  const month = formString(form, "month");
  const result = await requestArchive(db, admin.administrateurId, demarcheId, month, requestState(context).locale);
  if (!result.ok) return data<ArchiveActionData>({ month, ...refusalsByField(result.refusals) }, { status: 422 });
  return redirect(`/admin/procedures/${demarcheId}/archives?notice=${result.reused ? "reused" : "requested"}#mois-${month}`);
}

export default function Archives({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { demarche, months, notice } = loaderData;
  return (
    <ArchivesPage
      title={t("exports.archives.pageTitle", { libelle: demarche.libelle })}
      breadcrumb={<Breadcrumb segments={[demarcheCrumb(demarche)]} current={t("exports.archives.title")} />}
      lead={t("exports.archives.lead")}
      months={months}
      notice={notice}
      actionData={actionData}
      downloadHref={(archiveId) => `/admin/procedures/${demarche.id}/archives/${archiveId}/fichier`}
    />
  );
}
