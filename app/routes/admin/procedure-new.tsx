import { data, redirect } from "react-router";
import { createDemarche } from "../../../server/operations/demarches/create-demarche";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/procedure-new";
import { demarcheValuesOf } from "./demarche-form.server";
import { DemarcheForm } from "./ui/demarche-form";
import { Breadcrumb, PageTitle } from "./ui/layout";
import { refusalsByField } from "../../../server/refusal";

export const handle = { i18n: ["admin"] };

export async function action({ context, request }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const form = await readForm(request);
  const values = demarcheValuesOf(form);
  const result = await createDemarche(services(context).db, admin.administrateurId, values);
  if (!result.ok) return data({ values, errors: refusalsByField(result.refusals).errors }, { status: 400 });
  return redirect(`/admin/procedures/${result.demarcheId}?notice=created`);
}

const EMPTY = {
  libelle: "",
  description: "",
  descriptionTargetAudience: "",
  descriptionPj: "",
  lienSiteWeb: "",
  lienNotice: "",
  cadreJuridique: "",
  lienDpo: "",
  messageFinDepot: "",
  dureeConservation: "12",
  estimatedDurationVisible: "on",
  opendata: "on",
};

export default function ProcedureNew({ actionData }: Route.ComponentProps) {
  const t = useT();
  const title = t("admin.demarcheForm.newTitle");
  return (
    <>
      <PageTitle title={title} error={Boolean(actionData?.errors)} />
      <Breadcrumb current={title} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("admin.demarcheForm.newLead")}</p>
      <DemarcheForm
        values={actionData?.values ?? EMPTY}
        errors={actionData?.errors}
        submitLabel={t("admin.demarcheForm.submitCreate")}
        cancelHref="/admin/procedures"
      />
    </>
  );
}
