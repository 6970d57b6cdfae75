import { useState } from "react";
import { data, Form, redirect } from "react-router";
import { isGeneratedPath, slugifyLibelle, suggestPath } from "../../../server/domain/demarches/path-suggestion";
import { closeDemarche } from "../../../server/operations/demarches/close-demarche";
import { findAdministrableDemarche } from "../../../server/lookups/administrable-demarche";
import { mailTemplateBlockers } from "../../../server/lookups/publication-checks";
import { publishDemarche, ZPath } from "../../../server/operations/demarches/publish-demarche";
import { blockersOf, draftChanged, pathsStartingWith } from "../../../server/queries/admin/demarches";
import { getPublicationReview } from "../../../server/queries/admin/publication-review";
import { CsrfInput } from "../../components/csrf-input";
import { useT, useTn } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/publication";
import { demarcheIdOf } from "./admin.server";
import { CheckboxField, InputField } from "../../components/dsfr/fields";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, StateBadge, useDynamicT } from "./ui/layout";
import { PublishedFields, RevisionDiff } from "./ui/revision-diff";
import { refusalsByField, refuse } from "../../../server/refusal";
import { ButtonGroup } from "../../components/dsfr/button-group";

/** Where each blocker is fixed. */
const BLOCKER_LINKS: Record<string, string> = {
  no_champ: "champs",
  champ_invalid: "champs",
  block_empty: "champs",
  type_not_offered: "champs",
  condition_invalid: "champs",
  annotation_invalid: "annotations",
  annotation_block_empty: "annotations",
  annotation_type_not_offered: "annotations",
  annotation_condition_invalid: "annotations",
  ineligibilite_invalid: "ineligibilite",
  no_instructeur: "instructeurs",
  routing_invalid: "groupes",
  mail_template_invalid: "emails",
  service_missing: "service",
  service_siret_invalid: "service",
  lien_site_web_missing: "edit",
  attestation_invalid: "attestations",
  attestation_mail_link_missing: "emails",
};

export const handle = { i18n: ["admin", "champs", "fichiers", "revisions", "modeles", "cycle"] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { db, config } = services(context);
  const demarche = await findAdministrableDemarche(db, admin.administrateurId, demarcheIdOf(params));
  let suggestedPath = demarche.path ?? "";
  if (isGeneratedPath(demarche.path)) {
    const taken = await pathsStartingWith(db, slugifyLibelle(demarche.libelle), demarche.id);
    suggestedPath = suggestPath(demarche.libelle, (path) => taken.has(path));
  }
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle, state: demarche.state, path: demarche.path },
    blockers: await blockersOf(db, demarche),
    // Each bad tag of a customised e-mail, named with its e-mail.
    mailTemplateProblems: await mailTemplateBlockers(db, demarche),
    review: await getPublicationReview(db, demarche),
    suggestedPath,
    appUrl: config.appUrl,
    justPublished: demarche.state === "publiee" && new URL(request.url).searchParams.get("publiee") === "1",
  };
}

interface ActionData {
  intent: string;
  values?: { path: string; confirmTestDeletion: boolean; confirmChanges: boolean };
  errors?: Record<string, string>;
  confirmClose?: boolean;
}

