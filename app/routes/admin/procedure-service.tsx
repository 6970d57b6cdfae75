/** /admin/procedures/:id/service: which of the administrateur's services the démarche shows. */
import { data, redirect } from "react-router";
import { findAdministrableDemarche } from "../../../server/lookups/administrable-demarche";
import { chooseDemarcheService } from "../../../server/operations/demarches/choose-service";
import { listOwnServices } from "../../../server/queries/admin/services";
import { refusalsByField } from "../../../server/refusal";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/procedure-service";
import { demarcheIdOf } from "./admin.server";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT } from "./ui/layout";

export const handle = { i18n: ["admin", "presentation"] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { db } = services(context);
  const demarche = await findAdministrableDemarche(db, admin.administrateurId, demarcheIdOf(params));
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle, serviceId: demarche.serviceId },
    services: await listOwnServices(db, admin.administrateurId),
    chosen: new URL(request.url).searchParams.get("notice") === "chosen",
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  const form = await readForm(request);
  const result = await chooseDemarcheService(db, admin.administrateurId, demarcheId, formString(form, "serviceId"));
  if (!result.ok) return data({ errors: refusalsByField(result.refusals).errors }, { status: 400 });
  return redirect(`/admin/procedures/${demarcheId}/service?notice=chosen`);
}

export default function ProcedureService({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const { demarche } = loaderData;
  const title = t("presentation.service.chooseTitle");
  const error = actionData?.errors?.serviceId ? dt(`presentation.service.errors.${actionData.errors.serviceId}`) : null;
  const current = loaderData.services.find((s) => s.id === demarche.serviceId);
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={Boolean(error)} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      {loaderData.chosen ? <Notice kind="success" title={t("presentation.service.chosen")} /> : null}
      <h1>{title}</h1>
      <ErrorSummary errors={error ? [{ fieldId: "service-choice", label: "", message: error }] : []} />
      <p>{current ? t("presentation.service.current", { nom: current.nom }) : t("presentation.service.noneChosen")}</p>
      {loaderData.services.length > 0 ? (
        <form method="post" noValidate>
          <CsrfInput />
          <fieldset
            id="service-choice"
            className={`fr-fieldset${error ? " fr-fieldset--error" : ""}`}
            aria-labelledby="service-choice-legend"
            aria-describedby={error ? "service-choice-error" : undefined}
          >
            <legend className="fr-fieldset__legend" id="service-choice-legend">
              {t("presentation.service.chooseLegend")}
            </legend>
            {loaderData.services.map((service) => (
              <div className="fr-fieldset__element" key={service.id}>
                <div className="fr-radio-group">
                  <input
                    type="radio"
                    id={`service-${service.id}`}
                    name="serviceId"
                    value={service.id}
                    defaultChecked={service.id === demarche.serviceId}
                  />
                  <label className="fr-label" htmlFor={`service-${service.id}`}>
                    {service.nom}
                    <span className="fr-hint-text">{service.organisme}</span>
                  </label>
                </div>
              </div>
            ))}
            {error ? (
              <div className="fr-messages-group" id="service-choice-error" aria-live="polite">
                <p className="fr-message fr-message--error">{error}</p>
              </div>
            ) : null}
          </fieldset>
          <button type="submit" className="fr-btn">
            {t("presentation.service.choose")}
          </button>
        </form>
      ) : null}
      <p className="fr-mt-4w">
        <a className="fr-link fr-icon-add-line fr-link--icon-left" href={`/admin/services/nouveau?procedure=${demarche.id}`}>
          {t("presentation.service.newLink")}
        </a>
      </p>
    </>
  );
}
