/**
 * The démarche's « Avis externes » settings: whether instructeurs may ask experts, whether only the
 * listed experts may be asked, the list itself (add addresses; notify of decisions or not; remove).
 * Scoped to the démarche's administrateurs (404 otherwise, nothing changes).
 */
import { data, Form, redirect } from "react-router";
import { addDemarcheExperts } from "../../../server/operations/demarches/add-demarche-experts";
import { updateDemarcheExpert } from "../../../server/operations/demarches/update-demarche-expert";
import { updateExpertsSettings } from "../../../server/operations/demarches/update-experts-settings";
import { loadDemarcheExperts } from "../../../server/queries/admin/experts";
import { DsfrTable } from "../../components/dsfr/table";
import { CsrfInput } from "../../components/csrf-input";
import { CheckboxField, TextareaField } from "../../components/dsfr/fields";
import { avisRefusalMessages } from "../../lib/avis-form.server";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, notFound, readForm, requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/experts";
import { demarcheIdOf, intField } from "./admin.server";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle } from "./ui/layout";

export const handle = { i18n: ["admin", "avis"] };

const NOTICES = ["settings", "added", "expert"] as const;
type NoticeKey = (typeof NOTICES)[number];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const loaded = await loadDemarcheExperts(services(context).db, admin.administrateurId, demarcheIdOf(params));
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    ...loaded,
    experts: loaded.experts.map((e) => ({ ...e, revoked: e.revokedAt !== null, revokedAt: undefined })),
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as NoticeKey) : null,
  };
}

interface ActionData {
  values: { emails: string; allowDecisionAccess: boolean };
  errors: Record<string, string>;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  const { locale } = requestState(context);
  // Scope first: another administrateur gets 404 whatever the form holds.
  const { experts } = await loadDemarcheExperts(db, admin.administrateurId, demarcheId);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const who = { administrateurId: admin.administrateurId, userId: admin.id };
  const page = `/admin/procedures/${demarcheId}/experts`;
  switch (intent) {
    case "settings":
      await updateExpertsSettings(db, who, demarcheId, {
        allowExpertReview: form.get("allow_expert_review") === "on",
        allowExpertMessaging: form.get("allow_expert_messaging") === "on",
        expertsRequireAdministrateurInvitation: form.get("restricted") === "on",
      });
      return redirect(`${page}?notice=settings`);
    case "add": {
      const values = { emails: formString(form, "emails"), allowDecisionAccess: form.get("allow_decision_access") === "on" };
      const result = await addDemarcheExperts(db, who, demarcheId, { ...values, locale });
      if (result.ok) return redirect(`${page}?notice=added`);
      return data<ActionData>({ values, errors: avisRefusalMessages(result.refusals, tFor(context), locale) }, { status: 422 });
    }
    case "notify-on":
    case "notify-off":
    case "remove": {
      const id = intField(form, "expertsProcedureId");
      if (!experts.some((e) => e.id === id) || id === null) notFound();
      await updateDemarcheExpert(
        db,
        who,
        demarcheId,
        id,
        intent === "remove" ? { revoke: true } : { allowDecisionAccess: intent === "notify-on" },
      );
      return redirect(`${page}?notice=expert`);
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

export default function AdminExperts({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { demarche, experts, notice } = loaderData;
  const title = t("avis.admin.title");
  const errors = actionData?.errors ?? {};
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={Object.keys(errors).length > 0} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("avis.admin.lead")}</p>
      {notice && !actionData ? <Notice kind="success" title={t(`avis.admin.notices.${notice}`)} /> : null}
      <ErrorSummary
        errors={errors.emails ? [{ fieldId: "experts-emails", label: t("avis.admin.emails"), message: errors.emails }] : []}
      />

      <section aria-labelledby="experts-settings" className="fr-mb-6w">
        <h2 id="experts-settings">{t("avis.admin.settingsTitle")}</h2>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="settings" />
          <fieldset className="fr-fieldset">
            <div className="fr-fieldset__element">
              <CheckboxField
                id="allow-expert-review"
                name="allow_expert_review"
                label={t("avis.admin.allowExpertReview")}
                defaultChecked={demarche.allowExpertReview}
              />
            </div>
            <div className="fr-fieldset__element">
              <CheckboxField
                id="allow-expert-messaging"
                name="allow_expert_messaging"
                label={t("avis.admin.allowExpertMessaging")}
                hint={t("avis.admin.allowExpertMessagingHint")}
                defaultChecked={demarche.allowExpertMessaging}
              />
            </div>
            <div className="fr-fieldset__element">
              <CheckboxField
                id="experts-restricted"
                name="restricted"
                label={t("avis.admin.restricted")}
                hint={t("avis.admin.restrictedHint")}
                defaultChecked={demarche.expertsRequireAdministrateurInvitation}
              />
            </div>
          </fieldset>
          <button type="submit" className="fr-btn">
            {t("avis.admin.save")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="experts-list" className="fr-mb-6w">
        <h2 id="experts-list">{t("avis.admin.listTitle")}</h2>
        {experts.length === 0 ? (
          <p>{t("avis.admin.listEmpty")}</p>
        ) : (
          <DsfrTable
            caption={t("avis.admin.listTitle")}
            captionHidden
            columns={[
              t("avis.admin.email"),
              t("avis.admin.origin"),
              t("avis.admin.decisionAccess"),
              t("avis.admin.status"),
              t("avis.admin.actions"),
            ]}
          >
            <tbody>
              {experts.map((e) => (
                <tr key={e.id}>
                  <td>{e.email}</td>
                  <td>{e.listed ? t("avis.admin.listed") : t("avis.admin.askedByInstructeur")}</td>
                  <td>{e.allowDecisionAccess ? t("avis.admin.enabled") : t("avis.admin.disabled")}</td>
                  <td>{e.revoked ? t("avis.admin.removed") : t("avis.admin.active")}</td>
                  <td>
                    {e.revoked ? null : (
                      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                        <li>
                          <Form method="post">
                            <CsrfInput />
                            <input type="hidden" name="intent" value={e.allowDecisionAccess ? "notify-off" : "notify-on"} />
                            <input type="hidden" name="expertsProcedureId" value={e.id} />
                            <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary">
                              {e.allowDecisionAccess ? t("avis.admin.notifyOff") : t("avis.admin.notifyOn")}
                            </button>
                          </Form>
                        </li>
                        <li>
                          <Form method="post">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="expertsProcedureId" value={e.id} />
                            <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                              {t("avis.admin.remove", { email: e.email })}
                            </button>
                          </Form>
                        </li>
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </DsfrTable>
        )}
      </section>

      <section aria-labelledby="experts-add" className="fr-mb-6w">
        <h2 id="experts-add">{t("avis.admin.addTitle")}</h2>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="add" />
          <TextareaField
            id="experts-emails"
            name="emails"
            rows={3}
            label={t("avis.admin.emails")}
            hint={t("avis.admin.emailsHint")}
            error={errors.emails}
            defaultValue={actionData?.values.emails ?? ""}
          />
          <div className="fr-checkbox-group fr-mb-3w">
            <input
              type="checkbox"
              id="allow-decision-access"
              name="allow_decision_access"
              defaultChecked={actionData?.values.allowDecisionAccess ?? false}
            />
            <label className="fr-label" htmlFor="allow-decision-access">
              {t("avis.admin.allowDecisionAccess")}
            </label>
          </div>
          <button type="submit" className="fr-btn">
            {t("avis.admin.add")}
          </button>
        </Form>
      </section>
    </>
  );
}