function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  // Scope first: another administrateur gets 404 whatever the form holds.
  const demarche = await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  switch (intent) {
    // "change-path": a published démarche whose form has not changed only gets a new address.
    case "change-path":
    case "publish": {
      const values = {
        path: formString(form, "path").trim(),
        confirmTestDeletion: form.get("confirmTestDeletion") === "on",
        confirmChanges: form.get("confirmChanges") === "on",
      };
      const errors: Record<string, string> = {};
      if (!ZPath.safeParse(values.path).success) errors.path = "path_invalid";
      if (intent === "change-path" && values.path === demarche.path) {
        return redirect(`/admin/procedures/${demarcheId}/publication`);
      }
      if (intent === "publish" && demarche.state === "brouillon" && !values.confirmTestDeletion) {
        errors.confirmTestDeletion = "confirm_required";
      }
      // Re-publishing changes needs the administrateur to confirm the list of changes shown.
      if (intent === "publish" && !values.confirmChanges && (await draftChanged(db, demarche))) {
        errors.confirmChanges = "confirm_changes_required";
      }
      if (Object.keys(errors).length > 0) return data<ActionData>({ intent, values, errors }, { status: 400 });
      const confirmedChanges = formString(form, "changes");
      let result: Awaited<ReturnType<typeof publishDemarche>>;
      try {
        result = await publishDemarche(db, admin.administrateurId, demarcheId, {
          path: values.path,
          ...(confirmedChanges === "" ? {} : { confirmedChanges }),
        });
      } catch (error) {
        // Two démarches published at the same path at the same moment: the unique index decides.
        if (!isUniqueViolation(error)) throw error;
        result = refuse("path_taken", "path");
      }
      if (!result.ok)
        return data<ActionData>({ intent, values, errors: refusalsByField(result.refusals).errors }, { status: 400 });
      return redirect(`/admin/procedures/${demarcheId}/publication${intent === "publish" ? "?publiee=1" : ""}`);
    }
    case "confirm-close":
      return data<ActionData>({ intent, confirmClose: true });
    case "close": {
      const result = await closeDemarche(db, admin.administrateurId, demarcheId);
      if (!result.ok) return data<ActionData>({ intent, errors: refusalsByField(result.refusals).errors }, { status: 409 });
      return redirect(`/admin/procedures/${demarcheId}?notice=closed`);
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

export default function Publication({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const dt = useDynamicT();
  const { demarche, blockers, appUrl } = loaderData;
  const base = `/admin/procedures/${demarche.id}`;
  const publicUrl = (path: string) => `${appUrl}/commencer/${path}`;
  const [path, setPath] = useState(actionData?.values?.path ?? loaderData.suggestedPath);

  if (loaderData.justPublished && demarche.path) {
    const title = t("admin.publication.successTitle");
    return (
      <>
        <PageTitle title={`${title} – ${demarche.libelle}`} />
        <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
        <h1>{title}</h1>
        <Notice kind="success" title={t("admin.publication.successBody", { libelle: demarche.libelle })}>
          <p>
            {t("admin.publication.publicLink")} <a href={publicUrl(demarche.path)}>{publicUrl(demarche.path)}</a>
          </p>
        </Notice>
        <p>{t("admin.publication.successNext")}</p>
        <ButtonGroup inline="md">
          <a className="fr-btn" href={base}>
            {t("admin.publication.backToOverview")}
          </a>
        </ButtonGroup>
      </>
    );
  }

  const errors = actionData?.errors ?? {};
  const formBlockers =
    actionData?.intent === "publish" || actionData?.intent === "change-path"
      ? Object.keys(errors).filter((key) => key in BLOCKER_LINKS || key === "form")
      : [];
  const shownBlockers = [...new Set([...blockers.filter((b) => b !== "path_taken"), ...formBlockers.map((k) => errors[k] ?? k)])];
  const fieldError = (field: "path" | "confirmTestDeletion" | "confirmChanges") => {
    const key = errors[field];
    return key ? dt(`admin.publication.errors.${key}`) : null;
  };
  const summary = [
    ...(fieldError("path")
      ? [{ fieldId: "path", label: t("admin.publication.pathLabel"), message: fieldError("path") ?? "" }]
      : []),
    ...(fieldError("confirmTestDeletion")
      ? [{ fieldId: "confirmTestDeletion", label: "", message: fieldError("confirmTestDeletion") ?? "" }]
      : []),
    ...(fieldError("confirmChanges")
      ? [{ fieldId: "confirmChanges", label: "", message: fieldError("confirmChanges") ?? "" }]
      : []),
  ];
  const closeError = actionData?.intent === "close" && errors.form ? dt(`admin.publication.errors.${errors.form}`) : null;
  const review = loaderData.review;
  const changes = review?.kind === "changes" ? review.changes : [];
  const nothingToPublish = demarche.state === "publiee" && review?.kind === "changes" && changes.length === 0;
  const pathField = (
    <>
      <InputField
        id="path"
        name="path"
        label={t("admin.publication.pathLabel")}
        hint={t("admin.publication.pathHint", { prefix: `${appUrl}/commencer/` })}
        required
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        maxLength={200}
        defaultValue={actionData?.values?.path ?? loaderData.suggestedPath}
        onInput={(event) => setPath((event.target as HTMLInputElement).value.trim().toLowerCase())}
        error={fieldError("path")}
        describedById="future-url"
      />
      <p id="future-url" className="fr-text--sm">
        {t("admin.publication.futureUrl")} <strong>{publicUrl(path)}</strong>
      </p>
    </>
  );
  const title = t("admin.publication.title");
  const formTitle =
    demarche.state === "brouillon"
      ? t("admin.publication.publishTitle")
      : demarche.state === "publiee"
        ? t("admin.publication.republishTitle")
        : t("admin.publication.reopenTitle");
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={summary.length > 0 || Boolean(closeError)} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <StateBadge state={demarche.state} />
      <h1 className="fr-mt-1w">{title}</h1>
      <ErrorSummary errors={summary} />
      {closeError ? (
        <Notice kind="error">
          <p>{closeError}</p>
        </Notice>
      ) : null}
      {demarche.state === "publiee" && demarche.path ? (
        <p>
          {t("admin.publication.currentLink")} <a href={publicUrl(demarche.path)}>{publicUrl(demarche.path)}</a>
        </p>
      ) : null}

      {shownBlockers.length > 0 ? (
        <div className="fr-alert fr-alert--warning fr-mb-4w" role={formBlockers.length > 0 ? "alert" : undefined}>
          <h2 className="fr-alert__title">{t("admin.publication.blockersTitle")}</h2>
          <ul>
            {shownBlockers.map((blocker) => (
              <li key={blocker}>
                {dt(`admin.publication.errors.${blocker}`)}{" "}
                {blocker === "mail_template_invalid" ? (
                  <ul>
                    {loaderData.mailTemplateProblems.map((p) => (
                      <li key={`${p.kind}-${p.tag}`}>
                        <a href={`${base}/emails/${p.kind}`}>
                          {t("modeles.publication.problem", {
                            name: dt(`modeles.kinds.${p.kind}.name`),
                            message: dt(`modeles.errors.${p.code}`, { tag: p.tag }),
                          })}
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {BLOCKER_LINKS[blocker] ? (
                  <a href={`${base}/${BLOCKER_LINKS[blocker]}`}>{dt(`admin.publication.fixLinks.${blocker}`)}</a>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <section aria-labelledby="publish-title" className="fr-mb-6w">
        <h2 id="publish-title">{formTitle}</h2>
        {review?.kind === "first" ? <PublishedFields fields={review.fields} /> : null}
        {changes.length > 0 ? (
          <div id="changes" className="fr-mb-3w">
            <h3 className="fr-h5">{t("revisions.publication.changesTitle")}</h3>
            <p>{t("admin.publication.draftChanged")}</p>
            <RevisionDiff changes={changes} headingLevel={4} />
            {review?.kind === "changes" && review.openDossiers > 0 ? (
              <p className="fr-text--sm">{tn("revisions.publication.openDossiers", review.openDossiers)}</p>
            ) : null}
          </div>
        ) : null}
        {nothingToPublish ? (
          <>
            <p id="nothing-to-publish">{t("admin.publication.draftUnchanged")}</p>
            <button
              type="button"
              className="fr-btn fr-icon-upload-line fr-btn--icon-left"
              disabled
              aria-describedby="nothing-to-publish"
            >
              {formTitle}
            </button>
          </>
        ) : (
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="publish" />
            {review?.kind === "changes" && changes.length > 0 ? (
              <input type="hidden" name="changes" value={review.fingerprint} />
            ) : null}
            {pathField}
            {demarche.state === "brouillon" ? (
              <CheckboxField
                id="confirmTestDeletion"
                name="confirmTestDeletion"
                label={t("admin.publication.confirmTestDeletion")}
                defaultChecked={actionData?.values?.confirmTestDeletion ?? false}
                error={fieldError("confirmTestDeletion")}
                className="fr-mb-3w"
              />
            ) : null}
            {changes.length > 0 ? (
              <CheckboxField
                id="confirmChanges"
                name="confirmChanges"
                label={t("revisions.publication.confirmChanges")}
                defaultChecked={actionData?.values?.confirmChanges ?? false}
                error={fieldError("confirmChanges")}
                className="fr-mb-3w"
              />
            ) : null}
            <button type="submit" className="fr-btn fr-icon-upload-line fr-btn--icon-left">
              {formTitle}
            </button>
          </Form>
        )}
      </section>

      {nothingToPublish ? (
        <section aria-labelledby="path-title" className="fr-mb-6w">
          <h2 id="path-title">{t("revisions.publication.pathTitle")}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="change-path" />
            {pathField}
            <button type="submit" className="fr-btn fr-btn--secondary">
              {t("revisions.publication.pathSubmit")}
            </button>
          </Form>
        </section>
      ) : null}

      {demarche.state === "publiee" ? (
        <section aria-labelledby="close-title">
          <h2 id="close-title">{t("admin.publication.closeTitle")}</h2>
          <p>{t("admin.publication.closeBody")}</p>
          <p>
            <a className="fr-link" href={`${base}/fermeture`}>
              {t("cycle.links.fermeture")}
            </a>
          </p>
          {actionData?.confirmClose ? (
            <div className="fr-alert fr-alert--warning" id="confirm-close">
              <h3 className="fr-alert__title">{t("admin.publication.closeConfirmTitle")}</h3>
              <p>{t("admin.publication.closeConfirmBody")}</p>
              <ButtonGroup inline="always" size="sm" className="fr-mt-2w">
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="close" />
                  <button type="submit" className="fr-btn">
                    {t("admin.publication.closeConfirm")}
                  </button>
                </Form>
                <a className="fr-btn fr-btn--secondary" href={`${base}/publication`}>
                  {t("common.cancel")}
                </a>
              </ButtonGroup>
            </div>
          ) : (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="confirm-close" />
              <button type="submit" className="fr-btn fr-btn--secondary fr-icon-close-circle-line fr-btn--icon-left">
                {t("admin.publication.closeSubmit")}
              </button>
            </Form>
          )}
        </section>
      ) : null}
    </>
  );
}
