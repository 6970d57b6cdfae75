/**
 * The DSFR table: its four wrappers (scrolling on narrow screens) around a `<table>` whose caption is
 * always present for screen readers, and shown or not.
 */
import type { ReactNode } from "react";

export function DsfrTable({
  caption,
  captionHidden = false,
  className,
  columns,
  children,
}: {
  caption: ReactNode;
  /** The caption stays in the table for assistive technologies but is not displayed. */
  captionHidden?: boolean;
  /** Extra classes of the outer block (e.g. `fr-mb-4w`, `fr-table--sm`). */
  className?: string;
  /** The column headers (`thead`, one row of `th scope="col"`); absent: `children` brings its own. */
  columns?: readonly ReactNode[];
  /** The table's `tbody` (and `thead` without `columns`). */
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
              {columns ? (
                <thead>
                  <tr>
                    {columns.map((column, index) => (
                      // Columns are fixed per table: their place is their identity.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                      <th key={index} scope="col">
                        {column}
                      </th>
                    ))}
                  </tr>
                </thead>
              ) : null}
              {children}
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
