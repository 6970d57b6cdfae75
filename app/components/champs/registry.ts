/**
 * The UI of each type de champ: its input (usager forms, preview) and its display (dossier pages),
 * one entry per `TypeChamp`, each checked against its own options and value. With the type's
 * module in `server/domain/champs/types/` (every server-side facet) and its options editor in
 * `app/routes/admin/ui/champ-options-editor.tsx`, this is all a new type needs: the compiler
 * refuses a type missing here.
 */
import type { ComponentType } from "react";
import type { TypeChamp } from "../../../server/domain/champs/definition";
import { AddressDisplay, AddressInput } from "./types-de-champ/address";
import { CheckboxDisplay, CheckboxInput } from "./types-de-champ/checkbox";
import { CiviliteDisplay, CiviliteInput } from "./types-de-champ/civilite";
import { CommunesDisplay, CommunesInput } from "./types-de-champ/communes";
import { DateDisplay, DateInput } from "./types-de-champ/date";
import { DatetimeDisplay, DatetimeInput } from "./types-de-champ/datetime";
import { DecimalNumberDisplay, DecimalNumberInput } from "./types-de-champ/decimal-number";
import { DepartementsDisplay, DepartementsInput } from "./types-de-champ/departements";
import { DossierLinkDisplay, DossierLinkInput } from "./types-de-champ/dossier-link";
import { DropDownListDisplay, DropDownListInput } from "./types-de-champ/drop-down-list";
import { EmailDisplay, EmailInput } from "./types-de-champ/email";
import { EpciDisplay, EpciInput } from "./types-de-champ/epci";
import { ExplicationDisplay, ExplicationInput } from "./types-de-champ/explication";
import { FormattedDisplay, FormattedInput } from "./types-de-champ/formatted";
import { HeaderSectionDisplay, HeaderSectionInput } from "./types-de-champ/header-section";
import { IbanDisplay, IbanInput } from "./types-de-champ/iban";
import { IntegerNumberDisplay, IntegerNumberInput } from "./types-de-champ/integer-number";
import { LinkedDropDownListDisplay, LinkedDropDownListInput } from "./types-de-champ/linked-drop-down-list";
import { MultipleDropDownListDisplay, MultipleDropDownListInput } from "./types-de-champ/multiple-drop-down-list";
import { PaysDisplay, PaysInput } from "./types-de-champ/pays";
import { PhoneDisplay, PhoneInput } from "./types-de-champ/phone";
import { PieceJustificativeDisplay, PieceJustificativeInput } from "./types-de-champ/piece-justificative";
import { RegionsDisplay, RegionsInput } from "./types-de-champ/regions";
import { RepetitionDisplay, RepetitionInput } from "./types-de-champ/repetition";
import { SiretDisplay, SiretInput } from "./types-de-champ/siret";
import { TextDisplay, TextInput } from "./types-de-champ/text";
import { TextareaDisplay, TextareaInput } from "./types-de-champ/textarea";
import { TitreIdentiteDisplay, TitreIdentiteInput } from "./types-de-champ/titre-identite";
import { YesNoDisplay, YesNoInput } from "./types-de-champ/yes-no";
import type { TypedDisplayProps, TypedInputProps } from "./types";

/** The components of one type, typed with that type's options and value. */
export type ChampComponentsRegistry = {
  [K in TypeChamp]: { Input: ComponentType<TypedInputProps<K>>; Display: ComponentType<TypedDisplayProps<K>> };
};

export const CHAMP_COMPONENTS = {
  header_section: { Input: HeaderSectionInput, Display: HeaderSectionDisplay },
  repetition: { Input: RepetitionInput, Display: RepetitionDisplay },
  text: { Input: TextInput, Display: TextDisplay },
  textarea: { Input: TextareaInput, Display: TextareaDisplay },
  integer_number: { Input: IntegerNumberInput, Display: IntegerNumberDisplay },
  date: { Input: DateInput, Display: DateDisplay },
  yes_no: { Input: YesNoInput, Display: YesNoDisplay },
  drop_down_list: { Input: DropDownListInput, Display: DropDownListDisplay },
  checkbox: { Input: CheckboxInput, Display: CheckboxDisplay },
  civilite: { Input: CiviliteInput, Display: CiviliteDisplay },
  datetime: { Input: DatetimeInput, Display: DatetimeDisplay },
  decimal_number: { Input: DecimalNumberInput, Display: DecimalNumberDisplay },
  email: { Input: EmailInput, Display: EmailDisplay },
  iban: { Input: IbanInput, Display: IbanDisplay },
  multiple_drop_down_list: { Input: MultipleDropDownListInput, Display: MultipleDropDownListDisplay },
  phone: { Input: PhoneInput, Display: PhoneDisplay },
  siret: { Input: SiretInput, Display: SiretDisplay },
  explication: { Input: ExplicationInput, Display: ExplicationDisplay },
  formatted: { Input: FormattedInput, Display: FormattedDisplay },
  linked_drop_down_list: { Input: LinkedDropDownListInput, Display: LinkedDropDownListDisplay },
  dossier_link: { Input: DossierLinkInput, Display: DossierLinkDisplay },
  pays: { Input: PaysInput, Display: PaysDisplay },
  regions: { Input: RegionsInput, Display: RegionsDisplay },
  departements: { Input: DepartementsInput, Display: DepartementsDisplay },
  communes: { Input: CommunesInput, Display: CommunesDisplay },
  epci: { Input: EpciInput, Display: EpciDisplay },
  address: { Input: AddressInput, Display: AddressDisplay },
  piece_justificative: { Input: PieceJustificativeInput, Display: PieceJustificativeDisplay },
  titre_identite: { Input: TitreIdentiteInput, Display: TitreIdentiteDisplay },
} satisfies ChampComponentsRegistry;
