/** /admin/modeles: the gallery of model démarches shipped with Guichet; « Utiliser ce modèle » creates a brouillon démarche from it. */
import { data, Form, redirect } from "react-router";
import { DEMARCHE_MODELS, findDemarcheModel, modelChampCount } from "../../../server/domain/demarches/models";
import { createDemarcheFromModel } from "../../../server/operations/demarches/clone-demarche";
import { CsrfInput } from "../../components/csrf-input";
import { useT, useTn } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, notFound, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/modeles";
import { Breadcrumb, PageTitle } from "./ui/layout";

export const handle = { i18n: ["admin", "champs", "cycle", "fichiers"] };

export async function loader({ context }: Route.LoaderArgs) {
  currentAdministrateur(context);
  return {
    models: DEMARCHE_MODELS.map((m) => ({
      id: m.id,
      libelle: m.libelle,
      description: m.description,
      thematique: m.thematique,
      champs: modelChampCount(m),
    })),
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const form = await readForm(request);
  const model = findDemarcheModel(formString(form, "model"));
  if (!model) notFound();
  const result = await createDemarcheFromModel(services(context).db, admin.administrateurId, model.id);
  if (!result.ok) throw data({ status: 400 }, { status: 400 });
  return redirect(`/admin/procedures/${result.demarcheId}?notice=cloned`);
}

export default function Modeles({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const title = t("cycle.modeles.title");
  return (
    <>
      <PageTitle title={title} />
      <Breadcrumb current={title} />
      <h1>{title}</h1>
      <p>{t("cycle.modeles.lead")}</p>
      <ul className="fr-grid-row fr-grid-row--gutters" style={{ listStyle: "none", paddingLeft: 0 }}>
        {loaderData.models.map((m) => (
          <li key={m.id} className="fr-col-12 fr-col-md-6">
            <div className="fr-card fr-card--no-arrow">
              <div className="fr-card__body">
                <div className="fr-card__content">
                  <h2 className="fr-card__title">{m.libelle}</h2>
                  <p className="fr-card__desc">{m.description}</p>
                  <div className="fr-card__start">
                    <p className="fr-tag fr-tag--sm">{m.thematique}</p>
                  </div>
                  <p className="fr-card__detail">{tn("cycle.modeles.champs", m.champs)}</p>
                </div>
                <div className="fr-card__footer">
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="model" value={m.id} />
                    <button type="submit" className="fr-btn fr-btn--secondary">
                      {t("cycle.modeles.use")}
                      <span className="fr-sr-only"> {t("cycle.modeles.useLabel", { libelle: m.libelle })}</span>
                    </button>
                  </Form>
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
