import { data, redirect } from "react-router";
import { requestExport } from "../../../server/operations/exports/request-export";
import { findInstructeurDemarche } from "../../../server/queries/instructeur/demarches";
import { listOwnExports } from "../../../server/queries/instructeur/exports";
import { parseTab } from "../../../server/domain/instructeur-list/tabs";
import { listTemplatesOfInstructeur } from "../../../server/queries/instructeur/export-templates";
import { useT as useTFromData } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { idParam, readForm, requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/exports";
import { ExportForm, type ExportFormErrors, ExportList, ExportReadyBadge, exportViews } from "./exports-ui";
import { listHref, readListUrl } from "./list-url";

export const handle = { i18n: ["exports", "instructeur"] };

/**
 * « Téléchargements » of one démarche: the instructeur's exports (state, progress, download link)
 * and the export form for the list state of the URL. POST: requests an export (or finds the
 * identical recent one) and comes back here with a notice.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const { db } = services(context);
  const demarche = await findInstructeurDemarche(db, instructeur.instructeurId, idParam(params.id));
  const url = new URL(request.url);
  const state = readListUrl(url.searchParams);
  const [rows, templateRows] = await Promise.all([
    listOwnExports(db, instructeur.instructeurId, demarche.id),
    listTemplatesOfInstructeur(db, instructeur.instructeurId, demarche.id),
  ]);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    url: state,
    tab: parseTab(state.statut),
    exports: exportViews(rows),
    templates: templateRows.map((r) => ({ id: r.id, name: r.name, kind: r.kind })),
    notice: url.searchParams.get("reutilise") === "1" ? "reused" : url.searchParams.has("demande") ? "requested" : null,
    locale: requestState(context).locale,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const instructeur = currentInstructeur(context);
  const { db } = services(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  const demarcheId = idParam(params.id);
  const form = await readForm(request);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const posted = {
    format: text("format"),
    statut: text("statut"),
    filtres: form
      .getAll("filtre")
      .filter((v): v is string => typeof v === "string")
      .slice(0, 50),
    tri: text("tri").slice(0, 100),
    ordre: text("ordre").slice(0, 10),
    q: text("q").slice(0, 200),
    archives: text("archives") === "on",
    periode: text("periode") || "tout",
    modele: text("modele").slice(0, 20),
  };
  const result = await requestExport(db, instructeur.instructeurId, demarcheId, posted, locale);
  if (!result.ok) {
    const errors: ExportFormErrors = {};
    for (const refusal of result.refusals) {
      const message = t(`exports.errors.${refusal.code}` as Parameters<typeof t>[0]);
      if (refusal.field === "modele") errors.modele = message;
      else if (refusal.field === "format") errors.format = message;
      else if (refusal.field === "statut") errors.statut = message;
      else errors.form = message;
    }
    return data(
      { errors, values: { format: posted.format, archives: posted.archives, periode: posted.periode, modele: posted.modele } },
      { status: 422 },
    );
  }
  return redirect(`/procedures/${demarcheId}/exports?demande=${result.exportId}${result.reused ? "&reutilise=1" : ""}`);
}

export default function Exports({ loaderData, actionData }: Route.ComponentProps) {
  const { demarche, url, tab, exports, notice, locale, templates } = loaderData;
  const t = useTFromData();
  return (
    <>
      <title>{`${t("exports.pageTitle", { demarche: demarche.libelle })} – Guichet`}</title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={listHref(demarche.id, url)}>
          {t("exports.back")}
        </a>
      </p>
      <h1>{t("exports.title")}</h1>
      <p className="fr-text--lead">{demarche.libelle}</p>
      {notice ? (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" role="status" data-testid="export-notice">
          <p>{t(notice === "reused" ? "exports.reused" : "exports.requested")}</p>
        </div>
      ) : null}
      <h2>
        {t("exports.list.title")} <ExportReadyBadge exports={exports} />
      </h2>
      <p className="fr-text--sm">{t("exports.list.kept")}</p>
      <ExportList demarcheId={demarche.id} exports={exports} locale={locale} />
      <h2>{t("exports.menu")}</h2>
      <ExportForm
        demarcheId={demarche.id}
        url={url}
        tab={tab}
        values={actionData?.values}
        errors={actionData?.errors}
        idPrefix="export-page"
        templates={templates}
      />
    </>
  );
}
