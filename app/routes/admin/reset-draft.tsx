/**
 * /admin/procedures/:id/annuler-modifications: the unpublished changes of a published démarche's
 * form, listed as on the publication page, and the button that discards them (the draft becomes
 * the published form again). The button carries the fingerprint of the list shown: if the draft
 * changed meanwhile, nothing is discarded and the page shows the list as it is now.
 */
import { data, Form, redirect } from "react-router";
import { diffFingerprint } from "../../../server/domain/revisions/diff";
import { findAdministrableDemarche } from "../../../server/lookups/administrable-demarche";
import { pendingChanges } from "../../../server/lookups/publication-checks";
import { resetDraft } from "../../../server/operations/demarches/reset-draft";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/reset-draft";
import { demarcheIdOf } from "./admin.server";
import { Breadcrumb, demarcheCrumb, Notice, PageTitle, useDynamicT } from "./ui/layout";
import { RevisionDiff } from "./ui/revision-diff";
import { ButtonGroup } from "../../components/dsfr/button-group";

export const handle = { i18n: ["admin", "champs", "fichiers", "revisions"] };

export async function loader({ context, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { db } = services(context);
  const demarche = await findAdministrableDemarche(db, admin.administrateurId, demarcheIdOf(params));
  const changes = await pendingChanges(db, demarche);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    changes,
    fingerprint: diffFingerprint(changes),
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const form = await readForm(request);
  // Scoped inside the operation: another administrateur gets 404 and nothing changes.
  const result = await resetDraft(services(context).db, admin.administrateurId, demarcheId, {
    confirmedChanges: formString(form, "changes"),
  });
  if (!result.ok) return data({ error: result.refusals[0]?.code ?? "changes_outdated" }, { status: 409 });
  return redirect(`/admin/procedures/${demarcheId}/champs?notice=draft_reset`);
}

export default function ResetDraft({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const { demarche, changes } = loaderData;
  const title = t("revisions.reset.title");
  const base = `/admin/procedures/${demarche.id}`;
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={actionData !== undefined} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      {actionData ? (
        <Notice kind="error">
          <p>{dt(`revisions.reset.errors.${actionData.error}`)}</p>
        </Notice>
      ) : null}
      {changes.length === 0 ? (
        <>
          <p>{t("revisions.reset.nothing")}</p>
          <a className="fr-btn fr-btn--secondary" href={`${base}/champs`}>
            {t("revisions.reset.back")}
          </a>
        </>
      ) : (
        <>
          <p>{t("revisions.reset.intro")}</p>
          <div id="changes" className="fr-mb-3w">
            <RevisionDiff changes={changes} headingLevel={2} />
          </div>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="changes" value={loaderData.fingerprint} />
            <ButtonGroup inline="md">
              <button type="submit" className="fr-btn">
                {t("revisions.reset.submit")}
              </button>
              <a className="fr-btn fr-btn--secondary" href={`${base}/champs`}>
                {t("revisions.reset.cancel")}
              </a>
            </ButtonGroup>
          </Form>
        </>
      )}
    </>
  );
}
