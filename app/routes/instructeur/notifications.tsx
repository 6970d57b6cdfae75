/**
 * The instructeur's e-mail preferences (`/procedures/notifications`): for each démarche they
 * instruct, one form of checkboxes (instant e-mails, daily digest, weekly overview). Without
 * JavaScript each form posts and redirects back with a notice.
 */
import { data, Form, redirect } from "react-router";
import { NOTIFICATION_PREFERENCES, type NotificationPreferences } from "../../../server/domain/notifications/notifications";
import { saveNotificationPreferences } from "../../../server/operations/notifications/save-notification-preferences";
import { notificationPreferencesOf } from "../../../server/queries/instructeur/notification-preferences";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { formString, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/notifications";

export const handle = { i18n: ["avis", "instructeur", "notifications"] };

export async function loader({ context, request }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const demarches = await notificationPreferencesOf(services(context).db, instructeur.instructeurId);
  const saved = Number.parseInt(new URL(request.url).searchParams.get("enregistre") ?? "", 10);
  return { demarches, saved: demarches.find((d) => d.demarcheId === saved)?.libelle ?? null };
}

export async function action({ context, request }: Route.ActionArgs) {
  const instructeur = currentInstructeur(context);
  const form = await readForm(request);
  const raw = formString(form, "demarcheId");
  if (!/^\d{1,10}$/.test(raw)) throw data({ status: 404 }, { status: 404 });
  const demarcheId = Number(raw);
  const preferences = Object.fromEntries(
    NOTIFICATION_PREFERENCES.map((key) => [key, form.get(key) === "on"]),
  ) as NotificationPreferences;
  await saveNotificationPreferences(services(context).db, instructeur.instructeurId, demarcheId, preferences);
  return redirect(`/procedures/notifications?enregistre=${demarcheId}#demarche-${demarcheId}`);
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { demarches, saved } = loaderData;
  const title = t("notifications.preferences.title");
  return (
    <>
      <title>{t("instructeur.pageTitle", { title })}</title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/procedures">
          {t("instructeur.procedures.title")}
        </a>
      </p>
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("notifications.preferences.intro")}</p>
      {saved ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t("notifications.preferences.saved", { demarche: saved })}</p>
        </div>
      ) : null}
      {demarches.length === 0 ? <p>{t("notifications.preferences.none")}</p> : null}
      {demarches.map((d) => (
        <Form method="post" key={d.demarcheId} id={`demarche-${d.demarcheId}`} className="fr-mb-4w">
          <CsrfInput />
          <input type="hidden" name="demarcheId" value={d.demarcheId} />
          <fieldset className="fr-fieldset" aria-labelledby={`legend-${d.demarcheId}`}>
            <legend className="fr-fieldset__legend" id={`legend-${d.demarcheId}`}>
              {t("notifications.preferences.legend", { demarche: d.libelle })}
            </legend>
            {NOTIFICATION_PREFERENCES.map((key) => (
              <div className="fr-fieldset__element" key={key}>
                <div className="fr-checkbox-group">
                  <input
                    type="checkbox"
                    id={`${key}-${d.demarcheId}`}
                    name={key}
                    value="on"
                    defaultChecked={d.preferences[key]}
                  />
                  <label className="fr-label" htmlFor={`${key}-${d.demarcheId}`}>
                    {t(`notifications.preferences.fields.${key}`)}
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="fr-btn fr-btn--secondary">
            {t("notifications.preferences.save")}
          </button>
        </Form>
      ))}
    </>
  );
}
