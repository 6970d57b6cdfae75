import { DEMO, expect, test } from "../support/fixtures";
import {
  type Actor,
  admin,
  apiStringValue,
  type ChampAnswer,
  type ChampSpec,
  expectMailbox,
  graphql,
  instructeur,
  openMail,
  signOut,
  uniqueSuffix,
  usager,
} from "./steps";

/**
 * The walking skeleton, end to end, with and without JavaScript: an administrateur creates and
 * publishes a démarche, a new usager signs up and submits a dossier, an instructeur accepts it, the
 * usager receives the mails, and the GraphQL API returns the dossier as accepted. Every page is
 * checked with axe. Names are unique per project and run (both projects share one server).
 */

const CHAMPS = {
  immatriculation: { type: "text", libelle: "Immatriculation du véhicule", mandatory: true },
  foyer: { type: "integer_number", libelle: "Nombre de personnes au foyer", mandatory: true },
  vehicule: { type: "drop_down_list", libelle: "Type de véhicule", mandatory: true, options: ["Voiture", "Moto", "Utilitaire"] },
  electrique: { type: "yes_no", libelle: "Le véhicule est-il électrique ?", mandatory: false },
  emmenagement: { type: "date", libelle: "Date d’emménagement", mandatory: true },
} as const satisfies Record<string, ChampSpec>;

const ANSWERS: ChampAnswer[] = [
  { champ: CHAMPS.immatriculation, value: "AB-123-CD" },
  { champ: CHAMPS.foyer, value: "12" },
  { champ: CHAMPS.vehicule, value: "Moto" },
  { champ: CHAMPS.electrique, value: "true" },
  { champ: CHAMPS.emmenagement, value: "2021-09-01" },
];
const IDENTITY = { civilite: "Mme", nom: "Lefebvre", prenom: "Aurélie" } as const;
const MOTIVATION = "Pièces justificatives conformes : carte résident accordée pour un an.";

const DOSSIER_QUERY = /* GraphQL */ `
  query DossiersAcceptes($demarche: Int!) {
    demarche(number: $demarche) {
      number
      title
      state
      dossiers(state: accepte) {
        nodes {
          number
          state
          motivation
          usager { email }
          demandeur { ... on PersonnePhysique { civilite nom prenom } }
          champs { label stringValue }
        }
      }
    }
  }
`;

interface DossiersAcceptes {
  demarche: {
    number: number;
    title: string;
    state: string;
    dossiers: {
      nodes: Array<{
        number: number;
        state: string;
        motivation: string | null;
        usager: { email: string };
        demandeur: { civilite: string | null; nom: string; prenom: string };
        champs: Array<{ label: string; stringValue: string | null }>;
      }>;
    };
  };
}

