/** A small DSFR alert above a page's content: a status for success/info, an alert for errors. */
import type { ReactNode } from "react";

export function SmallAlert({ kind, id, children }: { kind: "success" | "info" | "error"; id?: string; children: ReactNode }) {
  return (
    <div className={`fr-alert fr-alert--${kind} fr-alert--sm fr-mb-3w`} role={kind === "error" ? "alert" : "status"} id={id}>
      <p>{children}</p>
    </div>
  );
}
