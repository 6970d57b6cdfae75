/**
 * /dossiers/:id/identite: civilité, nom, prénom of the demandeur. Then the form (brouillon), or
 * back to the dossier page (en construction). Owner only: anyone else gets 404.
 */
import { Form, data, redirect } from "react-router";
import { updateIdentity } from "../../../server/operations/dossiers/update-identity";
import { loadUsagerDossier } from "../../../server/queries/usager/dossier";
import { franceConnectIdentityOf } from "../../../server/queries/usager/france-connect-identity";
import { ErrorSummary } from "../../components/champs/error-summary";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/dossier-identite";
import { dossierIdParam, noStoreHeaders } from "./usager.server";
import { refusalsByField } from "../../../server/refusal";
import { setEtablissement } from "../../../server/operations/dossiers/set-etablissement";

const EDITABLE = ["brouillon", "en_construction"];
const IDENTITY_ERRORS = ["civilite_required", "nom_required", "prenom_required", "too_long", "read_only"] as const;
type IdentityError = (typeof IDENTITY_ERRORS)[number];

function errorKey(code: string | undefined): IdentityError | null {
  if (code === undefined) return null;
  return (IDENTITY_ERRORS as readonly string[]).includes(code) ? (code as IdentityError) : "read_only";
}

export const handle = { i18n: ["champs", "entreprise", "fichiers", "usager"] };

const SIRET_ERRORS = ["siret_required", "siret_invalid", "siret_not_found", "siret_ferme", "read_only"] as const;

export const headers = noStoreHeaders;