test.describe("walking skeleton", () => {
  test("a démarche is published, a dossier submitted, accepted, mailed and read through the API", async ({
    page,
    request,
    checkA11y,
    signIn,
    readMailbox,
    javaScriptEnabled,
  }, testInfo) => {
    // About thirty pages, each checked with axe, on two loaded cores.
    test.setTimeout(420_000);
    const suffix = uniqueSuffix(testInfo);
    const demarche = {
      libelle: `Carte de stationnement résident ${suffix}`,
      description: "Demandez votre carte de stationnement résident pour stationner près de votre domicile.",
      cadreJuridique: "Délibération du conseil municipal nº 2024-117 du 12 mars 2024",
      lienDpo: "dpo@exemple.gouv.fr",
      dureeConservation: "6 mois",
      path: `stationnement-${suffix}`,
    };
    const usagerEmail = `usager-${suffix}@exemple.fr`;
    const usagerPassword = "une phrase de passe assez longue";
    const actor: Actor = { page, checkA11y, javaScriptEnabled };

    const { number: demarcheNumber, overview } =
      await test.step("the administrateur creates and publishes the démarche", async () => {
        await signIn(page, DEMO.administrateur);
        const created = await admin.createDemarche(actor, demarche);
        const withOverview = { ...demarche, overview: created.overview };
        await admin.buildForm(actor, withOverview, Object.values(CHAMPS));
        await admin.assignInstructeur(actor, withOverview, DEMO.instructeur);
        await admin.publish(actor, withOverview);
        await signOut(actor);
        return created;
      });
    expect(overview).toBe(`/admin/procedures/${demarcheNumber}`);

    const dossier = await test.step("a new usager signs up, fills the form, fails once, then submits", async () => {
      await usager.signUp(actor, readMailbox, usagerEmail, usagerPassword);
      const number = await usager.startDossier(actor, demarche);
      await usager.fillIdentity(actor, IDENTITY);

      const withInvalidInteger = ANSWERS.map((a) => (a.champ === CHAMPS.foyer ? { ...a, value: "douze" } : a));
      await usager.fillChamps(actor, withInvalidInteger);
      if (javaScriptEnabled) {
        // The brouillon is autosaved a moment after typing.
        await expect(page.getByRole("status").filter({ hasText: /^Brouillon enregistré à \d{1,2} h \d{2}/ })).toBeVisible();
      }
      await page.getByRole("button", { name: "Déposer le dossier" }).click();
      const summary = page.getByRole("alert");
      await expect(summary).toContainText(
        "Le champ « Nombre de personnes au foyer » doit être un nombre entier, sans virgule ni lettre",
      );
      await expect(page).toHaveURL(new RegExp(`/dossiers/${number}/brouillon$`));
      await usager.expectChamps(actor, withInvalidInteger);
      await checkA11y(page);

      await summary.getByRole("link", { name: /Nombre de personnes au foyer/ }).click();
      await page.getByLabel(CHAMPS.foyer.libelle).fill("12");
      await usager.submitDossier(actor, number);
      await usager.expectInMesDossiers(actor, number, demarche.libelle, "En construction");
      await signOut(actor);
      return number;
    });

    await test.step("the instructeur passes the dossier en instruction and accepts it", async () => {
      await signIn(page, DEMO.instructeur);
      await instructeur.openDossierToFollow(actor, demarche.libelle, dossier);
      await instructeur.expectDossier(actor, {
        demandeur: `${IDENTITY.civilite} ${IDENTITY.nom} ${IDENTITY.prenom}`,
        email: usagerEmail,
        state: "En construction",
        answers: ANSWERS,
      });
      await instructeur.passerEnInstruction(actor);
      await instructeur.accepter(actor, MOTIVATION);
      await signOut(actor);
    });

    await test.step("the usager has received the accusé de réception, the passage en instruction and the acceptation", async () => {
      const acceptation = new RegExp(`^Votre dossier n° ${dossier} a été accepté`);
      const [depose, instruction, accepte] = await expectMailbox(actor, readMailbox, usagerEmail, [
        new RegExp(`^Votre dossier n° ${dossier} a bien été déposé`),
        new RegExp(`^Votre dossier n° ${dossier} va être examiné`),
        acceptation,
      ]);
      expect(depose?.text).toContain(demarche.libelle);
      expect(instruction?.text).toContain(demarche.libelle);
      expect(accepte?.text).toContain("Motif de la décision :");
      expect(accepte?.text).toContain(MOTIVATION);
      expect(accepte?.links.some((url) => new URL(url).pathname === `/dossiers/${dossier}`)).toBe(true);
      await openMail(actor, acceptation, [demarche.libelle, MOTIVATION]);
    });

    await test.step("the GraphQL API returns the dossier as accepted", async () => {
      const token = process.env.E2E_API_TOKEN;
      expect(token, "E2E_API_TOKEN (set by global-setup; give one when E2E_BASE_URL is set)").toBeTruthy();
      const data = await graphql<DossiersAcceptes>(request, token as string, DOSSIER_QUERY, { demarche: demarcheNumber });
      expect(data.demarche).toMatchObject({ number: demarcheNumber, title: demarche.libelle, state: "publiee" });
      const node = data.demarche.dossiers.nodes.find((n) => n.number === dossier);
      expect(node, JSON.stringify(data.demarche.dossiers.nodes)).toBeDefined();
      expect(node).toMatchObject({
        state: "accepte",
        motivation: MOTIVATION,
        usager: { email: usagerEmail },
        demandeur: { civilite: "Mme", nom: IDENTITY.nom, prenom: IDENTITY.prenom },
      });
      expect(node?.champs).toEqual(ANSWERS.map((a) => ({ label: a.champ.libelle, stringValue: apiStringValue(a) })));
    });
  });
});
