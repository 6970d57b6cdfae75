/**
 * « Conserver plus longtemps » on a dossier close to the end of its conservation, or expired and
 * not yet purged (extending restores it): the date, and a POST form (intent `conserver`) that works
 * without JavaScript. A refusal of the operation is shown in the callout, linked to the button.
 */
import { Form } from "react-router";
import { useT } from "../../lib/i18n";
import { CsrfInput } from "../csrf-input";

export interface ConservationView {
  /** Formatted date of deletion (expiry) or of purge (expired). */
  date: string;
  expired: boolean;
}

export function ConservationCallout({
  conservation,
  error,
  done,
}: {
  conservation: ConservationView | null;
  error: "expiry_never" | "expiry_not_close" | "expiry_deleted" | null;
  done: boolean;
}) {
  const t = useT();
  if (done) {
    return (
      <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
        <p>{t("conservation.extend.done")}</p>
      </div>
    );
  }
  if (!conservation && !error) return null;
  return (
    <section
      className="fr-callout fr-callout--orange-terre-battue fr-mb-4w"
      aria-labelledby="conservation-title"
      data-testid="conservation"
    >
      <h2 id="conservation-title" className="fr-callout__title">
        {t("conservation.extend.title")}
      </h2>
      {conservation ? (
        <p className="fr-callout__text">
          {conservation.expired
            ? t("conservation.extend.expired", { date: conservation.date })
            : t("conservation.extend.expiresOn", { date: conservation.date })}
        </p>
      ) : null}
      {error ? (
        <p className="fr-error-text" id="conservation-error">
          {t(`conservation.errors.${error}`)}
        </p>
      ) : null}
      <Form method="post" className="fr-mt-2w">
        <CsrfInput />
        <input type="hidden" name="intent" value="conserver" />
        <button type="submit" className="fr-btn" aria-describedby={error ? "conservation-error" : undefined}>
          {t("conservation.extend.action")}
        </button>
      </Form>
    </section>
  );
}
