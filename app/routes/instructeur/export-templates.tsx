import { findInstructeurDemarche } from "../../../server/queries/instructeur/demarches";
import { listTemplatesOfInstructeur } from "../../../server/queries/instructeur/export-templates";
import { TEMPLATE_KINDS } from "../../../server/domain/exports/templates";
import { useT } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { idParam, services } from "../../lib/request.server";
import type { Route } from "./+types/export-templates";

export const handle = { i18n: ["champs", "exports", "fichiers", "instructeur"] };

/** « Modèles d’export » of a démarche: the templates of the instructeur's groupes, links to create and edit. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const { db } = services(context);
  const demarche = await findInstructeurDemarche(db, instructeur.instructeurId, idParam(params.id));
  const rows = await listTemplatesOfInstructeur(db, instructeur.instructeurId, demarche.id);
  const url = new URL(request.url);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    templates: rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, groupe: r.groupe })),
    deleted: url.searchParams.get("supprime")?.slice(0, 200) ?? null,
  };
}

export default function ExportTemplates({ loaderData }: Route.ComponentProps) {
  const { demarche, templates, deleted } = loaderData;
  const t = useT();
  const base = `/procedures/${demarche.id}/modeles-export`;
  return (
    <>
      <title>{`${t("exports.templates.pageTitle", { demarche: demarche.libelle })} – Guichet`}</title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/procedures/${demarche.id}/exports`}>
          {t("exports.templates.back")}
        </a>
      </p>
      <h1>{t("exports.templates.title")}</h1>
      <p className="fr-text--lead">{demarche.libelle}</p>
      {deleted !== null ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t("exports.templates.deleted", { name: deleted })}</p>
        </div>
      ) : null}
      <p>{t("exports.templates.intro")}</p>
      {templates.length === 0 ? (
        <p data-testid="templates-empty">{t("exports.templates.empty")}</p>
      ) : (
        <ul className="fr-raw-list fr-mb-3w" data-testid="templates-list">
          {templates.map((tpl) => (
            <li key={tpl.id} className="fr-mb-2w" data-template-id={tpl.id}>
              <p className="fr-mb-1v">
                <strong>{tpl.name}</strong> · {t("exports.templates.kind", { kind: tpl.kind.toUpperCase() })} ·{" "}
                {t("exports.templates.groupeOf", { groupe: tpl.groupe })}
              </p>
              <a className="fr-link" href={`${base}/${tpl.id}`}>
                {t("exports.templates.edit")}
                <span className="fr-sr-only"> {tpl.name}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {TEMPLATE_KINDS.map((kind) => (
          <li key={kind}>
            <a className="fr-btn fr-btn--secondary" href={`${base}/nouveau?type=${kind}`}>
              {t("exports.templates.create", { kind: kind.toUpperCase() })}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
