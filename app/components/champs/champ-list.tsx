/**
 * A whole form's fields, or a whole dossier read-only, in revision order; and the section menu
 * offered when the form has several sections.
 */
import type { ChampDescriptor } from "../../../server/domain/champs/definition";
import type { ChampError } from "../../../server/domain/champs/errors";
import { useT } from "../../lib/i18n";
import { ChampDisplay } from "./champ-display";
import { ChampInput } from "./champ-input";
import { champInputId } from "./field-parts";

/** Values and errors keyed by stable id (as JSON object keys, so strings once serialized). */
export type ChampValues = Readonly<Record<string, unknown>>;
export type ChampErrors = Readonly<Record<string, ChampError>>;

export function ChampInputList(props: {
  descriptors: readonly ChampDescriptor[];
  values: ChampValues;
  errors?: ChampErrors;
  headingLevel?: number;
}) {
  return (
    <>
      {props.descriptors.map((descriptor) => (
        <ChampInput
          key={descriptor.stableId}
          descriptor={descriptor}
          value={props.values[descriptor.stableId]}
          error={props.errors?.[descriptor.stableId] ?? null}
          headingLevel={props.headingLevel}
        />
      ))}
    </>
  );
}

export function ChampDisplayList(props: { descriptors: readonly ChampDescriptor[]; values: ChampValues; headingLevel?: number }) {
  return (
    <>
      {props.descriptors.map((descriptor) => (
        <ChampDisplay
          key={descriptor.stableId}
          descriptor={descriptor}
          value={props.values[descriptor.stableId]}
          headingLevel={props.headingLevel}
        />
      ))}
    </>
  );
}

/** Top-level sections (header_section of level 1, or of any level when none is level 1). */
export function formSections(descriptors: readonly ChampDescriptor[]) {
  const headers = descriptors.filter((d) => d.type === "header_section");
  const level = (d: ChampDescriptor) => (typeof d.options.level === "number" ? d.options.level : 1);
  const top = Math.min(...headers.map(level));
  return headers.filter((d) => level(d) === top).map((d) => ({ stableId: d.stableId, libelle: d.libelle }));
}

/** DSFR « Sommaire » linking to each section, shown when there are at least two. */
export function SectionMenu({ descriptors }: { descriptors: readonly ChampDescriptor[] }) {
  const t = useT();
  const sections = formSections(descriptors);
  if (sections.length < 2) return null;
  return (
    <nav className="fr-summary fr-mb-4w" aria-labelledby="sommaire-formulaire">
      <p className="fr-summary__title" id="sommaire-formulaire">
        {t("usager.champ.summaryTitle")}
      </p>
      <ol>
        {sections.map((section) => (
          <li key={section.stableId}>
            <a className="fr-summary__link" href={`#${champInputId(section.stableId)}`}>
              {section.libelle}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
