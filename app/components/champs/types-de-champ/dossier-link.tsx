/**
 * `dossier_link` (« Lien vers un autre dossier »): the usager types a dossier number. On read-only
 * pages the value reads « Dossier n° 1234 »; it is a link only when the page gives `href`, i.e. when
 * the viewer may open that dossier (the caller decides: e.g. an instructeur of its démarche).
 */
import { dossierNumberOf } from "../../../../server/domain/champs/types/plain";
import { useT } from "../../../lib/i18n";
import { useOptionalChampTree } from "../champ-tree";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { TextLikeInput } from "./text-like";

export function DossierLinkInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"dossier_link">) {
  const t = useT();
  return (
    <TextLikeInput
      descriptor={descriptor}
      value={value}
      errorMessage={errorMessage}
      ids={ids}
      inputMode="numeric"
      autoComplete="off"
      maxLength={20}
      formatHint={t("champs.dossierLink.hint")}
    />
  );
}

export function DossierLinkDisplay({
  descriptor,
  value,
  href,
}: TypedDisplayProps<"dossier_link"> & {
  /** `/procedures/<demarcheId>/dossiers/<number>`, given only when the viewer can see that dossier. */
  href?: string;
}) {
  const t = useT();
  const tree = useOptionalChampTree();
  const number = dossierNumberOf(value);
  const text = number === null ? (value ?? "") : t("champs.dossierLink.display", { number });
  const target = href ?? (number === null ? undefined : tree?.dossierLinks?.[String(number)]);
  return (
    <div className="fr-mb-3w guichet-champ-display">
      <p className="fr-text--bold fr-mb-1v">{descriptor.libelle}</p>
      {text === "" ? (
        <p className="fr-mb-0 fr-text-mention--grey">{t("usager.champ.empty")}</p>
      ) : (
        <p className="fr-mb-0">{target && number !== null ? <a href={target}>{text}</a> : text}</p>
      )}
    </div>
  );
}
