import { data } from "react-router";
import { findAdministrableDemarche } from "../../../server/lookups/administrable-demarche";
import { getDraftForm } from "../../../server/queries/admin/champs";
import type { ChampDescriptor } from "../../../server/domain/champs/definition";
import { champKey } from "../../../server/domain/form/keys";
import { buildFormTree } from "../../../server/domain/form/tree";
import { pageDescriptors } from "../../../server/queries/form-view";
import { ChampInputList } from "../../components/champs/champ-list";

/** The preview shows one row in each repetition block, as a new dossier starts with. */
function previewValues(descriptors: readonly ChampDescriptor[]): Record<string, unknown> {
  return Object.fromEntries(descriptors.filter((d) => d.type === "repetition").map((d) => [champKey(d.stableId), ["apercu"]]));
}
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { services } from "../../lib/request.server";
import type { Route } from "./+types/apercu";
import { demarcheIdOf } from "./admin.server";
import { Breadcrumb, demarcheCrumb, Notice, PageTitle } from "./ui/layout";

/** Nothing to post here; out of scope is still a 404 (never a 405 that would confirm the démarche exists). */
export const handle = { i18n: ["admin", "champs", "fichiers", "usager"] };

export async function action({ context, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  await findAdministrableDemarche(services(context).db, admin.administrateurId, demarcheIdOf(params));
  throw data({ status: 405 }, { status: 405 });
}

export async function loader({ context, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const draft = await getDraftForm(services(context).db, admin.administrateurId, demarcheIdOf(params));
  return {
    demarche: draft.demarche,
    estimatedMinutes: draft.estimatedMinutes,
    descriptors: pageDescriptors(buildFormTree(draft.champs)),
  };
}

/** The draft form as the usager will see it, with the usager's own components, all disabled. */
export default function Apercu({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { demarche, descriptors } = loaderData;
  const title = t("admin.apercu.title");
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <Notice kind="info">
        <p>{t("admin.apercu.notice")}</p>
        <p>
          <a href={`/admin/procedures/${demarche.id}/champs`}>{t("admin.apercu.backToEditor")}</a>
        </p>
      </Notice>
      {loaderData.estimatedMinutes > 0 ? (
        <p>{t("admin.apercu.estimatedDuration", { minutes: loaderData.estimatedMinutes })}</p>
      ) : null}
      {descriptors.length === 0 ? (
        <p>{t("admin.apercu.empty")}</p>
      ) : (
        <fieldset disabled className="fr-fieldset">
          <legend className="fr-fieldset__legend">{t("admin.apercu.legend", { libelle: demarche.libelle })}</legend>
          <div className="fr-fieldset__element">
            <p className="fr-hint-text">{t("common.requiredHint")}</p>
          </div>
          <div className="fr-fieldset__element">
            <ChampInputList descriptors={descriptors} values={previewValues(descriptors)} headingLevel={2} />
          </div>
        </fieldset>
      )}
    </>
  );
}
