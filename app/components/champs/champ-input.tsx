/**
 * `<ChampInput descriptor value error />`: the form control of one field, whatever its type.
 * Used by the usager's forms (brouillon, modification) and the administrateur's preview.
 *
 * Inputs are uncontrolled (`defaultValue`): the page works without JavaScript, and what the user
 * types is never replaced by a re-render. Give the surrounding form a `key` per dossier.
 */
import type { TypeChamp } from "../../../server/domain/champs/definition";
import { champErrorMessage } from "../../../server/domain/champs/errors";
import { getTypeDeChamp, resolveOptions } from "../../../server/domain/champs/registry";
import { readChampValue } from "../../../server/domain/champs/validate-dossier";
import { DEFAULT_LOCALE } from "../../../common/i18n";
import { useLocale } from "../../lib/i18n";
import "./champs.css";
import { champIds } from "./field-parts";
import { CheckboxInput } from "./types-de-champ/checkbox";
import { CiviliteInput } from "./types-de-champ/civilite";
import { DatetimeInput } from "./types-de-champ/datetime";
import { DecimalNumberInput } from "./types-de-champ/decimal-number";
import { EmailInput } from "./types-de-champ/email";
import { IbanInput } from "./types-de-champ/iban";
import { MultipleDropDownListInput } from "./types-de-champ/multiple-drop-down-list";
import { PhoneInput } from "./types-de-champ/phone";
import { SiretInput } from "./types-de-champ/siret";
import { DateInput } from "./types-de-champ/date";
import { DropDownListInput } from "./types-de-champ/drop-down-list";
import { HeaderSectionInput } from "./types-de-champ/header-section";
import { RepetitionInput } from "./types-de-champ/repetition";
import { IntegerNumberInput } from "./types-de-champ/integer-number";
import { TextInput } from "./types-de-champ/text";
import { TextareaInput } from "./types-de-champ/textarea";
import { YesNoInput } from "./types-de-champ/yes-no";
import { DossierLinkInput } from "./types-de-champ/dossier-link";
import { AddressInput } from "./types-de-champ/address";
import { CommunesInput } from "./types-de-champ/communes";
import { DepartementsInput } from "./types-de-champ/departements";
import { EpciInput } from "./types-de-champ/epci";
import { PaysInput } from "./types-de-champ/pays";
import { RegionsInput } from "./types-de-champ/regions";
import { ExplicationInput } from "./types-de-champ/explication";
import { FormattedInput } from "./types-de-champ/formatted";
import { LinkedDropDownListInput } from "./types-de-champ/linked-drop-down-list";
import { PieceJustificativeInput } from "./types-de-champ/piece-justificative";
import { TitreIdentiteInput } from "./types-de-champ/titre-identite";
import type { ChampInputComponents, ChampInputProps, TypedInputProps } from "./types";

const INPUTS = {
  header_section: HeaderSectionInput,
  repetition: RepetitionInput,
  text: TextInput,
  textarea: TextareaInput,
  integer_number: IntegerNumberInput,
  date: DateInput,
  yes_no: YesNoInput,
  drop_down_list: DropDownListInput,
  checkbox: CheckboxInput,
  civilite: CiviliteInput,
  datetime: DatetimeInput,
  decimal_number: DecimalNumberInput,
  email: EmailInput,
  iban: IbanInput,
  multiple_drop_down_list: MultipleDropDownListInput,
  phone: PhoneInput,
  siret: SiretInput,
  explication: ExplicationInput,
  formatted: FormattedInput,
  linked_drop_down_list: LinkedDropDownListInput,
  dossier_link: DossierLinkInput,
  pays: PaysInput,
  regions: RegionsInput,
  departements: DepartementsInput,
  communes: CommunesInput,
  epci: EpciInput,
  address: AddressInput,
  piece_justificative: PieceJustificativeInput,
  titre_identite: TitreIdentiteInput,
} satisfies ChampInputComponents;

/**
 * Options as the type reads them. Publication refuses unusable options, so a failure here means a
 * draft (test) form: the type's defaults are used, as the server does when it parses the draft.
 */
export function typedOptions(descriptor: ChampInputProps["descriptor"]): unknown {
  const resolved = resolveOptions(descriptor);
  return resolved.ok ? resolved.options : getTypeDeChamp(descriptor.type).defaultOptions(DEFAULT_LOCALE);
}

/** Heading level of a header_section: its own level (1–3) below the page's level for top sections. */
export function sectionHeadingLevel(options: unknown, base: number): number {
  const level = (options as { level?: unknown } | null)?.level;
  return base + (typeof level === "number" ? level - 1 : 0);
}

export function ChampInput({ descriptor, value, error, headingLevel = 2, champKey }: ChampInputProps) {
  const locale = useLocale();
  const options = typedOptions(descriptor);
  const read = readChampValue(descriptor, value);
  const Component = INPUTS[descriptor.type] as React.ComponentType<TypedInputProps<TypeChamp>>;
  return (
    <Component
      descriptor={{ ...descriptor, options } as TypedInputProps<TypeChamp>["descriptor"]}
      value={(read.ok ? read.value : null) as TypedInputProps<TypeChamp>["value"]}
      errorMessage={error ? champErrorMessage(error, locale) : null}
      ids={champIds(champKey ?? descriptor.stableId)}
      headingLevel={sectionHeadingLevel(options, headingLevel)}
    />
  );
}
