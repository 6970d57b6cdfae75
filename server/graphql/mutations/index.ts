/**
 * The API's mutations, by root field name. Each dossier mutation is defined with
 * `defineDossierMutation` (see its header for the checks it makes and how to write a new one); the
 * groupe mutations share `groupeMutation` (groupe-instructeur.ts); `demarcheCloner` acts on a démarche
 * and makes the same token checks itself.
 */
import { dossierAjouterLabel, dossierArchiver, dossierDesarchiver, dossierSupprimerLabel } from "./dossier-archive-labels";
import { createDirectUpload } from "./create-direct-upload";
import { demarcheCloner } from "./demarche-cloner";
import { dossierBasculeSuivi } from "./dossier-bascule-suivi";
import { dossierChangerGroupeInstructeur } from "./dossier-changer-groupe";
import { dossierEnvoyerMessage, dossierSupprimerMessage } from "./dossier-messages";
import {
  dossierAccepter,
  dossierClasserSansSuite,
  dossierPasserEnInstruction,
  dossierRefuser,
  dossierRepasserEnConstruction,
  dossierRepasserEnInstruction,
} from "./dossier-state-changes";
import {
  dossierModifierAnnotationAjouterLigne,
  dossierModifierAnnotationCheckbox,
  dossierModifierAnnotationDate,
  dossierModifierAnnotationDatetime,
  dossierModifierAnnotationDecimalNumber,
  dossierModifierAnnotationDropDownList,
  dossierModifierAnnotationIntegerNumber,
  dossierModifierAnnotations,
  dossierModifierAnnotationText,
} from "./dossier-modifier-annotation";
import {
  groupeInstructeurAjouterInstructeurs,
  groupeInstructeurCreer,
  groupeInstructeurModifier,
  groupeInstructeurSupprimerInstructeurs,
} from "./groupe-instructeur";

export const mutationResolvers = {
  Mutation: {
    createDirectUpload,
    demarcheCloner,
    dossierAccepter,
    dossierAjouterLabel,
    dossierArchiver,
    dossierBasculeSuivi,
    dossierChangerGroupeInstructeur,
    dossierClasserSansSuite,
    dossierDesarchiver,
    dossierEnvoyerMessage,
    dossierModifierAnnotationAjouterLigne,
    dossierModifierAnnotationCheckbox,
    dossierModifierAnnotationDate,
    dossierModifierAnnotationDatetime,
    dossierModifierAnnotationDecimalNumber,
    dossierModifierAnnotationDropDownList,
    dossierModifierAnnotationIntegerNumber,
    dossierModifierAnnotations,
    dossierModifierAnnotationText,
    dossierPasserEnInstruction,
    dossierRefuser,
    dossierRepasserEnConstruction,
    dossierRepasserEnInstruction,
    dossierSupprimerLabel,
    dossierSupprimerMessage,
    groupeInstructeurAjouterInstructeurs,
    groupeInstructeurCreer,
    groupeInstructeurModifier,
    groupeInstructeurSupprimerInstructeurs,
  },
};
