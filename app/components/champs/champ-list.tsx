/**
 * A whole form's fields, or a whole dossier read-only, in revision order (repetition blocks with
 * their rows); and the section menu offered when the form has several sections. Every occurrence
 * is wrapped in an element carrying its key, `hidden` when its condition is false: the inputs
 * stay in the form (nothing typed is lost) and the live visibility script toggles them.
 */
import type { ChampDescriptor } from "../../../server/domain/champs/definition";
import type { ChampError } from "../../../server/domain/champs/errors";
import { type ChampKey, champKey } from "../../../server/domain/form/keys";
import { useT } from "../../lib/i18n";
import { ChampDisplay } from "./champ-display";
import { ChampInput } from "./champ-input";
import { ChampTreeContext, type ChampTreeState } from "./champ-tree";
import { champInputId } from "./field-parts";
import { CHAMP_TYPES_ATTRIBUTE, champTypesOf } from "./registry";

/** Values and errors keyed by `ChampKey` ("12", or "12|k3f9a" in a row). */
export type ChampValues = Readonly<Record<string, unknown>>;
export type ChampErrors = Readonly<Record<string, ChampError>>;

/** Attribute marking the wrapper of one field occurrence (read by the live visibility script). */
export const CHAMP_KEY_ATTRIBUTE = "data-champ-key";

/** Names the list's field types for the browser, which loads their components before it hydrates. */
function ChampTypesMarker({ descriptors }: { descriptors: readonly ChampDescriptor[] }) {
  return <span hidden {...{ [CHAMP_TYPES_ATTRIBUTE]: champTypesOf(descriptors) }} />;
}

export function ChampInputList(props: {
  descriptors: readonly ChampDescriptor[];
  values: ChampValues;
  errors?: ChampErrors;
  hidden?: readonly ChampKey[];
  focusRowId?: string | null;
  headingLevel?: number;
}) {
  const hidden = new Set(props.hidden ?? []);
  const state: ChampTreeState = {
    values: props.values,
    errors: props.errors ?? {},
    hidden,
    focusRowId: props.focusRowId,
    renderField: (descriptor, key) => (
      <div key={key} className="guichet-champ" {...{ [CHAMP_KEY_ATTRIBUTE]: key }} hidden={hidden.has(key) || undefined}>
        <ChampInput
          descriptor={descriptor}
          champKey={key}
          value={props.values[key]}
          error={props.errors?.[key] ?? null}
          headingLevel={props.headingLevel}
        />
      </div>
    ),
  };
  return (
    <ChampTreeContext.Provider value={state}>
      <ChampTypesMarker descriptors={props.descriptors} />
      {props.descriptors.map((descriptor) => state.renderField(descriptor, champKey(descriptor.stableId)))}
    </ChampTreeContext.Provider>
  );
}

/** Read-only: hidden occurrences are left out, as the reference shows only visible fields. */
export function ChampDisplayList(props: {
  descriptors: readonly ChampDescriptor[];
  values: ChampValues;
  /** Each occurrence's display text (`displayTexts` of `server/queries/form-view.ts`); absent: "". */
  texts: Readonly<Record<string, string>>;
  hidden?: readonly ChampKey[];
  /** Links of the dossiers named by `dossier_link` fields that the viewer may open. */
  dossierLinks?: Readonly<Record<string, string>>;
  headingLevel?: number;
}) {
  const hidden = new Set(props.hidden ?? []);
  const state: ChampTreeState = {
    values: props.values,
    errors: {},
    hidden,
    dossierLinks: props.dossierLinks,
    renderField: (descriptor, key) =>
      hidden.has(key) ? null : (
        <ChampDisplay
          key={key}
          descriptor={descriptor}
          value={props.values[key]}
          text={props.texts[key] ?? ""}
          headingLevel={props.headingLevel}
        />
      ),
  };
  return (
    <ChampTreeContext.Provider value={state}>
      <ChampTypesMarker descriptors={props.descriptors} />
      {props.descriptors.map((descriptor) => state.renderField(descriptor, champKey(descriptor.stableId)))}
    </ChampTreeContext.Provider>
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
