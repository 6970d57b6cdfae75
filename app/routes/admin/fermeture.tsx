/**
 * /admin/procedures/:id/fermeture: the end of a démarche's life — closing date, closing now (with a
 * replacement démarche and e-mails to usagers), unpublishing, and deletion to the corbeille. Each
 * form is a plain POST (works without JavaScript); deletion asks for confirmation first.
 */
import { data, Form, redirect } from "react-router";
import {
  CLOSING_DETAILS_MAX,
  mayClose,
  mayDiscard,
  maySetClosingDate,
  mayUnpublish,
} from "../../../server/domain/demarches/lifecycle";
import { closeDemarche } from "../../../server/operations/demarches/close-demarche";
import { discardDemarche } from "../../../server/operations/demarches/discard-demarche";
import { setClosingDate } from "../../../server/operations/demarches/set-closing-date";
import { unpublishDemarche } from "../../../server/operations/demarches/unpublish-demarche";
import { getLifecycle } from "../../../server/queries/admin/lifecycle";
import { refusalsByField } from "../../../server/refusal";
import { ButtonGroup } from "../../components/dsfr/button-group";
import { CheckboxField, InputField, SelectField, TextareaField } from "../../components/dsfr/fields";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/fermeture";
import { demarcheIdOf, intField } from "./admin.server";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, StateBadge, useDynamicT, useFormatDate } from "./ui/layout";

export const handle = { i18n: ["admin", "cycle"] };

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { demarche, dossiersEnInstruction, replacements } = await getLifecycle(
    services(context).db,
    admin.administrateurId,
    demarcheIdOf(params),
  );
  return {
    demarche: {
      id: demarche.id,
      libelle: demarche.libelle,
      state: demarche.state,
      autoArchiveOn: demarche.autoArchiveOn,
      hiddenAt: demarche.hiddenAt,
      closedAt: demarche.closedAt,
    },
    can: {
      close: mayClose(demarche),
      unpublish: mayUnpublish(demarche),
      closingDate: maySetClosingDate(demarche),
      discard: mayDiscard(demarche, dossiersEnInstruction),
    },
    dossiersEnInstruction,
    replacements,
    notice: new URL(request.url).searchParams.get("notice"),
  };
}

