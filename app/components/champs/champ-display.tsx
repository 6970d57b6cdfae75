/**
 * `<ChampDisplay descriptor value />`: one field of a dossier, read-only (libellé and the type's
 * `displayValue` in the current language), or a section title.
 */
import type { TypeChamp } from "../../../server/domain/champs/definition";
import { getTypeDeChamp } from "../../../server/domain/champs/registry";
import { readChampValue } from "../../../server/domain/champs/validate-dossier";
import { useLocale } from "../../lib/i18n";
import { sectionHeadingLevel, typedOptions } from "./champ-input";
import "./champs.css";
import { CheckboxDisplay } from "./types-de-champ/checkbox";
import { CiviliteDisplay } from "./types-de-champ/civilite";
import { DatetimeDisplay } from "./types-de-champ/datetime";
import { DecimalNumberDisplay } from "./types-de-champ/decimal-number";
import { EmailDisplay } from "./types-de-champ/email";
import { IbanDisplay } from "./types-de-champ/iban";
import { MultipleDropDownListDisplay } from "./types-de-champ/multiple-drop-down-list";
import { PhoneDisplay } from "./types-de-champ/phone";
import { SiretDisplay } from "./types-de-champ/siret";
import { DateDisplay } from "./types-de-champ/date";
import { DropDownListDisplay } from "./types-de-champ/drop-down-list";
import { HeaderSectionDisplay } from "./types-de-champ/header-section";
import { RepetitionDisplay } from "./types-de-champ/repetition";
import { IntegerNumberDisplay } from "./types-de-champ/integer-number";
import { TextDisplay } from "./types-de-champ/text";
import { TextareaDisplay } from "./types-de-champ/textarea";
import { YesNoDisplay } from "./types-de-champ/yes-no";
import { DossierLinkDisplay } from "./types-de-champ/dossier-link";
import { AddressDisplay } from "./types-de-champ/address";
import { CommunesDisplay } from "./types-de-champ/communes";
import { DepartementsDisplay } from "./types-de-champ/departements";
import { EpciDisplay } from "./types-de-champ/epci";
import { PaysDisplay } from "./types-de-champ/pays";
import { RegionsDisplay } from "./types-de-champ/regions";
import { ExplicationDisplay } from "./types-de-champ/explication";
import { FormattedDisplay } from "./types-de-champ/formatted";
import { LinkedDropDownListDisplay } from "./types-de-champ/linked-drop-down-list";
import { PieceJustificativeDisplay } from "./types-de-champ/piece-justificative";
import { TitreIdentiteDisplay } from "./types-de-champ/titre-identite";
import type { ChampDisplayComponents, ChampDisplayProps, TypedDisplayProps } from "./types";

const DISPLAYS = {
  header_section: HeaderSectionDisplay,
  repetition: RepetitionDisplay,
  text: TextDisplay,
  textarea: TextareaDisplay,
  integer_number: IntegerNumberDisplay,
  date: DateDisplay,
  yes_no: YesNoDisplay,
  drop_down_list: DropDownListDisplay,
  checkbox: CheckboxDisplay,
  civilite: CiviliteDisplay,
  datetime: DatetimeDisplay,
  decimal_number: DecimalNumberDisplay,
  email: EmailDisplay,
  iban: IbanDisplay,
  multiple_drop_down_list: MultipleDropDownListDisplay,
  phone: PhoneDisplay,
  siret: SiretDisplay,
  explication: ExplicationDisplay,
  formatted: FormattedDisplay,
  linked_drop_down_list: LinkedDropDownListDisplay,
  dossier_link: DossierLinkDisplay,
  pays: PaysDisplay,
  regions: RegionsDisplay,
  departements: DepartementsDisplay,
  communes: CommunesDisplay,
  epci: EpciDisplay,
  address: AddressDisplay,
  piece_justificative: PieceJustificativeDisplay,
  titre_identite: TitreIdentiteDisplay,
} satisfies ChampDisplayComponents;

export function ChampDisplay({ descriptor, value, headingLevel = 2 }: ChampDisplayProps) {
  const locale = useLocale();
  const definition = getTypeDeChamp(descriptor.type);
  const options = typedOptions(descriptor);
  const read = readChampValue(descriptor, value);
  const typedValue = read.ok ? read.value : null;
  const Component = DISPLAYS[descriptor.type] as React.ComponentType<TypedDisplayProps<TypeChamp>>;
  return (
    <Component
      descriptor={{ ...descriptor, options } as TypedDisplayProps<TypeChamp>["descriptor"]}
      value={typedValue as TypedDisplayProps<TypeChamp>["value"]}
      text={definition.hasValue ? definition.displayValue(typedValue, options, locale) : ""}
      headingLevel={sectionHeadingLevel(options, headingLevel)}
    />
  );
}
