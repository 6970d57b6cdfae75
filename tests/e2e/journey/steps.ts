/**
 * Steps of the browser journeys, one function per thing a person does (administrateur, usager,
 * instructeur), through the real pages and their French labels. Each step checks the pages it
 * visits with axe (`actor.checkA11y`) and works with and without JavaScript.
 *
 *   const actor = { page, checkA11y, javaScriptEnabled };
 *   const demarche = await admin.createDemarche(actor, { libelle, … });
 */
import type { APIRequestContext, Page, TestInfo } from "@playwright/test";
import { type A11yOptions, expect, type MailboxMessage, type MailboxOptions } from "../support/fixtures";

/** The page of one person and the fixtures of the running test. */
export interface Actor {
  page: Page;
  checkA11y: (page: Page, options?: A11yOptions) => Promise<void>;
  javaScriptEnabled: boolean;
}

export type ReadMailbox = (source: Page | APIRequestContext, to: string, options?: MailboxOptions) => Promise<MailboxMessage>;

/** Unique per run and per project (js and nojs share one server): `<project>-<timestamp>`. */
export function uniqueSuffix(testInfo: TestInfo): string {
  return `${testInfo.project.name}-${Date.now()}`;
}

// ---------------------------------------------------------------------------------------------
// The fields of a démarche, and the value a usager gives each one
// ---------------------------------------------------------------------------------------------

export type ChampSpec =
  | { type: "text" | "integer_number" | "yes_no" | "date"; libelle: string; mandatory: boolean }
  | { type: "drop_down_list"; libelle: string; mandatory: boolean; options: string[] };

/** The editor's name of each type (« Type de champ »). */
const TYPE_LABELS: Record<ChampSpec["type"], string> = {
  text: "Texte court",
  integer_number: "Nombre entier",
  drop_down_list: "Choix simple",
  yes_no: "Oui/Non",
  date: "Date",
};

/** What the usager types or chooses: text as typed, the option's text, "true"/"false", or YYYY-MM-DD. */
export type ChampAnswer = { champ: ChampSpec; value: string };

