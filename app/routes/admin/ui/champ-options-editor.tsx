/**
 * The type-specific part of a field's editor card, looked up by type: every type has one entry in
 * `OPTIONS_EDITOR_COMPONENTS` (null without options; its server side is the same type's entry in
 * `server/domain/demarches/options-editors/index.ts`). Kept apart from the form components
 * (`app/components/champs/registry.ts`) so that the usager's pages never ship the editors. `Fields` are rendered inside the card's save
 * form; `Forms` (optional) after it, for actions that need their own form (e.g. a CSV import).
 */
import type { ComponentType } from "react";
import type { TypeChamp } from "../../../../server/domain/champs/definition";
import type { EditorOptionValues } from "../../../../server/domain/demarches/champ-editor-form";
import type { ChampActionData } from "../champs.server";
import { DropDownListOptions, MultipleDropDownListOptions } from "./options-editors/drop-down";
import { HeaderSectionOptions } from "./options-editors/header-section";
import {
  ExplicationNoticeForms,
  PieceJustificativeOptions,
  PieceJustificativeTemplateForms,
} from "./options-editors/piece-justificative";
import { TextareaOptions } from "./options-editors/textarea";
import { LinkedCsvImport, ListCsvImport } from "./options-editors/csv-import";
import { DateRulesOptions } from "./options-editors/date-rules";
import { ExplicationOptions } from "./options-editors/explication";
import { FormattedOptions } from "./options-editors/formatted";
import { LinkedDropDownListOptions } from "./options-editors/linked-drop-down";
import { DecimalNumberOptions, IntegerNumberOptions } from "./options-editors/number-rules";

export interface OptionsFieldsProps<V extends EditorOptionValues = EditorOptionValues> {
  /** Prefix of the inputs' ids: an input whose errors are reported as `field` has the id `${id}-${field}`. */
  id: string;
  values: V;
  /** The translated error of one input (by its `field`), or null. */
  error: (field: string) => string | null;
}

export interface OptionsFormsProps {
  demarcheId: number;
  stableId: number;
  /** The card's id prefix (`champ-<stableId>`). */
  id: string;
  libelle: string;
  /** The page's action data when it is about this field (no JavaScript). */
  actionData: ChampActionData | undefined;
  /** The type's editor values, as `Fields` get them. */
  values: EditorOptionValues;
}

export interface OptionsEditorComponents {
  // biome-ignore lint/suspicious/noExplicitAny: each entry is consistent with its own values type.
  Fields: ComponentType<OptionsFieldsProps<any>>;
  Forms?: ComponentType<OptionsFormsProps>;
}

/** One entry per type (null: no options to edit), like the server side: a new type must say. */
export const OPTIONS_EDITOR_COMPONENTS = {
  drop_down_list: { Fields: DropDownListOptions, Forms: ListCsvImport },
  multiple_drop_down_list: { Fields: MultipleDropDownListOptions, Forms: ListCsvImport },
  textarea: { Fields: TextareaOptions },
  piece_justificative: { Fields: PieceJustificativeOptions, Forms: PieceJustificativeTemplateForms },
  header_section: { Fields: HeaderSectionOptions },
  explication: { Fields: ExplicationOptions, Forms: ExplicationNoticeForms },
  formatted: { Fields: FormattedOptions },
  linked_drop_down_list: { Fields: LinkedDropDownListOptions, Forms: LinkedCsvImport },
  integer_number: { Fields: IntegerNumberOptions },
  decimal_number: { Fields: DecimalNumberOptions },
  date: { Fields: DateRulesOptions },
  datetime: { Fields: DateRulesOptions },
  repetition: null,
  text: null,
  yes_no: null,
  checkbox: null,
  civilite: null,
  email: null,
  phone: null,
  iban: null,
  siret: null,
  dossier_link: null,
  titre_identite: null,
  pays: null,
  regions: null,
  departements: null,
  communes: null,
  epci: null,
  address: null,
} satisfies Record<TypeChamp, OptionsEditorComponents | null>;

/** The type's inputs, inside the card's save form (nothing for a type without options). */
export function ChampOptionsFields({ type, ...props }: OptionsFieldsProps & { type: TypeChamp }) {
  const Fields = (OPTIONS_EDITOR_COMPONENTS[type] as OptionsEditorComponents | null)?.Fields;
  return Fields ? <Fields {...props} /> : null;
}

/** The type's own forms, after the card's save form. */
export function ChampOptionsForms({ type, ...props }: OptionsFormsProps & { type: TypeChamp }) {
  const Forms = (OPTIONS_EDITOR_COMPONENTS[type] as OptionsEditorComponents | null)?.Forms;
  return Forms ? <Forms {...props} /> : null;
}
