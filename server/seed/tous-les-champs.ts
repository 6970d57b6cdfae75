/**
 * The demo démarche « Tous les champs »: one field of every type the registry knows (so a new type
 * appears here without editing this file), plus what the form engine does beyond single fields — a
 * condition, a repetition block, an ineligibility rule and an annotation privée. Administrateurs
 * look at it to see what each type gives; tests and journeys use it as the full form. Its fields
 * are listed in tous-les-champs-specs.ts.
 */
import type { Db } from "../db/client";
import { buildDemarche } from "./factories";
import {
  TOUS_LES_CHAMPS_PATH,
  tousLesChampsAnnotations,
  tousLesChampsIneligibilite,
  tousLesChampsSpecs,
} from "./tous-les-champs-specs";

export {
  ASSOCIATION,
  INELIGIBILITE_MESSAGE,
  MAJEUR,
  RNA,
  TOUS_LES_CHAMPS_PATH,
  tousLesChampsAnnotations,
  tousLesChampsIneligibilite,
  tousLesChampsSpecs,
} from "./tous-les-champs-specs";

export async function seedTousLesChamps(db: Db) {
  return buildDemarche(db, {
    administrateurEmail: "administrateur@exemple.fr",
    instructeurEmails: ["instructeur@exemple.fr", "administrateur@exemple.fr"],
    libelle: "Tous les champs",
    path: TOUS_LES_CHAMPS_PATH,
    champs: tousLesChampsSpecs(),
    annotations: tousLesChampsAnnotations(),
    ineligibilite: tousLesChampsIneligibilite,
  });
}
