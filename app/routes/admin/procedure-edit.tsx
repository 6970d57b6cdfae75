import { data, redirect } from "react-router";
import { findAdministrableDemarche } from "../../../server/lookups/administrable-demarche";
import { updateDemarche } from "../../../server/operations/demarches/update-demarche";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/procedure-edit";
import { demarcheIdOf } from "./admin.server";
import { demarcheValuesOf } from "./demarche-form.server";
import { DemarcheForm } from "./ui/demarche-form";
import { Breadcrumb, demarcheCrumb, PageTitle } from "./ui/layout";
import { refusalsByField } from "../../../server/refusal";

export const handle = { i18n: ["admin"] };

export async function loader({ context, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const demarche = await findAdministrableDemarche(services(context).db, admin.administrateurId, demarcheIdOf(params));
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    values: {
      libelle: demarche.libelle,
      description: demarche.description,
      cadreJuridique: demarche.cadreJuridique ?? "",
      lienDpo: demarche.lienDpo ?? "",
      dureeConservation: String(demarche.dureeConservation),
      opendata: demarche.opendata ? "on" : "",
      descriptionTargetAudience: demarche.descriptionTargetAudience ?? "",
      descriptionPj: demarche.descriptionPj ?? "",
      lienSiteWeb: demarche.lienSiteWeb ?? "",
      lienNotice: demarche.lienNotice ?? "",
      messageFinDepot: demarche.messageFinDepot ?? "",
      estimatedDurationVisible: demarche.estimatedDurationVisible ? "on" : "",
    },
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  // Scope first: another administrateur gets 404 whatever they send.
  await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  const form = await readForm(request);
  const values = demarcheValuesOf(form);
  const result = await updateDemarche(db, admin.administrateurId, demarcheId, values);
  if (!result.ok) return data({ values, errors: refusalsByField(result.refusals).errors }, { status: 400 });
  return redirect(`/admin/procedures/${demarcheId}?notice=updated`);
}

export default function ProcedureEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { demarche } = loaderData;
  const title = t("admin.demarcheForm.editTitle");
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={Boolean(actionData?.errors)} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <DemarcheForm
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors}
        submitLabel={t("common.save")}
        cancelHref={`/admin/procedures/${demarche.id}`}
      />
    </>
  );
}
