/**
 * /admin/procedures/:id/cloner: a new brouillon démarche from one of the administrateur's démarches
 * (choosing what to copy, as the reference's options) or from a published démarche of another
 * administration (its form only: the people who run it are never copied).
 */
import { data, Form, redirect } from "react-router";
import {
  CLONE_OPTIONS,
  type CloneOption,
  LIBELLE_MAX,
  PRIVATE_CLONE_OPTIONS,
} from "../../../server/domain/demarches/clone-options";
import { cloneDemarche, findCloneableDemarche } from "../../../server/operations/demarches/clone-demarche";
import { refusalsByField } from "../../../server/refusal";
import { CheckboxField, InputField } from "../../components/dsfr/fields";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/cloner";
import { demarcheIdOf } from "./admin.server";
import { Breadcrumb, ErrorSummary, PageTitle, useDynamicT } from "./ui/layout";

export const handle = { i18n: ["admin", "cycle"] };

export async function loader({ context, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { demarche, own } = await findCloneableDemarche(services(context).db, admin.administrateurId, demarcheIdOf(params));
  return { demarche: { id: demarche.id, libelle: demarche.libelle }, own };
}

interface ActionData {
  errors: Record<string, string>;
  values: { title: string; options: Partial<Record<CloneOption, boolean>> };
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const { db } = services(context);
  const sourceId = demarcheIdOf(params);
  const form = await readForm(request);
  const title = formString(form, "title");
  const options = Object.fromEntries(CLONE_OPTIONS.map((o) => [o, form.get(`clone_${o}`) === "on"])) as Record<
    CloneOption,
    boolean
  >;
  const result = await cloneDemarche(db, admin.administrateurId, sourceId, { title, options });
  if (!result.ok)
    return data<ActionData>({ errors: refusalsByField(result.refusals).errors, values: { title, options } }, { status: 400 });
  return redirect(`/admin/procedures/${result.demarcheId}?notice=cloned`);
}

export default function Cloner({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const { demarche, own } = loaderData;
  const title = t("cycle.cloner.title", { libelle: demarche.libelle });
  const titleError = actionData?.errors.title ? dt(`cycle.errors.${actionData.errors.title}`) : null;
  const offered = CLONE_OPTIONS.filter((o) => own || !PRIVATE_CLONE_OPTIONS.includes(o));
  return (
    <>
      <PageTitle title={title} error={Boolean(titleError)} />
      <Breadcrumb
        segments={
          own
            ? [{ label: demarche.libelle, href: `/admin/procedures/${demarche.id}` }]
            : [{ label: t("cycle.catalogue.title"), href: "/admin/procedures/toutes" }]
        }
        current={t("cycle.cloner.crumb")}
      />
      <h1>{title}</h1>
      <ErrorSummary errors={titleError ? [{ fieldId: "title", label: t("cycle.cloner.titleLabel"), message: titleError }] : []} />
      <p>{own ? t("cycle.cloner.leadOwn") : t("cycle.cloner.leadOther")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <InputField
          id="title"
          name="title"
          label={t("cycle.cloner.titleLabel")}
          hint={t("cycle.cloner.titleHint", { libelle: demarche.libelle })}
          maxLength={LIBELLE_MAX}
          defaultValue={actionData?.values.title ?? ""}
          error={titleError}
        />
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">{t("cycle.cloner.optionsLegend")}</legend>
          {offered.map((o) => (
            <CheckboxField
              key={o}
              id={`clone_${o}`}
              name={`clone_${o}`}
              label={t(`cycle.cloner.options.${o}`)}
              defaultChecked={actionData?.values.options[o] ?? true}
            />
          ))}
        </fieldset>
        <button type="submit" className="fr-btn fr-icon-file-add-line fr-btn--icon-left">
          {t("cycle.cloner.submit")}
        </button>
      </Form>
    </>
  );
}
