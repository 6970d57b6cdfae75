import { eq } from "drizzle-orm";
import { Form, redirect } from "react-router";
import { users } from "../../../server/db/schema";
import { requestEmailChange } from "../../../server/operations/accounts/change-email";
import { deleteAccount } from "../../../server/operations/accounts/delete-account";
import { refusalsByField } from "../../../server/refusal";
import { CsrfInput } from "../../components/csrf-input";
import { EmailForm } from "../../components/email-form";
import { useT } from "../../lib/i18n";
import { currentUser } from "../../lib/persona-guard.server";
import { formString, readForm, services } from "../../lib/request.server";
import { clearSessionCookie } from "./session.server";
import { PageTitle } from "./form-ui";
import type { Route } from "./+types/profil";

type Profile = "usager" | "instructeur" | "administrateur" | "expert";

export const handle = { i18n: ["equipe"] };

/** Each profile's space (a tile without link would be a space that does not exist). */
const SPACES: Record<Profile, { href: string | null; icon: string }> = {
  usager: { href: "/dossiers", icon: "fr-icon-file-text-line" },
  instructeur: { href: "/procedures", icon: "fr-icon-team-line" },
  administrateur: { href: "/admin/procedures", icon: "fr-icon-settings-5-line" },
  expert: { href: "/avis", icon: "fr-icon-chat-check-line" },
};

/** The account page: the profiles this account holds and a link to each space (the role switcher). */
export async function loader({ context, request }: Route.LoaderArgs) {
  const user = currentUser(context);
  const [account] = await services(context)
    .db.select({ unconfirmedEmail: users.unconfirmedEmail })
    .from(users)
    .where(eq(users.id, user.id));
  const sent = new URL(request.url).searchParams.get("notice") === "email";
  const profiles: Profile[] = ["usager"];
  if (user.instructeurId !== null) profiles.push("instructeur");
  if (user.administrateurId !== null) profiles.push("administrateur");
  if (user.expertId !== null) profiles.push("expert");
  return { email: user.email, profiles, unconfirmedEmail: account?.unconfirmedEmail ?? null, sent };
}

/** « Changer d’adresse » (a link to the new address) and « Supprimer mon compte ». */
export async function action({ context, request }: Route.ActionArgs) {
  const user = currentUser(context);
  const { db } = services(context);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  if (intent === "changer-email") {
    const email = formString(form, "email") ?? "";
    const result = await requestEmailChange(db, { userId: user.id, email: user.email }, { email });
    if (!result.ok) return { intent, email, ...refusalsByField(result.refusals) };
    throw redirect("/profil?notice=email");
  }
  if (intent === "supprimer-compte") {
    if (formString(form, "confirmation") !== "1") {
      return { intent, email: "", errors: { form: "confirmation_required" } as Record<string, string>, errorParams: {} };
    }
    const result = await deleteAccount(db, user.id);
    if (!result.ok) return { intent, email: "", ...refusalsByField(result.refusals) };
    clearSessionCookie(context);
    throw redirect("/");
  }
  throw new Response(null, { status: 400 });
}

export default function Profil({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { email, profiles } = loaderData;
  const emailCode = actionData?.intent === "changer-email" ? actionData.errors.email : undefined;
  const emailError = emailCode ? t(`auth.profile.changeEmail.errors.${emailCode as "email_invalid"}`) : null;
  const deleteCode = actionData?.intent === "supprimer-compte" ? actionData.errors.form : undefined;
  const deleteError = deleteCode ? t(`auth.profile.deleteAccount.errors.${deleteCode as "invalid"}`) : null;
  return (
    <>
      <PageTitle title={t("auth.profile.title")} />
      <h1>{t("auth.profile.heading")}</h1>
      <p className="fr-text--lead">{t("auth.profile.signedInAs", { email })}</p>
      <h2>{t("auth.profile.profilesTitle")}</h2>
      <p>{t("auth.profile.profilesLead")}</p>
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list fr-mb-4w">
        {profiles.map((profile) => {
          const href = SPACES[profile].href;
          return (
            <li key={profile} className="fr-col-12 fr-col-md-6 fr-col-lg-3">
              <div className={href ? "fr-tile fr-enlarge-link" : "fr-tile"}>
                <div className="fr-tile__body">
                  <div className="fr-tile__content">
                    <h3 className="fr-tile__title">
                      {href ? <a href={href}>{t(`auth.profile.${profile}.link`)}</a> : t(`auth.profile.${profile}.link`)}
                    </h3>
                    <p className="fr-tile__detail">{t(`auth.profile.${profile}.title`)}</p>
                    <p className="fr-tile__desc">{t(`auth.profile.${profile}.body`)}</p>
                  </div>
                </div>
                <div className="fr-tile__header">
                  <span className={`fr-icon--lg ${SPACES[profile].icon}`} aria-hidden="true" />
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {profiles.includes("administrateur") ? (
        <>
          <h2>{t("equipe.jetons.title")}</h2>
          <p>{t("equipe.jetons.lead")}</p>
          <p>
            <a className="fr-btn fr-btn--secondary" href="/admin/jetons">
              {t("equipe.jetons.profileLink")}
            </a>
          </p>
        </>
      ) : null}
      <h2 id="changer-email">{t("auth.profile.changeEmail.title")}</h2>
      {loaderData.sent && loaderData.unconfirmedEmail ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>{t("auth.profile.changeEmail.sent", { email: loaderData.unconfirmedEmail })}</p>
        </div>
      ) : loaderData.unconfirmedEmail ? (
        <p>{t("auth.profile.changeEmail.pending", { email: loaderData.unconfirmedEmail })}</p>
      ) : null}
      <p>{t("auth.profile.changeEmail.lead")}</p>
      <EmailForm
        intent="changer-email"
        id="new-email"
        label={t("auth.profile.changeEmail.label")}
        hint={t("auth.profile.changeEmail.hint")}
        value={actionData?.intent === "changer-email" ? actionData.email : ""}
        error={emailError}
        submit={t("auth.profile.changeEmail.submit")}
        autoComplete="email"
        className="fr-mb-4w"
      />
      <h2>{t("auth.profile.securityTitle")}</h2>
      <p>{t("auth.profile.changePasswordHint")}</p>
      <p>
        <a className="fr-btn fr-btn--secondary" href="/users/password/new">
          {t("auth.profile.changePassword")}
        </a>
      </p>
      <h2 id="supprimer-compte">{t("auth.profile.deleteAccount.title")}</h2>
      <p>{t("auth.profile.deleteAccount.lead")}</p>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="supprimer-compte" />
        <div className={`fr-checkbox-group fr-mb-2w${deleteError ? " fr-checkbox-group--error" : ""}`}>
          <input
            type="checkbox"
            id="delete-confirmation"
            name="confirmation"
            value="1"
            aria-describedby={deleteError ? "delete-error" : undefined}
          />
          <label className="fr-label" htmlFor="delete-confirmation">
            {t("auth.profile.deleteAccount.confirm")}
          </label>
          {deleteError ? (
            <p id="delete-error" className="fr-error-text">
              {deleteError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="fr-btn fr-btn--tertiary">
          {t("auth.profile.deleteAccount.submit")}
        </button>
      </Form>
    </>
  );
}
