/** On /commencer: the prefilled dossier waiting for an anonymous visitor, or why none was created. */
import { useT } from "../../lib/i18n";
import type { CommencerPrefill } from "./prefill.server";

export function PrefillNotice({ prefill }: { prefill: CommencerPrefill }) {
  const t = useT();
  if (prefill.kind === "rate_limited") {
    return (
      <div className="fr-alert fr-alert--warning fr-mb-4w" role="alert">
        <p>{t("prefill.commencer.rateLimited", { minutes: prefill.retryAfterMinutes })}</p>
      </div>
    );
  }
  // Both ways come back to the link with the token, which attaches the dossier to the account.
  const back = encodeURIComponent(prefill.returnPath);
  return (
    <div className="fr-callout fr-mb-4w">
      <h2 className="fr-callout__title">{t("prefill.commencer.title")}</h2>
      <p className="fr-callout__text">{t("prefill.commencer.anonymous")}</p>
      <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
        <li>
          <a className="fr-btn" href={`/users/sign_in?redirect_to=${back}`}>
            {t("prefill.commencer.signIn")}
          </a>
        </li>
        <li>
          <a className="fr-btn fr-btn--secondary" href={`/users/sign_up?redirect_to=${back}`}>
            {t("prefill.commencer.signUp")}
          </a>
        </li>
      </ul>
    </div>
  );
}
