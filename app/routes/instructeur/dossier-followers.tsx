/** « Suivi par »: who follows the dossier, and the button to follow it or stop following it. */
import { Form } from "react-router";
import { CsrfInput } from "../../components/csrf-input";
import { useT } from "../../lib/i18n";

export function DossierFollowers({ followers, followedByMe }: { followers: string[]; followedByMe: boolean }) {
  const t = useT();
  return (
    <section aria-labelledby="suivi" className="fr-mb-4w">
      <h2 id="suivi" className="fr-h4">
        {t("instructeur.dossier.followers")}
      </h2>
      {followers.length === 0 ? (
        <p>{t("instructeur.dossier.noFollowers")}</p>
      ) : (
        <ul>
          {followers.map((email) => (
            <li key={email}>{email}</li>
          ))}
        </ul>
      )}
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value={followedByMe ? "unfollow" : "follow"} />
        <button type="submit" className={followedByMe ? "fr-btn fr-btn--secondary" : "fr-btn"}>
          {followedByMe ? t("instructeur.dossier.unfollow") : t("instructeur.dossier.follow")}
        </button>
      </Form>
    </section>
  );
}
