import admin from "./admin";
import auth from "./auth";
import champs from "./champs";
import common from "./common";
import dossiers from "./dossiers";
import instructeur from "./instructeur";
import mail from "./mail";
import usager from "./usager";

export const fr = { common, auth, admin, usager, instructeur, mail, champs, dossiers };