interface ActionData {
  intent: string;
  errors?: Record<string, string>;
  values?: Record<string, string | boolean>;
  confirmDiscard?: boolean;
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  // Scope first: another administrateur gets 404 whatever the form holds.
  await getLifecycle(db, admin.administrateurId, demarcheId);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const here = `/admin/procedures/${demarcheId}/fermeture`;
  const refused = (values: ActionData["values"], refusals: Parameters<typeof refusalsByField>[0]) =>
    data<ActionData>({ intent, values, errors: refusalsByField(refusals).errors }, { status: 400 });
  switch (intent) {
    case "closing-date": {
      const value = formString(form, "autoArchiveOn");
      const result = await setClosingDate(db, admin.administrateurId, demarcheId, value);
      if (!result.ok) return refused({ autoArchiveOn: value }, result.refusals);
      return redirect(`${here}?notice=${result.day ? "closing-date-set" : "closing-date-removed"}`);
    }
    case "close": {
      const rawReplacement = formString(form, "replacedByDemarcheId");
      const values = {
        replacedByDemarcheId: rawReplacement,
        closingDetails: formString(form, "closingDetails"),
        notifyBrouillon: form.get("notifyBrouillon") === "on",
        notifyEnCours: form.get("notifyEnCours") === "on",
      };
      const replacedByDemarcheId = rawReplacement === "" ? null : intField(form, "replacedByDemarcheId");
      if (rawReplacement !== "" && replacedByDemarcheId === null) {
        return refused(values, [{ code: "replacement_not_found", field: "replacedByDemarcheId" }]);
      }
      const result = await closeDemarche(db, admin.administrateurId, demarcheId, { ...values, replacedByDemarcheId });
      if (!result.ok) return refused(values, result.refusals);
      return redirect(`/admin/procedures/${demarcheId}?notice=closed`);
    }
    case "unpublish": {
      const result = await unpublishDemarche(db, admin.administrateurId, demarcheId);
      if (!result.ok) return refused({}, result.refusals);
      return redirect(`${here}?notice=unpublished`);
    }
    case "confirm-discard":
      return data<ActionData>({ intent, confirmDiscard: true });
    case "discard": {
      const result = await discardDemarche(db, admin.administrateurId, demarcheId);
      if (!result.ok) return refused({}, result.refusals);
      return redirect("/admin/procedures/corbeille?notice=discarded");
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

export default function Fermeture({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const formatDate = useFormatDate();
  const { demarche, can, replacements } = loaderData;
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const err = (field: string) => (errors[field] ? dt(`cycle.errors.${errors[field]}`) : null);
  const title = t("cycle.fermeture.title");
  const summary = [
    ...(err("autoArchiveOn")
      ? [{ fieldId: "autoArchiveOn", label: t("cycle.fermeture.date.label"), message: err("autoArchiveOn") ?? "" }]
      : []),
    ...(err("replacedByDemarcheId")
      ? [
          {
            fieldId: "replacedByDemarcheId",
            label: t("cycle.fermeture.close.replacement"),
            message: err("replacedByDemarcheId") ?? "",
          },
        ]
      : []),
    ...(err("closingDetails")
      ? [{ fieldId: "closingDetails", label: t("cycle.fermeture.close.details"), message: err("closingDetails") ?? "" }]
      : []),
  ];
  const formError = err("form");
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={summary.length > 0 || Boolean(formError)} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <StateBadge state={demarche.state} />
      <h1 className="fr-mt-1w">{title}</h1>
      <ErrorSummary errors={summary} />
      {formError ? (
        <Notice kind="error">
          <p>{formError}</p>
        </Notice>
      ) : null}
      {loaderData.notice ? (
        <Notice kind="success">
          <p>{dt(`cycle.fermeture.notices.${loaderData.notice}`)}</p>
        </Notice>
      ) : null}
      {demarche.hiddenAt ? (
        <Notice kind="info">
          <p>
            {t("cycle.fermeture.inCorbeille")} <a href="/admin/procedures/corbeille">{t("cycle.corbeille.title")}</a>
          </p>
        </Notice>
      ) : null}

      {can.closingDate ? (
        <section aria-labelledby="date-title" className="fr-mb-6w">
          <h2 id="date-title">{t("cycle.fermeture.date.title")}</h2>
          <p>{t("cycle.fermeture.date.lead")}</p>
          {demarche.autoArchiveOn ? (
            <p>{t("cycle.fermeture.date.current", { date: formatDate(`${demarche.autoArchiveOn}T12:00:00Z`) })}</p>
          ) : null}
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="closing-date" />
            <InputField
              id="autoArchiveOn"
              name="autoArchiveOn"
              type="date"
              label={t("cycle.fermeture.date.label")}
              hint={t("cycle.fermeture.date.hint")}
              defaultValue={typeof values.autoArchiveOn === "string" ? values.autoArchiveOn : (demarche.autoArchiveOn ?? "")}
              error={err("autoArchiveOn")}
            />
            <button type="submit" className="fr-btn fr-btn--secondary">
              {t("cycle.fermeture.date.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      {can.close ? (
        <section aria-labelledby="close-title" className="fr-mb-6w">
          <h2 id="close-title">{t("cycle.fermeture.close.title")}</h2>
          <p>{t("cycle.fermeture.close.lead")}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="close" />
            <SelectField
              id="replacedByDemarcheId"
              name="replacedByDemarcheId"
              label={t("cycle.fermeture.close.replacement")}
              hint={t("cycle.fermeture.close.replacementHint")}
              defaultValue={typeof values.replacedByDemarcheId === "string" ? values.replacedByDemarcheId : ""}
              error={err("replacedByDemarcheId")}
            >
              <option value="">{t("cycle.fermeture.close.noReplacement")}</option>
              {replacements.map((r) => (
                <option key={r.id} value={r.id}>
                  {`${r.id} – ${r.libelle}`}
                </option>
              ))}
            </SelectField>
            <TextareaField
              id="closingDetails"
              name="closingDetails"
              label={t("cycle.fermeture.close.details")}
              hint={t("cycle.fermeture.close.detailsHint")}
              rows={4}
              maxLength={CLOSING_DETAILS_MAX}
              defaultValue={typeof values.closingDetails === "string" ? values.closingDetails : ""}
              error={err("closingDetails")}
            />
            <fieldset className="fr-fieldset">
              <legend className="fr-fieldset__legend">{t("cycle.fermeture.close.notifyLegend")}</legend>
              <CheckboxField
                id="notifyBrouillon"
                name="notifyBrouillon"
                label={t("cycle.fermeture.close.notifyBrouillon")}
                defaultChecked={values.notifyBrouillon === true}
              />
              <CheckboxField
                id="notifyEnCours"
                name="notifyEnCours"
                label={t("cycle.fermeture.close.notifyEnCours")}
                defaultChecked={values.notifyEnCours === true}
              />
            </fieldset>
            <button type="submit" className="fr-btn fr-icon-close-circle-line fr-btn--icon-left">
              {t("cycle.fermeture.close.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      {can.unpublish ? (
        <section aria-labelledby="unpublish-title" className="fr-mb-6w">
          <h2 id="unpublish-title">{t("cycle.fermeture.unpublish.title")}</h2>
          <p>{t("cycle.fermeture.unpublish.lead")}</p>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="unpublish" />
            <button type="submit" className="fr-btn fr-btn--secondary">
              {t("cycle.fermeture.unpublish.submit")}
            </button>
          </Form>
        </section>
      ) : null}

      {demarche.hiddenAt ? null : (
        <section aria-labelledby="discard-title" className="fr-mb-6w">
          <h2 id="discard-title">{t("cycle.fermeture.discard.title")}</h2>
          {can.discard ? (
            actionData?.confirmDiscard ? (
              <div className="fr-alert fr-alert--warning" id="confirm-discard">
                <h3 className="fr-alert__title">{t("cycle.fermeture.discard.confirmTitle")}</h3>
                <p>{t("cycle.fermeture.discard.confirmBody")}</p>
                <ButtonGroup inline="always" size="sm" className="fr-mt-2w">
                  <Form method="post">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="discard" />
                    <button type="submit" className="fr-btn">
                      {t("cycle.fermeture.discard.confirm")}
                    </button>
                  </Form>
                  <a className="fr-btn fr-btn--secondary" href={`/admin/procedures/${demarche.id}/fermeture`}>
                    {t("common.cancel")}
                  </a>
                </ButtonGroup>
              </div>
            ) : (
              <>
                <p>{t("cycle.fermeture.discard.lead")}</p>
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="confirm-discard" />
                  <button type="submit" className="fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left">
                    {t("cycle.fermeture.discard.submit")}
                  </button>
                </Form>
              </>
            )
          ) : (
            <p>{t("cycle.fermeture.discard.notAllowed")}</p>
          )}
        </section>
      )}
    </>
  );
}