/** How the read-only dossier pages show an answer (French). */
export function displayedValue({ champ, value }: ChampAnswer): string {
  if (champ.type === "yes_no") return value === "true" ? "Oui" : "Non";
  if (champ.type === "date") return value.split("-").reverse().join("/");
  return value;
}

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** The `stringValue` of the GraphQL API, as the reference's: "true"/"false", dates in words (« 01 septembre 2021 »). */
export function apiStringValue({ champ, value }: ChampAnswer): string {
  if (champ.type === "date") {
    const [year, month, day] = value.split("-");
    return `${day} ${MONTHS[Number(month) - 1]} ${year}`;
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Everyone
// ---------------------------------------------------------------------------------------------

/** The header's « Se déconnecter » (a POST form); back on the home page, signed out. */
export async function signOut({ page, checkA11y }: Actor) {
  await page.getByRole("banner").getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Se connecter" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Faites vos démarches en ligne");
  await checkA11y(page);
}

/**
 * With JavaScript, the form editor saves a field when a box loses focus or a choice changes:
 * waits for that save (its POST) so that saves never overtake each other. Without JavaScript
 * nothing is sent until a button is pressed.
 */
async function editorSave(actor: Actor, action: () => Promise<void>) {
  if (!actor.javaScriptEnabled) return action();
  const { page } = actor;
  await Promise.all([
    // Generous: two journeys share the 2 cores, and a save answers only after the editor re-renders.
    page.waitForResponse((r) => r.request().method() === "POST" && /\/admin\/procedures\/\d+\/champs/.test(r.url()), {
      timeout: 45_000,
    }),
    action(),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Administrateur
// ---------------------------------------------------------------------------------------------

export interface DemarcheSpec {
  libelle: string;
  description: string;
  cadreJuridique: string;
  lienDpo: string;
  /** « Durée de conservation », as the list shows it: "6 mois". */
  dureeConservation: string;
  /** Where usagers find the link: required to publish. */
  lienSiteWeb?: string;
}

/** The card every published démarche needs (its SIRET passes the Luhn check). */
export const DEMO_SERVICE = {
  nom: "Service des démarches en ligne",
  organisme: "Mairie de Lyon",
  typeOrganisme: "Collectivité territoriale",
  siret: "21690123100011",
  email: "contact@mairie-lyon.example.fr",
  telephone: "04 72 10 30 30",
  horaires: "Du lundi au vendredi, de 9 h à 17 h",
  adresse: "1 place de la Comédie, 69001 Lyon",
} as const;

export const admin = {
  /** The démarche's overview (its checklist shows what is done). */
  async openOverview(actor: Actor, overview: string, libelle: string) {
    const { page, checkA11y } = actor;
    await page.goto(overview);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(libelle);
    await checkA11y(page);
  },

  /** « Mes démarches » → « Créer une nouvelle démarche » → the démarche's overview. Returns its number and overview path. */
  async createDemarche(actor: Actor, demarche: DemarcheSpec): Promise<{ number: number; overview: string }> {
    const { page, checkA11y } = actor;
    await page.goto("/admin/procedures");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes démarches");
    await checkA11y(page);

    await page.getByRole("link", { name: "Créer une nouvelle démarche" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Créer une nouvelle démarche");
    await checkA11y(page);
    await page.getByLabel("Titre de la démarche").fill(demarche.libelle);
    await page.getByLabel("Quel est l’objet de la démarche ?").fill(demarche.description);
    await page.getByLabel(/^Cadre juridique/).fill(demarche.cadreJuridique);
    await page.getByLabel(/^Contact du délégué à la protection des données/).fill(demarche.lienDpo);
    await page.getByLabel(/^Durée de conservation/).selectOption({ label: demarche.dureeConservation });
    await page.getByLabel(/^Lien du site internet/).fill(demarche.lienSiteWeb ?? "https://www.exemple.fr/demarches");
    await page.getByRole("button", { name: "Créer la démarche" }).click();

    await expect(page).toHaveURL(/\/admin\/procedures\/\d+\?notice=created$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(demarche.libelle);
    await expect(page.getByText("La démarche a été créée. Composez maintenant son formulaire.")).toBeVisible();
    await checkA11y(page);
    const overview = new URL(page.url()).pathname;
    return { number: Number(overview.split("/").pop()), overview };
  },

  /** From the overview, « Modifier le formulaire », then each field added at the end and filled in. */
  async buildForm(actor: Actor, demarche: { overview: string; libelle: string }, champs: readonly ChampSpec[]) {
    const { page, checkA11y } = actor;
    await admin.openOverview(actor, demarche.overview, demarche.libelle);
    await page.getByRole("link", { name: "Modifier le formulaire" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Formulaire usager");
    await checkA11y(page);
    for (const [index, champ] of champs.entries()) {
      await admin.addChamp(actor, champ, index + 1);
    }
    await expect(page.getByRole("heading", { level: 2, name: `Champs du formulaire (${champs.length})` })).toBeVisible();
  },

  /** « Ajouter un champ » at the end of the form, then its libellé, options and « Champ obligatoire ». */
  async addChamp(actor: Actor, champ: ChampSpec, position: number) {
    const { page, checkA11y } = actor;
    const cards = page.getByRole("region", { name: /^Champ \d+ sur \d+ :/ });
    const end = page.getByRole("region", { name: "Ajouter un champ à la fin du formulaire" });
    await end.getByLabel("Type de champ").selectOption({ label: TYPE_LABELS[champ.type] });
    await end.getByRole("button", { name: "Ajouter un champ", exact: true }).click();
    await expect(cards).toHaveCount(position);

    const card = cards.nth(position - 1);
    // A new field is named after its type until it gets its libellé.
    await expect(card.getByRole("heading", { level: 3 })).toContainText(TYPE_LABELS[champ.type]);
    // The hidden field the hydrated editor adds to its forms: the page now saves on its own.
    if (actor.javaScriptEnabled) await expect(card.locator('input[name="_js"]').first()).toBeAttached();
    await editorSave(actor, async () => {
      await card.getByRole("textbox", { name: "Libellé", exact: true }).fill(champ.libelle);
      await card.getByRole("textbox", { name: "Libellé", exact: true }).press("Tab");
    });
    if (champ.type === "drop_down_list") {
      const options = card.getByLabel("Options de la liste");
      await editorSave(actor, async () => {
        await options.fill(champ.options.join("\n"));
        await options.press("Tab");
      });
    }
    const mandatory = card.getByLabel("Champ obligatoire");
    if ((await mandatory.isChecked()) !== champ.mandatory) {
      // DSFR checkboxes: the label covers the input.
      await editorSave(actor, () => mandatory.setChecked(champ.mandatory, { force: true }));
    }
    await editorSave(actor, () => card.getByRole("button", { name: /^Enregistrer/ }).click());

    await expect(card.getByRole("heading", { level: 3 })).toContainText(champ.libelle);
    if (actor.javaScriptEnabled) await expect(card.getByRole("status")).toHaveText(`Enregistré – ${champ.libelle}`);
    await expect(card.getByRole("textbox", { name: "Libellé", exact: true })).toHaveValue(champ.libelle);
    await expect(card.getByLabel("Champ obligatoire")).toBeChecked({ checked: champ.mandatory });
    if (champ.type === "drop_down_list")
      await expect(card.getByLabel("Options de la liste")).toHaveValue(champ.options.join("\n"));
    await checkA11y(page);
  },

  /** From the overview, « Gérer les instructeurs », then one address added. */
  async assignInstructeur(actor: Actor, demarche: { overview: string; libelle: string }, email: string) {
    const { page, checkA11y } = actor;
    await admin.openOverview(actor, demarche.overview, demarche.libelle);
    await page.getByRole("link", { name: "Gérer les instructeurs" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Instructeurs");
    await checkA11y(page);
    await page.getByLabel("Adresses e-mail").fill(email);
    await page.getByRole("button", { name: "Ajouter", exact: true }).click();

    await expect(page.getByText("Instructeurs ajoutés : 1")).toBeVisible();
    const row = page.getByRole("row", { name: new RegExp(escapeRegExp(email)) });
    await expect(row).toContainText("Actif");
    await checkA11y(page);
  },

  /** The démarche's « Service » page → « Créer un nouveau service »: created and chosen for the démarche. */
  async createService(actor: Actor, demarcheId: number) {
    const { page, checkA11y } = actor;
    await page.goto(`/admin/procedures/${demarcheId}/service`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Service de la démarche");
    await checkA11y(page);
    await page.getByRole("link", { name: "Créer un nouveau service" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouveau service");
    await page.getByLabel(/^Nom du service/).fill(DEMO_SERVICE.nom);
    await page.getByLabel(/^Organisme/).fill(DEMO_SERVICE.organisme);
    await page.getByLabel(/^Type d’organisme/).selectOption({ label: DEMO_SERVICE.typeOrganisme });
    await page.getByLabel(/^Numéro SIRET/).fill(DEMO_SERVICE.siret);
    await page.getByLabel(/^Adresse e-mail de contact/).fill(DEMO_SERVICE.email);
    await page.getByLabel(/^Téléphone/).fill(DEMO_SERVICE.telephone);
    await page.getByLabel(/^Horaires/).fill(DEMO_SERVICE.horaires);
    await page.getByLabel(/^Adresse postale/).fill(DEMO_SERVICE.adresse);
    await checkA11y(page);
    await page.getByRole("button", { name: "Créer le service" }).click();
    await expect(page.getByText("Le service de la démarche a été enregistré.")).toBeVisible();
    await expect(page.getByText(`Service actuel : ${DEMO_SERVICE.nom}`)).toBeVisible();
    await checkA11y(page);
  },

  /** From the overview, « Publier », at the given address; ends on « Démarche publiée ». */
  async publish(actor: Actor, demarche: { overview: string; libelle: string; path: string }) {
    const { page, checkA11y } = actor;
    await admin.createService(actor, Number(demarche.overview.split("/").pop()));
    await admin.openOverview(actor, demarche.overview, demarche.libelle);
    await page.getByRole("link", { name: "Publier", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publication");
    await checkA11y(page);
    await page.getByLabel("Adresse de la démarche").fill(demarche.path);
    await page.getByLabel("Je comprends que les dossiers de test seront supprimés").check({ force: true }); // DSFR: the label covers the input
    await page.getByRole("button", { name: "Publier la démarche" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Démarche publiée");
    await expect(page.getByText(`« ${demarche.libelle} » est en ligne.`)).toBeVisible();
    await expect(page.getByRole("link", { name: new RegExp(`/commencer/${demarche.path}$`) })).toBeVisible();
    await checkA11y(page);
  },
};

// ---------------------------------------------------------------------------------------------
// Usager
// ---------------------------------------------------------------------------------------------

export const usager = {
  /** « Créer un compte », then the link of the confirmation mail: signed in, on the home page. */
  async signUp(actor: Actor, readMailbox: ReadMailbox, email: string, password: string) {
    const { page, checkA11y } = actor;
    await page.goto("/users/sign_up");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Créer un compte");
    await checkA11y(page);
    await page.getByLabel("Adresse électronique").fill(email);
    await page.getByLabel("Mot de passe").fill(password);
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vérifiez votre boîte mail");
    await expect(page.getByRole("status")).toContainText(email);
    await checkA11y(page);

    const mail = await readMailbox(page, email, { subject: "Confirmez votre adresse électronique" });
    const link = mail.links.find((url) => new URL(url).pathname === "/users/confirmation");
    expect(link, `confirmation link in:\n${mail.text}`).toBeTruthy();
    await page.goto(link as string);
    await expect(page).toHaveURL((url) => url.pathname === "/");
    await expect(page.getByRole("banner").getByRole("button", { name: "Se déconnecter" })).toBeVisible();
    await checkA11y(page);
  },

  /** /commencer/<path> → « Commencer la démarche »: a new brouillon, on its identity step. Returns its number. */
  async startDossier(actor: Actor, demarche: { libelle: string; path: string }): Promise<number> {
    const { page, checkA11y } = actor;
    await page.goto(`/commencer/${demarche.path}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(demarche.libelle);
    await checkA11y(page);
    await page.getByRole("button", { name: "Commencer la démarche" }).click();
    await expect(page).toHaveURL(/\/dossiers\/\d+\/identite$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre identité");
    await checkA11y(page);
    return Number(new URL(page.url()).pathname.split("/")[2]);
  },

  /** « Votre identité » → « Continuer »: on the form of the brouillon. */
  async fillIdentity(actor: Actor, identity: { civilite: "M." | "Mme"; nom: string; prenom: string }) {
    const { page, checkA11y } = actor;
    await page.getByLabel(identity.civilite, { exact: true }).check({ force: true }); // DSFR radios: the label covers the input
    await page.getByLabel(/^Nom\b/).fill(identity.nom);
    await page.getByLabel(/^Prénom\b/).fill(identity.prenom);
    await page.getByRole("button", { name: "Continuer" }).click();
    await expect(page).toHaveURL(/\/dossiers\/\d+\/brouillon$/);
    await expect(page.getByText(`${identity.civilite} ${identity.prenom} ${identity.nom}`)).toBeVisible();
    await checkA11y(page);
  },

  /** Types or chooses each answer in the dossier's form. */
  async fillChamps({ page }: Actor, answers: readonly ChampAnswer[]) {
    for (const answer of answers) await champInput(page, answer).fill();
  },

  /** Each answer is still in the form (as typed, or chosen). */
  async expectChamps({ page }: Actor, answers: readonly ChampAnswer[]) {
    for (const answer of answers) await champInput(page, answer).expect();
  },

  /** « Déposer le dossier »: the confirmation page. */
  /**
   * The signed-in usager files a new dossier on the seeded « subvention » démarche and submits it:
   * journeys that need a dossier of their own (the js and nojs projects share one server, so the
   * seeded dossiers may already be followed or decided). Returns its number.
   */
  async fileSubventionDossier(actor: Actor, associationName: string): Promise<number> {
    const { page } = actor;
    await page.goto("/commencer/subvention-association");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Demande de subvention pour une association");
    await page.getByRole("button", { name: /Commencer/ }).click();
    await expect(page).toHaveURL(/\/dossiers\/\d+\/identite$/);
    const number = Number(new URL(page.url()).pathname.split("/")[2]);
    await usager.fillIdentity(actor, { civilite: "M.", nom: "Durand", prenom: "Paul" });
    await page.getByLabel("Nom de l’association").fill(associationName);
    await page.getByLabel("Date de création").fill("2019-03-02");
    await page.getByLabel("Nombre d’adhérents").fill("25");
    await page.getByLabel("Description du projet").fill("Un atelier de réparation de vélos.");
    await page.getByLabel("Autre", { exact: true }).check({ force: true }); // DSFR radios: the label covers the input
    await page.getByLabel("Si autre, précisez").fill("Mobilité");
    await page.getByLabel("Montant demandé (€)").fill("800");
    await usager.submitDossier(actor, number);
    return number;
  },

  async submitDossier(actor: Actor, dossier: number) {
    const { page, checkA11y } = actor;
    await page.getByRole("button", { name: "Déposer le dossier" }).click();
    await expect(page).toHaveURL(new RegExp(`/dossiers/${dossier}/merci$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre dossier a bien été déposé");
    await expect(page.getByText(`Le dossier n° ${dossier} a été déposé`)).toBeVisible();
    await checkA11y(page);
  },

  /** « Mes dossiers » lists the dossier on its démarche, in the given state. */
  async expectInMesDossiers(actor: Actor, dossier: number, demarcheLibelle: string, state: string) {
    const { page, checkA11y } = actor;
    await page.getByRole("main").getByRole("link", { name: "Mes dossiers" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes dossiers");
    const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: String(dossier), exact: true }) });
    await expect(row).toContainText(demarcheLibelle);
    await expect(row).toContainText(state);
    await expect(row.getByRole("link", { name: `Consulter le dossier n° ${dossier}` })).toBeVisible();
    await checkA11y(page);
  },
};

/** The input(s) of one answer in the usager's form: how to fill them and check them. */
function champInput(page: Page, { champ, value }: ChampAnswer): { fill(): Promise<void>; expect(): Promise<void> } {
  switch (champ.type) {
    case "text":
    case "integer_number":
    case "date": {
      const input = page.getByLabel(champ.libelle);
      return { fill: () => input.fill(value), expect: () => expect(input).toHaveValue(value) };
    }
    case "drop_down_list":
    case "yes_no": {
      // A fieldset whose legend is the libellé; DSFR radios: the label covers the input.
      const group = page.getByRole("group", { name: new RegExp(`^${escapeRegExp(champ.libelle)}`) });
      const label = champ.type === "yes_no" ? (value === "true" ? "Oui" : "Non") : value;
      const radio = group.getByLabel(label, { exact: true });
      return { fill: () => radio.check({ force: true }), expect: () => expect(radio).toBeChecked() };
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// ---------------------------------------------------------------------------------------------
// Instructeur
// ---------------------------------------------------------------------------------------------

export const instructeur = {
  /** « Mes démarches » → the démarche → « À suivre » → the dossier. */
  async openDossierToFollow(actor: Actor, demarcheLibelle: string, dossier: number) {
    const { page, checkA11y } = actor;
    await page.goto("/procedures");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes démarches");
    await checkA11y(page);
    await page.getByRole("link", { name: demarcheLibelle, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(demarcheLibelle);
    await checkA11y(page);
    const tabs = page.getByRole("navigation", { name: "Dossiers par statut" });
    await tabs.getByRole("link", { name: /^À suivre/ }).click();
    await expect(tabs.getByRole("link", { name: /^À suivre/ })).toHaveAttribute("aria-current", "page");
    await checkA11y(page);
    await page.getByRole("link", { name: `Dossier n° ${dossier}`, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Dossier n° ${dossier}`);
    await checkA11y(page);
  },

  /** The dossier page shows the demandeur, the usager's address and every answer. */
  async expectDossier(
    { page }: Actor,
    expected: { demandeur: string; email: string; state: string; answers: readonly ChampAnswer[] },
  ) {
    const identity = page.getByRole("region", { name: "Identité du demandeur" });
    await expect(identity).toContainText(expected.demandeur);
    await expect(identity.getByRole("link", { name: expected.email })).toBeVisible();
    await expect(page.getByRole("main").getByText(expected.state, { exact: true }).first()).toBeVisible();
    const form = page.getByRole("region", { name: "Formulaire" });
    for (const answer of expected.answers) {
      // One field: its libellé, then its value.
      const item = form.locator(".guichet-champ-display").filter({ has: page.getByText(answer.champ.libelle, { exact: true }) });
      await expect(item).toContainText(displayedValue(answer));
    }
  },

  /** « Passer en instruction ». */
  async passerEnInstruction(actor: Actor) {
    const { page, checkA11y } = actor;
    await page.getByRole("button", { name: "Passer en instruction" }).click();
    await expect(page.getByRole("status")).toHaveText("Le dossier est passé en instruction. Vous le suivez désormais.");
    await expect(page.getByRole("main").getByText("En instruction", { exact: true })).toBeVisible();
    await checkA11y(page);
  },

  /** « Décision » : « Accepter » with a motivation, « Valider la décision ». */
  async accepter(actor: Actor, motivation: string) {
    const { page, checkA11y } = actor;
    await page.getByLabel("Accepter", { exact: true }).check({ force: true }); // DSFR radios: the label covers the input
    await page.getByLabel(/^Motivation/).fill(motivation);
    await page.getByRole("button", { name: "Valider la décision" }).click();
    await expect(page.getByRole("status")).toHaveText("Le dossier a été accepté. L’usager va être prévenu par courriel.");
    await expect(page.getByRole("main").getByText("Accepté", { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("region", { name: "Dates" })).toContainText(motivation);
    await checkA11y(page);
  },
};

// ---------------------------------------------------------------------------------------------
// Mailbox and API
// ---------------------------------------------------------------------------------------------

/**
 * The local mailbox of `to` (/mailbox?to=…) lists a mail for each subject (waited for first: mails
 * are sent by a job). Returns the messages, in the order of the subjects.
 */
export async function expectMailbox(actor: Actor, readMailbox: ReadMailbox, to: string, subjects: readonly RegExp[]) {
  const { page, checkA11y } = actor;
  const messages: MailboxMessage[] = [];
  for (const subject of subjects) messages.push(await readMailbox(page, to, { subject }));
  await page.goto(`/mailbox?to=${encodeURIComponent(to)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Boîte mail locale");
  const table = page.getByRole("table", { name: `Courriels envoyés à ${to}, le plus récent d’abord` });
  for (const subject of subjects) await expect(table.getByRole("link", { name: subject })).toBeVisible();
  await checkA11y(page);
  return messages;
}

/** From the mailbox list, opens the mail whose subject matches; its page shows each text. */
export async function openMail(actor: Actor, subject: RegExp, texts: readonly string[]) {
  const { page, checkA11y } = actor;
  await page.getByRole("link", { name: subject }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(subject);
  for (const text of texts) await expect(page.getByRole("main")).toContainText(text);
  // The HTML version is shown in an <iframe sandbox=""> (no scripts): axe cannot run inside it and
  // waits forever (as on a page without JavaScript). The mail's own HTML is left out; the page is checked.
  await checkA11y(page, { exclude: ["iframe[sandbox]"] });
}

/** POST /api/v2/graphql with a bearer token; fails on HTTP or GraphQL errors. */
export async function graphql<T>(
  request: APIRequestContext,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await request.post("/api/v2/graphql", {
    headers: { Authorization: `Bearer ${token}` },
    data: { query, variables },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  expect(response.status(), JSON.stringify(body)).toBe(200);
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

// ---------------------------------------------------------------------------------------------
// Small helpers for focused specs
// ---------------------------------------------------------------------------------------------

/** With JavaScript, runs `action` and waits for the form editor's save it triggers (see editorSave). */
export const waitForEditorSave = editorSave;

/** The seeded démarche (server/seed/demo.ts) of the demo administrateur and instructeur. */
export const DEMO_DEMARCHE = "Demande de subvention pour une association";

/**
 * The signed-in demo administrateur clones the seeded démarche (its form, and its groupe with the
 * demo instructeur) under `libelle`, lets `configure` set what the journey needs (public,
 * attestation, groupes…), gives it a service and a website, and publishes it at
 * `/commencer/<path>`. Quicker than building one field by field. The usager fills it with
 * `usager.fillSubventionForm`.
 */
export async function clonePublishedDemarche(
  actor: Actor,
  spec: { libelle: string; path: string; configure?: (demarche: { number: number; overview: string }) => Promise<void> },
): Promise<{ number: number; overview: string; libelle: string; path: string }> {
  const { page, checkA11y } = actor;
  await page.goto("/admin/procedures");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Mes démarches");
  const source = await page.getByRole("link", { name: DEMO_DEMARCHE, exact: true }).first().getAttribute("href");
  const sourceId = Number(/\/admin\/procedures\/(\d+)/.exec(source ?? "")?.[1]);
  expect(sourceId, `link to « ${DEMO_DEMARCHE} »: ${source}`).toBeGreaterThan(0);
  await page.goto(`/admin/procedures/${sourceId}/cloner`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Cloner « ${DEMO_DEMARCHE} »`);
  await checkA11y(page);
  await page.getByLabel(/^Titre de la nouvelle démarche/).fill(spec.libelle);
  await page.getByRole("button", { name: "Cloner la démarche" }).click();
  // Cloning copies the form, groupes and labels in one transaction: slow on a loaded machine.
  await expect(page).toHaveURL(/\/admin\/procedures\/\d+\?notice=cloned$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(spec.libelle);
  await checkA11y(page);
  const overview = new URL(page.url()).pathname;
  const created = { number: Number(overview.split("/").pop()), overview };
  await spec.configure?.(created);

  // A clone has neither service nor website: both are required to publish.
  await admin.createService(actor, created.number);
  await page.goto(`/admin/procedures/${created.number}/edit`);
  await page.getByLabel(/^Lien du site internet/).fill("https://www.exemple.fr/demarches");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/procedures/${created.number}(\\?|$)`));

  await page.goto(`/admin/procedures/${created.number}/publication`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Publication");
  await page.getByLabel("Adresse de la démarche").fill(spec.path);
  await page.getByLabel("Je comprends que les dossiers de test seront supprimés").check({ force: true }); // DSFR: the label covers the input
  await page.getByRole("button", { name: "Publier la démarche" }).click();
  // Publishing checks and copies the whole draft: slow on a loaded machine.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Démarche publiée", { timeout: 30_000 });
  await expect(page.getByRole("link", { name: new RegExp(`/commencer/${spec.path}$`) })).toBeVisible();
  await checkA11y(page);
  return { ...created, libelle: spec.libelle, path: spec.path };
}

/** The usager, on the brouillon of a clone of the seeded démarche, answers its mandatory fields. */
export async function fillSubventionForm({ page }: Actor, associationName: string) {
  await page.getByLabel("Nom de l’association").fill(associationName);
  await page.getByLabel("Date de création").fill("2019-03-02");
  await page.getByLabel("Nombre d’adhérents").fill("25");
  await page.getByLabel("Description du projet").fill("Un atelier de réparation de vélos.");
  await page.getByLabel("Autre", { exact: true }).check({ force: true }); // DSFR radios: the label covers the input
  await page.getByLabel("Si autre, précisez").fill("Mobilité");
  await page.getByLabel("Montant demandé (€)").fill("800");
}
