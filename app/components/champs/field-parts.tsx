/** Building blocks shared by the field components: ids, label text, hint, error message. */
import { useEffect, useState } from "react";
import { type ChampKey, champInputName } from "../../../server/domain/form/keys";
import { useT } from "../../lib/i18n";
import type { ChampIds } from "./types";

/**
 * Ids of a field occurrence: `champ-<stableId>` (`champ-<stableId>-<rowId>` in a row) for the input
 * (anchor of the error summary), name `champ_<key>` (`champInputName`).
 */
export function champIds(key: ChampKey | number): ChampIds {
  const input = champInputId(key);
  return { input, hint: `${input}-hint`, error: `${input}-error`, name: champInputName(key) };
}

/** The anchor of a field in the page (`#champ-12`, `#champ-12-k3f9a`), used by the error summary and the section menu. */
export function champInputId(key: ChampKey | number): string {
  return `champ-${String(key).replace("|", "-")}`;
}

/** `aria-describedby` from the parts that exist (undefined when none). */
export function describedBy(...ids: Array<string | null | undefined | false>): string | undefined {
  const list = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return list.length > 0 ? list.join(" ") : undefined;
}

/** The libellé followed by the required marker explained by the form's common hint. */
export function LabelText({ libelle, mandatory }: { libelle: string; mandatory: boolean }) {
  const t = useT();
  return (
    <>
      {libelle}
      {mandatory ? <span className="guichet-required"> {t("usager.champ.requiredMark")}</span> : null}
    </>
  );
}

/**
 * The administrateur's description. It is HTML sanitized on the server when saved (a few inline tags,
 * lists and links), so it is the only place where markup from data is injected. A div rather than a
 * span inside the label: descriptions may hold paragraphs and lists, which labels cannot contain.
 */
export function ChampHint({ id, description }: { id: string; description: string | null }) {
  if (!hasDescription(description)) return null;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized by sanitizeDescription when the administrateur saved it.
  return <div className="fr-hint-text guichet-champ-hint" id={id} dangerouslySetInnerHTML={{ __html: description ?? "" }} />;
}

export function hasDescription(description: string | null): boolean {
  return description !== null && description.trim() !== "";
}

export function ChampErrorText({ id, message }: { id: string; message: string | null }) {
  if (message === null) return null;
  return (
    <p className="fr-error-text" id={id}>
      {message}
    </p>
  );
}

/**
 * False during server rendering and the first client render, true once the page is interactive:
 * lets components enhance markup (hide the "Autre" input, live counters) without a hydration mismatch.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
