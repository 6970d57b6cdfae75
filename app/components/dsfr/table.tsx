/**
 * The DSFR table: its four wrappers (scrolling on narrow screens) around a `<table>` whose caption is
 * always present for screen readers, and shown or not.
 */
import type { ReactNode } from "react";

export function DsfrTable({
  caption,
  captionHidden = false,
  className,
  children,
}: {
  caption: ReactNode;
  /** The caption stays in the table for assistive technologies but is not displayed. */
  captionHidden?: boolean;
  /** Extra classes of the outer block (e.g. `fr-mb-4w`, `fr-table--sm`). */
  className?: string;
  /** The table's `thead` and `tbody`. */
  children: ReactNode;
}) {
  const classes = ["fr-table", captionHidden ? "fr-table--no-caption" : "", className ?? ""].filter(Boolean).join(" ");
  return (
    <div className={classes}>
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
