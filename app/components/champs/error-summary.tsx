/**
 * The error summary at the top of a form: announced (role="alert"), focused when it appears so
 * keyboard and screen-reader users start from it, and linking to each field in error.
 */
import { useEffect, useRef } from "react";
import { useT } from "../../lib/i18n";

export interface ErrorSummaryItem {
  /** `#champ-<stableId>` or any anchor/URL. */
  href: string;
  message: string;
}

export function ErrorSummary({ items, id = "resume-erreurs" }: { items: readonly ErrorSummaryItem[]; id?: string }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((item) => item.href + item.message).join("|");
  // biome-ignore lint/correctness/useExhaustiveDependencies: refocus whenever the list of errors changes.
  useEffect(() => {
    if (items.length > 0) ref.current?.focus();
  }, [signature]);
  if (items.length === 0) return null;
  return (
    <div
      className="fr-alert fr-alert--error fr-mb-4w"
      role="alert"
      tabIndex={-1}
      ref={ref}
      id={id}
      aria-labelledby={`${id}-titre`}
    >
      <h2 className="fr-alert__title" id={`${id}-titre`}>
        {t("usager.errorSummary.title")}
      </h2>
      <p>{t("usager.errorSummary.intro")}</p>
      <ul>
        {items.map((item) => (
          <li key={item.href + item.message}>
            <a href={item.href}>{item.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
