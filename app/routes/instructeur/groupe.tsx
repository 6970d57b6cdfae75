/**
 * One of the instructeur's groupes when the démarche allows self-management: its instructeurs,
 * added by e-mail (invited when unknown) and removed with the administrateur's operations. An
 * instructeur of another groupe, or the option off: 404, nothing changes. Works without JavaScript.
 */
import { data, redirect } from "react-router";
import { assignInstructeurs } from "../../../server/operations/demarches/assign-instructeurs";
import { removeInstructeur } from "../../../server/operations/demarches/remove-instructeur";
import { getManagedGroupe } from "../../../server/queries/instructeur/managed-groupes";
import { GroupeMembers } from "../../components/groupes/groupe-members";
import { useT, useTn } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { formString, idParam, notFound, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/groupe";
import { Notice, PageTitle, useDynamicT, useFormatNumber } from "../admin/ui/layout";
import { RefusalSummary, useInstructeurEmailsError } from "../admin/ui/refusal-summary";

export const handle = { i18n: ["admin", "groupes"] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const groupe = await getManagedGroupe(
    services(context).db,
    instructeur.instructeurId,
    idParam(params.id),
    idParam(params.groupeId),
  );
  return { ...groupe, notice: new URL(request.url).searchParams.get("notice") };
}

interface ActionData {
  errors: Record<string, string>;
  values?: Record<string, string>;
  invalidEmails?: string[];
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const groupeId = idParam(params.groupeId);
  const { db } = services(context);
  const manager = { instructeurId: instructeur.instructeurId };
  // Scope first: the option off or another groupe is a 404 whatever the form holds.
  const current = await getManagedGroupe(db, instructeur.instructeurId, demarcheId, groupeId);
  const page = `/procedures/${demarcheId}/groupes/${groupeId}`;
  const form = await readForm(request);
  switch (formString(form, "intent")) {
    case "add": {
      const emails = formString(form, "emails");
      const result = await assignInstructeurs(
        db,
        manager,
        demarcheId,
        { emails, invitedByEmail: instructeur.email, locale: requestState(context).locale },
        { groupeId, actorUserId: instructeur.id },
      );
      if (!result.ok)
        return data<ActionData>(
          { errors: { emails: result.refusals[0]?.code ?? "" }, values: { emails }, invalidEmails: result.invalidEmails ?? [] },
          { status: 400 },
        );
      return redirect(`${page}?notice=added`);
    }
    case "remove": {
      const instructeurId = Number.parseInt(formString(form, "instructeurId"), 10);
      if (!current.instructeurs.some((i) => i.instructeurId === instructeurId)) notFound();
      const result = await removeInstructeur(db, manager, demarcheId, instructeurId, { groupeId, actorUserId: instructeur.id });
      if (!result.ok) return data<ActionData>({ errors: { form: result.refusals[0]?.code ?? "" } }, { status: 400 });
      // Removing oneself ends one's access to the groupe: back to the démarche.
      if (instructeurId === instructeur.instructeurId) return redirect(`/procedures/${demarcheId}`);
      return redirect(`${page}?notice=removed`);
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

export default function ManagedGroupe({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const dt = useDynamicT();
  const formatNumber = useFormatNumber();
  const { demarche, groupe, instructeurs, notice } = loaderData;
  const errors = actionData?.errors ?? {};
  const emailsError = useInstructeurEmailsError(errors.emails, actionData?.invalidEmails, 50);
  const formError = errors.form ? dt(`admin.instructeurs.errors.${errors.form}`) : null;
  return (
    <>
      <PageTitle title={`${groupe.label} – ${demarche.libelle}`} error={Boolean(emailsError || formError)} />
      <p className="fr-mt-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/procedures/${demarche.id}/groupes`}>
          {t("groupes.self.title")}
        </a>
      </p>
      <h1>{groupe.label}</h1>
      {notice === "added" || notice === "removed" ? <Notice kind="success" title={dt(`groupes.notices.${notice}`)} /> : null}
      <RefusalSummary
        formTitle={t("groupes.errors.title")}
        formError={formError}
        errors={emailsError ? [{ fieldId: "emails", label: t("groupes.groupe.emails"), message: emailsError }] : []}
      />
      <h2>{tn("groupes.groupe.instructeursTitle", instructeurs.length, { count: formatNumber(instructeurs.length) })}</h2>
      <GroupeMembers instructeurs={instructeurs} emails={actionData?.values?.emails ?? ""} emailsError={emailsError ?? null} />
    </>
  );
}