export async function loader({ params, context }: Route.LoaderArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { db } = services(context);
  const { dossier, demarche, etablissement } = await loadUsagerDossier(db, user.id, id);
  if (!EDITABLE.includes(dossier.state)) throw redirect(`/dossiers/${id}`);
  const common = { dossierId: dossier.id, state: dossier.state, demarcheLibelle: demarche.libelle };
  if (!demarche.forIndividual) return { ...common, kind: "siret" as const, siret: etablissement?.siret ?? "" };
  const saved = { civilite: dossier.civilite ?? "", nom: dossier.nom ?? "", prenom: dossier.prenom ?? "" };
  // Signed up with FranceConnect: its identity fills a blank identity step, and says where it comes from
  // (as long as the values are FranceConnect's).
  const fc = await franceConnectIdentityOf(db, user.id);
  const fcValues = fc ? { civilite: fc.civilite ?? "", nom: fc.nom, prenom: fc.prenom } : null;
  const blank = !saved.civilite && !saved.nom && !saved.prenom;
  const identity = fcValues && blank ? fcValues : saved;
  const fromFranceConnect =
    fcValues !== null &&
    identity.civilite === fcValues.civilite &&
    identity.nom === fcValues.nom &&
    identity.prenom === fcValues.prenom;
  const birthdate =
    fromFranceConnect && fc?.birthdate
      ? new Intl.DateTimeFormat(requestState(context).locale, { dateStyle: "long", timeZone: "UTC" }).format(
          new Date(`${fc.birthdate}T00:00:00Z`),
        )
      : null;
  return {
    ...common,
    kind: "individual" as const,
    identity: {
      ...identity,
      forTiers: dossier.forTiers ? "true" : "false",
      mandataireFirstName: dossier.mandataireFirstName ?? "",
      mandataireLastName: dossier.mandataireLastName ?? "",
      beneficiaireEmail: dossier.beneficiaireEmail ?? "",
    },
    /** « Pour un tiers » allowed on this démarche: the usager says for whom they file. */
    forTiersEnabled: demarche.forTiersEnabled,
    franceConnect: fromFranceConnect ? { birthdate } : null,
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const user = currentUser(context);
  const id = dossierIdParam(params.id);
  const { db } = services(context);
  // Scope first: someone else's dossier is a 404 whatever they sent.
  const { dossier, demarche } = await loadUsagerDossier(db, user.id, id);
  if (!EDITABLE.includes(dossier.state)) throw redirect(`/dossiers/${id}`);
  const form = await readForm(request);
  if (!demarche.forIndividual) {
    const siret = formString(form, "siret");
    const { config } = services(context);
    const result = await setEtablissement(
      db,
      { apiEntreprise: config.apiEntreprise, retryDelayMs: config.apiEntrepriseRetryDelayMs },
      user.id,
      id,
      { siret },
    );
    if (!result.ok) {
      const { errors } = refusalsByField(result.refusals);
      if (errors.form) throw redirect(`/dossiers/${id}`);
      return data(
        {
          values: {
            civilite: "",
            nom: "",
            prenom: "",
            forTiers: "false",
            mandataireFirstName: "",
            mandataireLastName: "",
            beneficiaireEmail: "",
            siret,
          },
          errors,
        },
        { status: 422 },
      );
    }
    return redirect(`/dossiers/${id}/etablissement`);
  }
  const values = {
    civilite: formString(form, "civilite"),
    nom: formString(form, "nom"),
    prenom: formString(form, "prenom"),
    forTiers: formString(form, "forTiers") === "true" ? "true" : "false",
    mandataireFirstName: formString(form, "mandataireFirstName"),
    mandataireLastName: formString(form, "mandataireLastName"),
    beneficiaireEmail: formString(form, "beneficiaireEmail"),
    siret: "",
  };
  const result = await updateIdentity(db, user.id, id, values);
  if (!result.ok) {
    const { errors } = refusalsByField(result.refusals);
    if (errors.form) throw redirect(`/dossiers/${id}`);
    return data({ values, errors }, { status: 422 });
  }
  return redirect(dossier.state === "brouillon" ? `/dossiers/${id}/brouillon` : `/dossiers/${id}`);
}

function SiretStep({
  loaderData,
  actionData,
}: {
  loaderData: { dossierId: number; state: string; demarcheLibelle: string; siret: string };
  actionData: { values: { siret: string }; errors: Record<string, string> } | undefined;
}) {
  const t = useT();
  const code = actionData?.errors.siret ?? actionData?.errors.form;
  const error = code
    ? t(
        `entreprise.siret.errors.${(SIRET_ERRORS as readonly string[]).includes(code) ? (code as (typeof SIRET_ERRORS)[number]) : "read_only"}`,
      )
    : null;
  const title = t("entreprise.siret.title");
  const value = actionData?.values.siret ?? loaderData.siret;
  return (
    <>
      <title>{error ? t("usager.errorPageTitle", { title }) : t("usager.pageTitle", { title })}</title>
      <p className="fr-text--sm fr-mb-1w">
        {loaderData.demarcheLibelle} – {t("usager.dossierNumber", { number: loaderData.dossierId })}
      </p>
      <h1>{title}</h1>
      <p>{t("entreprise.siret.lead")}</p>
      <ErrorSummary items={error ? [{ href: "#identite-siret", message: error }] : []} />
      <Form method="post" noValidate>
        <CsrfInput />
        <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
          <label className="fr-label" htmlFor="identite-siret">
            {t("entreprise.siret.label")} *<span className="fr-hint-text">{t("entreprise.siret.hint")}</span>
          </label>
          <input
            className={error ? "fr-input fr-input--error" : "fr-input"}
            type="text"
            inputMode="numeric"
            id="identite-siret"
            name="siret"
            autoComplete="off"
            defaultValue={value}
            aria-describedby={error ? "identite-siret-error" : undefined}
            aria-invalid={error ? true : undefined}
            aria-required
          />
          {error ? (
            <p className="fr-error-text" id="identite-siret-error">
              {error}
            </p>
          ) : null}
        </div>
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn">
              {t("entreprise.siret.submit")}
            </button>
          </li>
          {loaderData.state !== "brouillon" ? (
            <li>
              <a className="fr-btn fr-btn--secondary" href={`/dossiers/${loaderData.dossierId}`}>
                {t("entreprise.siret.back")}
              </a>
            </li>
          ) : null}
        </ul>
      </Form>
    </>
  );
}

export default function DossierIdentite({ loaderData, actionData }: Route.ComponentProps) {
  if (loaderData.kind === "siret") {
    return <SiretStep loaderData={loaderData} actionData={actionData && "values" in actionData ? actionData : undefined} />;
  }
  return <IndividualStep loaderData={loaderData} actionData={actionData} />;
}

function IndividualStep({
  loaderData,
  actionData,
}: {
  loaderData: Extract<Route.ComponentProps["loaderData"], { kind: "individual" }>;
  actionData: Route.ComponentProps["actionData"];
}) {
  const t = useT();
  const values = actionData?.values ?? loaderData.identity;
  const errors: Record<string, string> = actionData?.errors ?? {};
  const mandataireMessage = (code: string) =>
    t(
      `entreprise.mandataire.errors.${(MANDATAIRE_ERRORS as readonly string[]).includes(code) ? (code as MandataireError) : "too_long"}`,
    );
  const message = (field: "civilite" | "nom" | "prenom") => {
    const key = errorKey(errors[field]);
    return key ? t(`usager.identite.errors.${key}`) : null;
  };
  const fields = [
    { name: "nom" as const, autoComplete: "family-name", label: t("usager.identite.nom") },
    { name: "prenom" as const, autoComplete: "given-name", label: t("usager.identite.prenom") },
  ];
  const civiliteError = message("civilite");
  const summary = [
    ...MANDATAIRE_FIELDS.flatMap((f) => {
      const code = errors[f.name];
      return code ? [{ href: `#identite-${f.name}`, message: mandataireMessage(code) }] : [];
    }),
    ...(civiliteError ? [{ href: "#identite-civilite", message: civiliteError }] : []),
    ...fields.flatMap((f) => {
      const m = message(f.name);
      return m ? [{ href: `#identite-${f.name}`, message: m }] : [];
    }),
  ];
  const title = t("usager.identite.title");
  return (
    <>
      <title>{summary.length > 0 ? t("usager.errorPageTitle", { title }) : t("usager.pageTitle", { title })}</title>
      <p className="fr-text--sm fr-mb-1w">
        {loaderData.demarcheLibelle} – {t("usager.dossierNumber", { number: loaderData.dossierId })}
      </p>
      <h1>{title}</h1>
      <p>{t("usager.identite.lead")}</p>
      {loaderData.franceConnect ? (
        <div className="fr-callout fr-mb-3w" id="identite-france-connect">
          <h2 className="fr-callout__title fr-h6">
            {t("usager.identite.franceConnect.title")}{" "}
            <span className="fr-badge fr-badge--info fr-badge--sm">{t("usager.identite.franceConnect.badge")}</span>
          </h2>
          <p className="fr-callout__text fr-text--md">
            {loaderData.franceConnect.birthdate
              ? t("usager.identite.franceConnect.body", { birthdate: loaderData.franceConnect.birthdate })
              : t("usager.identite.franceConnect.bodyNoBirthdate")}
          </p>
        </div>
      ) : null}
      <ErrorSummary items={summary} />
      <p className="fr-hint-text">{t("common.requiredHint")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        {loaderData.forTiersEnabled ? <MandataireFields values={values} errors={errors} /> : null}
        <fieldset
          className={civiliteError ? "fr-fieldset fr-fieldset--error" : "fr-fieldset"}
          aria-labelledby="identite-civilite-legend"
          aria-describedby={civiliteError ? "identite-civilite-error" : undefined}
        >
          <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id="identite-civilite-legend">
            {t("usager.identite.civilite")} *
          </legend>
          {(["M.", "Mme"] as const).map((civilite, index) => {
            const id = index === 0 ? "identite-civilite" : "identite-civilite-mme";
            return (
              <div className="fr-fieldset__element fr-fieldset__element--inline" key={civilite}>
                <div className="fr-radio-group">
                  <input type="radio" id={id} name="civilite" value={civilite} defaultChecked={values.civilite === civilite} />
                  <label className="fr-label" htmlFor={id}>
                    {civilite === "M." ? t("usager.civilites.M") : t("usager.civilites.Mme")}
                  </label>
                </div>
              </div>
            );
          })}
          {civiliteError ? (
            <div className="fr-messages-group">
              <p className="fr-error-text" id="identite-civilite-error">
                {civiliteError}
              </p>
            </div>
          ) : null}
        </fieldset>
        {fields.map((field) => {
          const error = message(field.name);
          const id = `identite-${field.name}`;
          return (
            <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"} key={field.name}>
              <label className="fr-label" htmlFor={id}>
                {field.label} *
              </label>
              <input
                className={error ? "fr-input fr-input--error" : "fr-input"}
                type="text"
                id={id}
                name={field.name}
                autoComplete={field.autoComplete}
                defaultValue={values[field.name]}
                aria-describedby={error ? `${id}-error` : undefined}
                aria-invalid={error ? true : undefined}
                aria-required
              />
              {error ? (
                <p className="fr-error-text" id={`${id}-error`}>
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
        <ul className="fr-btns-group fr-btns-group--inline-md">
          <li>
            <button type="submit" className="fr-btn">
              {loaderData.state === "brouillon" ? t("usager.identite.continue") : t("usager.identite.save")}
            </button>
          </li>
          {loaderData.state !== "brouillon" ? (
            <li>
              <a className="fr-btn fr-btn--secondary" href={`/dossiers/${loaderData.dossierId}`}>
                {t("usager.identite.back")}
              </a>
            </li>
          ) : null}
        </ul>
      </Form>
    </>
  );
}

const MANDATAIRE_ERRORS = [
  "mandataire_prenom_required",
  "mandataire_nom_required",
  "beneficiaire_email_invalid",
  "too_long",
] as const;
type MandataireError = (typeof MANDATAIRE_ERRORS)[number];
const MANDATAIRE_FIELDS = [
  { name: "mandataireFirstName", label: "entreprise.mandataire.prenom", autoComplete: "given-name", type: "text" },
  { name: "mandataireLastName", label: "entreprise.mandataire.nom", autoComplete: "family-name", type: "text" },
  { name: "beneficiaireEmail", label: "entreprise.mandataire.beneficiaireEmail", autoComplete: "off", type: "email" },
] as const;

/**
 * « Pour qui déposez-vous ce dossier ? » on a démarche that allows filing for a tiers: for oneself,
 * or as mandataire (then the mandataire's names; the identity below is the bénéficiaire's). The
 * mandataire's fields are always shown (no JavaScript needed) and only read when « pour un tiers » is chosen.
 */
function MandataireFields({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  const t = useT();
  const message = (code: string | undefined) =>
    code
      ? t(
          `entreprise.mandataire.errors.${(MANDATAIRE_ERRORS as readonly string[]).includes(code) ? (code as MandataireError) : "too_long"}`,
        )
      : null;
  return (
    <>
      <fieldset className="fr-fieldset" aria-labelledby="identite-for-tiers-legend">
        <legend className="fr-fieldset__legend fr-fieldset__legend--regular" id="identite-for-tiers-legend">
          {t("entreprise.mandataire.legend")}
          <span className="fr-hint-text">{t("entreprise.mandataire.tiersHint")}</span>
        </legend>
        {(["false", "true"] as const).map((choice) => (
          <div className="fr-fieldset__element" key={choice}>
            <div className="fr-radio-group">
              <input
                type="radio"
                id={`identite-forTiers-${choice}`}
                name="forTiers"
                value={choice}
                defaultChecked={(values.forTiers ?? "false") === choice}
              />
              <label className="fr-label" htmlFor={`identite-forTiers-${choice}`}>
                {choice === "true" ? t("entreprise.mandataire.forTiers") : t("entreprise.mandataire.forSelf")}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset className="fr-fieldset" aria-labelledby="identite-mandataire-legend">
        <legend className="fr-fieldset__legend" id="identite-mandataire-legend">
          {t("entreprise.mandataire.mandataireLegend")}
        </legend>
        {MANDATAIRE_FIELDS.map((field) => {
          const error = message(errors[field.name]);
          const id = `identite-${field.name}`;
          return (
            <div className="fr-fieldset__element" key={field.name}>
              <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
                <label className="fr-label" htmlFor={id}>
                  {t(field.label)}
                  {field.name === "beneficiaireEmail" ? (
                    <span className="fr-hint-text">{t("entreprise.mandataire.beneficiaireEmailHint")}</span>
                  ) : null}
                </label>
                <input
                  className={error ? "fr-input fr-input--error" : "fr-input"}
                  type={field.type}
                  id={id}
                  name={field.name}
                  autoComplete={field.autoComplete}
                  defaultValue={values[field.name] ?? ""}
                  aria-describedby={error ? `${id}-error` : undefined}
                  aria-invalid={error ? true : undefined}
                />
                {error ? (
                  <p className="fr-error-text" id={`${id}-error`}>
                    {error}
                  </p>
                ) : null}
              </div>
            </div>
          );
        })}
      </fieldset>
    </>
  );
}
