/**
 * The UI of each type de champ: its input (usager forms, preview) and its display (dossier pages),
 * one entry per `TypeChamp`, each checked against its own options and value. With the type's
 * module in `server/domain/champs/types/` (every server-side facet) and its options editor in
 * `app/routes/admin/ui/champ-options-editor.tsx`, this is all a new type needs: the compiler
 * refuses a type missing here.
 *
 * Each type's components are a chunk of their own, loaded only by the pages whose form has that
 * type (decision 0014): the server loads them all once (`app/entry.server.tsx`); the browser loads
 * the types the server-rendered lists name (`data-champ-types`) before it hydrates
 * (`app/entry.client.tsx`), so hydration renders the same markup at once; a list reached by a
 * client-side navigation suspends its route transition until its types are loaded.
 */
import { type ComponentType, use } from "react";
import type { ChampDescriptor, TypeChamp } from "../../../server/domain/champs/definition";
import type { TypedDisplayProps, TypedInputProps } from "./types";

/** The components of one type, typed with that type's options and value. */
export type ChampComponents<K extends TypeChamp> = {
  Input: ComponentType<TypedInputProps<K>>;
  Display: ComponentType<TypedDisplayProps<K>>;
};

export type ChampComponentsRegistry = { [K in TypeChamp]: () => Promise<ChampComponents<K>> };

const LOADERS = {
  header_section: () =>
    import("./types-de-champ/header-section").then((m) => ({ Input: m.HeaderSectionInput, Display: m.HeaderSectionDisplay })),
  repetition: () =>
    import("./types-de-champ/repetition").then((m) => ({ Input: m.RepetitionInput, Display: m.RepetitionDisplay })),
  text: () => import("./types-de-champ/text").then((m) => ({ Input: m.TextInput, Display: m.TextDisplay })),
  textarea: () => import("./types-de-champ/textarea").then((m) => ({ Input: m.TextareaInput, Display: m.TextareaDisplay })),
  integer_number: () =>
    import("./types-de-champ/integer-number").then((m) => ({ Input: m.IntegerNumberInput, Display: m.IntegerNumberDisplay })),
  date: () => import("./types-de-champ/date").then((m) => ({ Input: m.DateInput, Display: m.DateDisplay })),
  yes_no: () => import("./types-de-champ/yes-no").then((m) => ({ Input: m.YesNoInput, Display: m.YesNoDisplay })),
  drop_down_list: () =>
    import("./types-de-champ/drop-down-list").then((m) => ({ Input: m.DropDownListInput, Display: m.DropDownListDisplay })),
  checkbox: () => import("./types-de-champ/checkbox").then((m) => ({ Input: m.CheckboxInput, Display: m.CheckboxDisplay })),
  civilite: () => import("./types-de-champ/civilite").then((m) => ({ Input: m.CiviliteInput, Display: m.CiviliteDisplay })),
  datetime: () => import("./types-de-champ/datetime").then((m) => ({ Input: m.DatetimeInput, Display: m.DatetimeDisplay })),
  decimal_number: () =>
    import("./types-de-champ/decimal-number").then((m) => ({ Input: m.DecimalNumberInput, Display: m.DecimalNumberDisplay })),
  email: () => import("./types-de-champ/email").then((m) => ({ Input: m.EmailInput, Display: m.EmailDisplay })),
  iban: () => import("./types-de-champ/iban").then((m) => ({ Input: m.IbanInput, Display: m.IbanDisplay })),
  multiple_drop_down_list: () =>
    import("./types-de-champ/multiple-drop-down-list").then((m) => ({
      Input: m.MultipleDropDownListInput,
      Display: m.MultipleDropDownListDisplay,
    })),
  phone: () => import("./types-de-champ/phone").then((m) => ({ Input: m.PhoneInput, Display: m.PhoneDisplay })),
  siret: () => import("./types-de-champ/siret").then((m) => ({ Input: m.SiretInput, Display: m.SiretDisplay })),
  explication: () =>
    import("./types-de-champ/explication").then((m) => ({ Input: m.ExplicationInput, Display: m.ExplicationDisplay })),
  formatted: () => import("./types-de-champ/formatted").then((m) => ({ Input: m.FormattedInput, Display: m.FormattedDisplay })),
  linked_drop_down_list: () =>
    import("./types-de-champ/linked-drop-down-list").then((m) => ({
      Input: m.LinkedDropDownListInput,
      Display: m.LinkedDropDownListDisplay,
    })),
  dossier_link: () =>
    import("./types-de-champ/dossier-link").then((m) => ({ Input: m.DossierLinkInput, Display: m.DossierLinkDisplay })),
  pays: () => import("./types-de-champ/pays").then((m) => ({ Input: m.PaysInput, Display: m.PaysDisplay })),
  regions: () => import("./types-de-champ/regions").then((m) => ({ Input: m.RegionsInput, Display: m.RegionsDisplay })),
  departements: () =>
    import("./types-de-champ/departements").then((m) => ({ Input: m.DepartementsInput, Display: m.DepartementsDisplay })),
  communes: () => import("./types-de-champ/communes").then((m) => ({ Input: m.CommunesInput, Display: m.CommunesDisplay })),
  epci: () => import("./types-de-champ/epci").then((m) => ({ Input: m.EpciInput, Display: m.EpciDisplay })),
  address: () => import("./types-de-champ/address").then((m) => ({ Input: m.AddressInput, Display: m.AddressDisplay })),
  piece_justificative: () =>
    import("./types-de-champ/piece-justificative").then((m) => ({
      Input: m.PieceJustificativeInput,
      Display: m.PieceJustificativeDisplay,
    })),
  titre_identite: () =>
    import("./types-de-champ/titre-identite").then((m) => ({ Input: m.TitreIdentiteInput, Display: m.TitreIdentiteDisplay })),
} satisfies ChampComponentsRegistry;

