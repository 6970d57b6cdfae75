/**
 * The form of the demo démarche « Tous les champs » (see tous-les-champs.ts): one field of every
 * type the registry knows (so a new type appears here without editing this file), plus a
 * condition, a repetition block, an ineligibility rule and annotations privées. Kept apart from
 * the seed, with only pure imports, so that the browser journey that builds the same form through
 * the editor (tests/e2e/journey/build-tous-les-champs.ts) can read it.
 */
import { translate } from "../../common/i18n";
import { champValue, constant, eq } from "../domain/conditions/ast";
import { TYPES_CHAMP, type TypeChamp } from "../domain/champs/definition";
import type { ChampSpec } from "./factories";

export const TOUS_LES_CHAMPS_PATH = "tous-les-champs";

/** Options that make a type meaningful in a demo (the others keep their defaults). */
const DEMO_OPTIONS: Partial<Record<TypeChamp, Record<string, unknown>>> = {
  drop_down_list: { options: ["Culture", "Sport", "Solidarité"], other: true },
  multiple_drop_down_list: { options: ["Jeunesse", "Seniors", "Familles"], other: false },
};

/** Types shown elsewhere in the form (the block) or needing a context the demo gives separately. */
const HANDLED_APART = new Set<string>(["repetition", "header_section"]);

export const ASSOCIATION = "Le demandeur est-il une association ?";
export const RNA = "Numéro RNA de l’association";
export const MAJEUR = "Le demandeur est-il majeur ?";

export function tousLesChampsSpecs(): ChampSpec[] {
  const eachType: ChampSpec[] = TYPES_CHAMP.filter((type) => !HANDLED_APART.has(type)).map((type) => ({
    type,
    libelle: translate("fr", `champs.types.${type}`),
    // Optional: the demo can be submitted with any subset filled.
    mandatory: false,
    ...(DEMO_OPTIONS[type] ? { options: DEMO_OPTIONS[type] } : {}),
  }));
  return [
    { type: "header_section", libelle: "Un champ de chaque type" },
    ...eachType,
    { type: "header_section", libelle: "Conditions, blocs et éligibilité" },
    { type: "yes_no", libelle: ASSOCIATION },
    { type: "text", libelle: RNA, condition: (id) => eq(champValue(id(ASSOCIATION)), constant(true)) },
    {
      type: "repetition",
      libelle: "Membres du bureau",
      children: [
        { type: "text", libelle: "Nom et prénom" },
        { type: "date", libelle: "Date d’entrée au bureau", mandatory: false },
      ],
    },
    { type: "yes_no", libelle: MAJEUR },
  ];
}

/** The instructeurs' annotations privées of the demo. */
export function tousLesChampsAnnotations(): ChampSpec[] {
  return [
    { type: "text", libelle: "Avis interne", mandatory: false },
    { type: "yes_no", libelle: "Dossier complet", mandatory: false },
  ];
}

export const INELIGIBILITE_MESSAGE = "Cette démarche est réservée aux personnes majeures.";

/** The ineligibility rule (a minor cannot submit), given the stable ids by libellé. */
export function tousLesChampsIneligibilite(id: (libelle: string) => number) {
  return { message: INELIGIBILITE_MESSAGE, rules: eq(champValue(id(MAJEUR)), constant(false)) };
}
