/**
 * /admin/services/nouveau (optionally `?procedure=<id>`: the new service is chosen for that
 * démarche) and /admin/services/:serviceId. Another administrateur's service or démarche: 404.
 */
import { data, redirect } from "react-router";
import { SERVICE_FIELDS } from "../../../server/domain/demarches/service-card";
import { findAdministrableDemarche } from "../../../server/lookups/administrable-demarche";
import { findOwnService } from "../../../server/lookups/own-service";
import { saveService } from "../../../server/operations/services/save-service";
import { refusalsByField } from "../../../server/refusal";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, idParam, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/service-edit";
import { Breadcrumb, PageTitle } from "./ui/layout";
import { EMPTY_SERVICE, ServiceForm, type ServiceFormValues } from "./ui/service-form";

export const handle = { i18n: ["admin", "champs", "presentation"] };

function procedureOf(request: Request): number | null {
  const raw = new URL(request.url).searchParams.get("procedure");
  return raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

async function target(context: Route.LoaderArgs["context"], request: Request, params: { serviceId?: string }) {
  const admin = currentAdministrateur(context);
  const { db } = services(context);
  const serviceId = params.serviceId === undefined ? null : idParam(params.serviceId);
  const service = serviceId === null ? null : await findOwnService(db, admin.administrateurId, serviceId);
  const procedureId = procedureOf(request);
  const demarche = procedureId === null ? null : await findAdministrableDemarche(db, admin.administrateurId, procedureId);
  return { admin, db, service, demarche };
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { service, demarche } = await target(context, request, params);
  const values: ServiceFormValues = service
    ? (Object.fromEntries(SERVICE_FIELDS.map((f) => [f, String(service[f] ?? "")])) as ServiceFormValues)
    : EMPTY_SERVICE;
  return { editing: service !== null, values, demarche: demarche && { id: demarche.id, libelle: demarche.libelle } };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { admin, db, service, demarche } = await target(context, request, params);
  const form = await readForm(request);
  const values = Object.fromEntries(SERVICE_FIELDS.map((f) => [f, formString(form, f)])) as ServiceFormValues;
  const result = await saveService(db, admin.administrateurId, {
    serviceId: service?.id ?? null,
    forDemarcheId: demarche?.id ?? null,
    values,
  });
  if (!result.ok) return data({ values, errors: refusalsByField(result.refusals).errors }, { status: 400 });
  return redirect(demarche ? `/admin/procedures/${demarche.id}/service?notice=chosen` : "/admin/services?notice=saved");
}

export default function ServiceEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const title = loaderData.editing ? t("presentation.service.editTitle") : t("presentation.service.newTitle");
  const back = loaderData.demarche ? `/admin/procedures/${loaderData.demarche.id}/service` : "/admin/services";
  return (
    <>
      <PageTitle title={title} error={Boolean(actionData?.errors)} />
      <Breadcrumb segments={[{ label: t("presentation.service.listTitle"), href: "/admin/services" }]} current={title} />
      <h1>{title}</h1>
      <ServiceForm
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors}
        submitLabel={loaderData.editing ? t("common.save") : t("presentation.service.create")}
        cancelHref={back}
      />
    </>
  );
}
