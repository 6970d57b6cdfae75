/**
 * The demo démarche « Tous les champs »: one field of every type the registry knows (so a new type
 * appears here without editing this file), plus what the form engine does beyond single fields — a
 * condition, a repetition block, an ineligibility rule and an annotation privée. Administrateurs
 * look at it to see what each type gives; tests and journeys use it as the full form.
 */
import { translate } from "../../app/i18n";
import { champValue, constant, eq } from "../domain/conditions/ast";
import { TYPES_CHAMP, type TypeChamp } from "../domain/champs/definition";
import type { Db } from "../db/client";
import { buildDemarche, type ChampSpec } from "./factories";

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

export async function seedTousLesChamps(db: Db) {
  return buildDemarche(db, {
    administrateurEmail: "administrateur@exemple.fr",
    instructeurEmails: ["instructeur@exemple.fr", "administrateur@exemple.fr"],
    libelle: "Tous les champs",
    path: TOUS_LES_CHAMPS_PATH,
    champs: tousLesChampsSpecs(),
    annotations: [
      { type: "text", libelle: "Avis interne", mandatory: false },
      { type: "yes_no", libelle: "Dossier complet", mandatory: false },
    ],
    ineligibilite: (id) => ({
      message: "Cette démarche est réservée aux personnes majeures.",
      rules: eq(champValue(id(MAJEUR)), constant(false)),
    }),
  });
}
