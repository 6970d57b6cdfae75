/**
 * /admin/procedures/:id/public: who files on the démarche — particuliers (civilité, nom, prénom,
 * optionally for a tiers) or personnes morales (a SIRET looked up in API Entreprise). Fixed once
 * the démarche has been published (`audience_locked`).
 */
import { data, redirect } from "react-router";
import { findAdministrableDemarche } from "../../../server/lookups/administrable-demarche";
import { updateAudience } from "../../../server/operations/demarches/update-audience";
import { refusalsByField } from "../../../server/refusal";
import { CsrfInput } from "../../components/csrf-input";
import { CheckboxField } from "../../components/dsfr/fields";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/procedure-audience";
import { demarcheIdOf } from "./admin.server";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT } from "./ui/layout";

export const handle = { i18n: ["admin", "entreprise"] };

type Audience = "particuliers" | "personnes_morales";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { db } = services(context);
  const demarche = await findAdministrableDemarche(db, admin.administrateurId, demarcheIdOf(params));
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    values: {
      audience: (demarche.forIndividual ? "particuliers" : "personnes_morales") as Audience,
      forTiersEnabled: demarche.forTiersEnabled,
    },
    locked: demarche.publishedAt !== null,
    saved: new URL(request.url).searchParams.get("notice") === "saved",
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  const form = await readForm(request);
  const values = { audience: formString(form, "audience"), forTiersEnabled: formString(form, "forTiersEnabled") === "on" };
  const result = await updateAudience(db, { administrateurId: admin.administrateurId, userId: admin.id }, demarcheId, values);
  if (!result.ok) return data({ values, errors: refusalsByField(result.refusals).errors }, { status: 400 });
  return redirect(`/admin/procedures/${demarcheId}/public?notice=saved`);
}

export default function ProcedureAudience({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const { demarche, locked } = loaderData;
  const values = actionData?.values ?? loaderData.values;
  const title = t("entreprise.audience.title");
  const code = actionData?.errors?.audience ?? actionData?.errors?.forTiersEnabled;
  const error = code ? dt(`entreprise.audience.errors.${code}`) : null;
  const options: { value: Audience; label: string; hint: string }[] = [
    { value: "particuliers", label: t("entreprise.audience.particuliers"), hint: t("entreprise.audience.particuliersHint") },
    {
      value: "personnes_morales",
      label: t("entreprise.audience.personnesMorales"),
      hint: t("entreprise.audience.personnesMoralesHint"),
    },
  ];
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={Boolean(error)} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      {loaderData.saved ? <Notice kind="success" title={t("entreprise.audience.saved")} /> : null}
      <h1>{title}</h1>
      <ErrorSummary errors={error ? [{ fieldId: "audience-particuliers", label: "", message: error }] : []} />
      <p>{t("entreprise.audience.lead")}</p>
      {locked ? <p className="fr-text--bold">{t("entreprise.audience.errors.audience_locked")}</p> : null}
      <form method="post" noValidate>
        <CsrfInput />
        <fieldset
          className={`fr-fieldset${error ? " fr-fieldset--error" : ""}`}
          aria-labelledby="audience-legend"
          aria-describedby={error ? "audience-error" : undefined}
        >
          <legend className="fr-fieldset__legend" id="audience-legend">
            {t("entreprise.audience.legend")}
          </legend>
          {options.map((option) => (
            <div className="fr-fieldset__element" key={option.value}>
              <div className="fr-radio-group">
                <input
                  type="radio"
                  id={`audience-${option.value}`}
                  name="audience"
                  value={option.value}
                  defaultChecked={values.audience === option.value}
                  // Published: the audience no longer changes (its dossiers were filed for it).
                  disabled={locked && values.audience !== option.value}
                />
                <label className="fr-label" htmlFor={`audience-${option.value}`}>
                  {option.label}
                  <span className="fr-hint-text">{option.hint}</span>
                </label>
              </div>
            </div>
          ))}
          {error ? (
            <div className="fr-messages-group" id="audience-error" aria-live="polite">
              <p className="fr-message fr-message--error">{error}</p>
            </div>
          ) : null}
        </fieldset>
        <CheckboxField
          id="forTiersEnabled"
          name="forTiersEnabled"
          label={t("entreprise.audience.forTiers")}
          hint={t("entreprise.audience.forTiersHint")}
          defaultChecked={values.forTiersEnabled}
        />
        <button type="submit" className="fr-btn fr-mt-2w">
          {t("entreprise.audience.save")}
        </button>
      </form>
    </>
  );
}
