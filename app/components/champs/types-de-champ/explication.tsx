/**
 * `explication` (« Explication »): text for the usager, no input. The optional longer text is in a
 * `<details>` disclosure (« Lire plus »), which opens and closes without JavaScript and is
 * announced as expandable by screen readers. Nothing is shown on read-only pages: there is no value.
 */
import { collapsibleText } from "../../../../server/domain/champs/types/plain";
import { useT } from "../../../lib/i18n";
import { ChampHint } from "../field-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";
import { TemplateLink } from "./file-field";

export function ExplicationInput({ descriptor, ids }: TypedInputProps<"explication">) {
  const t = useT();
  const folded = collapsibleText(descriptor.options);
  return (
    <div className="fr-mb-3w guichet-explication" id={ids.input}>
      <p className="fr-text--bold fr-mb-1v">{descriptor.libelle}</p>
      <ChampHint id={ids.hint} description={descriptor.description} />
      <TemplateLink file={descriptor.options.notice} label={t("fichiers.notice")} />
      {folded !== null ? (
        <details className="guichet-explication__details fr-mt-1w">
          <summary className="fr-link">{t("champs.explication.readMore")}</summary>
          <p className="fr-mt-1w fr-mb-0 guichet-champ-value--multiline">{folded}</p>
        </details>
      ) : null}
    </div>
  );
}

export function ExplicationDisplay(_props: TypedDisplayProps<"explication">) {
  return null;
}
