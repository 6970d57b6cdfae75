import { useT } from "../../../lib/i18n";

/** A token's bearer string, shown once right after its creation or renewal (never stored, never shown again). */
export function TokenSecret({ name, bearer }: { name: string; bearer: string }) {
  const t = useT();
  return (
    <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
      <h2 className="fr-alert__title">{t("equipe.jetons.secretTitle", { name })}</h2>
      <p>{t("equipe.jetons.secretBody")}</p>
      <div className="fr-input-group fr-mt-2w">
        <label className="fr-label" htmlFor="token-secret">
          {t("equipe.jetons.secretLabel")}
        </label>
        <input className="fr-input" id="token-secret" readOnly value={bearer} autoComplete="off" spellCheck={false} />
      </div>
    </div>
  );
}
