import type { Translation } from "../../types";
import type { fr } from "../fr";
import admin from "./admin";
import auth from "./auth";
import champs from "./champs";
import common from "./common";
import conditions from "./conditions";
import dossiers from "./dossiers";
import instructeur from "./instructeur";
import mail from "./mail";
import usager from "./usager";
import prefill from "./prefill";
import revisions from "./revisions";
import fichiers from "./fichiers";
import legal from "./legal";
import liste from "./liste";
import avis from "./avis";
import notifications from "./notifications";
import messagerie from "./messagerie";
import exports from "./exports";
import equipe from "./equipe";
import statistiques from "./statistiques";
import groupes from "./groupes";
import modeles from "./modeles";
import documents from "./documents";
import webhooks from "./webhooks";
import graphqlConsole from "./console";
import cycle from "./cycle";
import presentation from "./presentation";
import attestations from "./attestations";
import entreprise from "./entreprise";
import conservation from "./conservation";

export const en = {
  common,
  auth,
  admin,
  usager,
  instructeur,
  mail,
  champs,
  dossiers,
  conditions,
  prefill,
  fichiers,
  revisions,
  legal,
  liste,
  avis,
  notifications,
  messagerie,
  exports,
  equipe,
  statistiques,
  groupes,
  modeles,
  documents,
  webhooks,
  console: graphqlConsole,
  cycle,
  presentation,
  attestations,
  entreprise,
  conservation,
} satisfies Translation<typeof fr>;