const loaded: { [K in TypeChamp]?: ChampComponents<K> } = {};
const pending = new Map<TypeChamp, Promise<void>>();

function load(type: TypeChamp): Promise<void> {
  let promise = pending.get(type);
  if (!promise) {
    const loader = LOADERS[type] as () => Promise<ChampComponents<TypeChamp>>;
    promise = loader().then((components) => {
      (loaded as Record<TypeChamp, ChampComponents<TypeChamp>>)[type] = components;
    });
    pending.set(type, promise);
  }
  return promise;
}

/** Loads the components of these types (once each); resolves when all are there. */
export async function loadChampComponents(types: Iterable<string>): Promise<void> {
  const known = new Set<string>(Object.keys(LOADERS));
  await Promise.all([...new Set(types)].filter((type) => known.has(type)).map((type) => load(type as TypeChamp)));
}

/** Every type (the server renders any form). */
export function loadAllChampComponents(): Promise<void> {
  return loadChampComponents(Object.keys(LOADERS));
}

/** The components of a type: at once when loaded, else the render suspends until they are. */
export function useChampComponents<K extends TypeChamp>(type: K): ChampComponents<K> {
  const components = loaded[type] as ChampComponents<K> | undefined;
  if (components) return components;
  use(load(type));
  return loaded[type] as ChampComponents<K>;
}

/** Attribute naming the types of a rendered list, read by `app/entry.client.tsx` before hydration. */
export const CHAMP_TYPES_ATTRIBUTE = "data-champ-types";

/** The types of these fields and of their children, space-separated, sorted. */
export function champTypesOf(descriptors: readonly ChampDescriptor[]): string {
  const types = new Set<string>();
  const visit = (list: readonly ChampDescriptor[]) => {
    for (const descriptor of list) {
      types.add(descriptor.type);
      if (descriptor.children) visit(descriptor.children);
    }
  };
  visit(descriptors);
  return [...types].sort().join(" ");
}
