import type { Translation } from "../../types";
import type { fr } from "../fr";
import admin from "./admin";
import auth from "./auth";
import champs from "./champs";
import common from "./common";
import dossiers from "./dossiers";
import instructeur from "./instructeur";
import mail from "./mail";
import usager from "./usager";

export const en = { common, auth, admin, usager, instructeur, mail, champs, dossiers } satisfies Translation<typeof fr>;
