/**
 * The usager's whole journey without JavaScript, through HTTP: démarche page → identity →
 * brouillon (save, failed submission, submission) → confirmation → dossier page → Mes dossiers →
 * modification en construction.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DROP_DOWN_OTHER } from "../../../server/domain/champs/types/drop_down_list";
import { loadRevisionChamps } from "../../../server/db/revisions";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import {
  attribute,
  dossierIdFromLocation,
  dossierRow,
  dossierSnapshot,
  pageText,
  signedInSession,
  storedValues,
  tagWithId,
  textareaValue,
} from "./support";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function subventionDemarche() {
  const { db } = server.database;
  const built = await buildDemarche(db, {
    libelle: "Subvention aux associations sportives",
    champs: [
      { type: "header_section", libelle: "Votre projet" },
      { type: "text", libelle: "Nom du projet", description: "<p>Le nom <strong>court</strong> du projet</p>" },
      { type: "integer_number", libelle: "Montant demandé" },
      { type: "textarea", libelle: "Présentation", mandatory: false, options: { characterLimit: 400 } },
      { type: "header_section", libelle: "Compléments" },
      { type: "yes_no", libelle: "Première demande" },
      { type: "drop_down_list", libelle: "Discipline", options: { options: ["Football", "Natation"], other: true } },
      { type: "date", libelle: "Date de début" },
    ],
  });
  const champs = await loadRevisionChamps(db, built.demarche.publishedRevisionId as number);
  const id = (libelle: string) => {
    const champ = champs.find((c) => c.libelle === libelle);
    if (!champ) throw new Error(libelle);
    return champ.stableId;
  };
  return {
    ...built,
    path: built.path as string,
    ids: {
      projet: id("Nom du projet"),
      montant: id("Montant demandé"),
      presentation: id("Présentation"),
      section: id("Votre projet"),
      premiere: id("Première demande"),
      discipline: id("Discipline"),
      debut: id("Date de début"),
    },
  };
}

describe("usager journey without JavaScript", () => {
  it("starts, saves, fails to submit with everything kept, submits, reads and changes the dossier", async () => {
    const { db } = server.database;
    const { path, ids } = await subventionDemarche();
    const usager = await buildUser(db);
    const session = await signedInSession(server.url, usager);

    // The démarche's page.
    let response = await session.get(`/commencer/${path}`);
    expect(response.status).toBe(200);
    let text = pageText(session.lastHtml);
    expect(text).toContain("Subvention aux associations sportives");
    expect(text).toContain("Temps de remplissage estimé");
    expect(text).toContain("Durée de conservation des dossiers");
    expect(text).toContain("Commencer la démarche");

    // Commencer → identity.
    response = await session.post(`/commencer/${path}`, {});
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/dossiers\/\d+\/identite$/);
    const dossierId = dossierIdFromLocation(response.headers.get("location"));
    expect((await dossierRow(db, dossierId)).state).toBe("brouillon");

    // Identity: an error keeps what was typed, then the brouillon.
    expect((await session.get(`/dossiers/${dossierId}/identite`)).status).toBe(200);
    response = await session.post(`/dossiers/${dossierId}/identite`, { civilite: "Mme", nom: "  ", prenom: "Camille" });
    expect(response.status).toBe(422);
    expect(pageText(session.lastHtml)).toContain("Le champ « Nom » doit être rempli");
    expect(attribute(tagWithId(session.lastHtml, "identite-prenom"), "value")).toBe("Camille");
    expect(tagWithId(session.lastHtml, "identite-civilite-mme")).toContain("checked");
    response = await session.post(`/dossiers/${dossierId}/identite`, { civilite: "Mme", nom: "Dupont", prenom: "Camille" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/dossiers/${dossierId}/brouillon`);

    // The brouillon form.
    response = await session.get(`/dossiers/${dossierId}/brouillon`);
    expect(response.status).toBe(200);
    let html = session.lastHtml;
    text = pageText(html);
    expect(text).toContain("Mme Camille Dupont");
    expect(html).toContain(`href="/dossiers/${dossierId}/identite"`);
    expect(html).toContain(`href="#champ-${ids.section}"`); // section menu (2 sections)
    expect(html).toMatch(new RegExp(`<h2[^>]*id="champ-${ids.section}"`));
    expect(text).toContain("Enregistrer le brouillon");
    expect(text).toContain("Déposer le dossier");

    // "Enregistrer le brouillon": lenient, the invalid number is kept.
    response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "save",
      [`champ_${ids.projet}`]: "Nouveau club",
      [`champ_${ids.montant}`]: "12 euros",
    });
    expect(response.status).toBe(200);
    expect(pageText(session.lastHtml)).toContain("Votre brouillon a été enregistré");
    expect(attribute(tagWithId(session.lastHtml, `champ-${ids.montant}`), "value")).toBe("12 euros");
    let stored = await storedValues(db, dossierId);
    expect(stored.get(ids.projet)).toBe("Nouveau club");
    expect(stored.get(ids.montant)).toBe("12 euros");

    // "Déposer le dossier" with an invalid integer: errors, everything typed shown again.
    const form = {
      [`champ_${ids.projet}`]: "Rénovation du stade",
      [`champ_${ids.montant}`]: "douze mille",
      [`champ_${ids.presentation}`]: "Ligne 1\r\nLigne 2 avec « guillemets » & esperluette",
      [`champ_${ids.premiere}`]: "true",
      [`champ_${ids.discipline}`]: [DROP_DOWN_OTHER, "Escalade"],
      [`champ_${ids.debut}`]: "2026-03-15",
    };
    response = await session.post(`/dossiers/${dossierId}/brouillon`, { intent: "submit", ...form });
    expect(response.status).toBe(422);
    html = session.lastHtml;
    text = pageText(html);
    expect(html).toMatch(/role="alert"[^>]*tabindex="-1"|tabindex="-1"[^>]*role="alert"/);
    expect(text).toContain("Le formulaire contient des erreurs");
    expect(html).toContain(`href="#champ-${ids.montant}"`);
    expect(text).toContain("Le champ « Montant demandé » doit être un nombre entier");
    expect(html).toContain("<title>Erreur : ");
    const montant = tagWithId(html, `champ-${ids.montant}`);
    expect(attribute(montant, "value")).toBe("douze mille");
    expect(attribute(montant, "aria-describedby")).toBe(`champ-${ids.montant}-error`);
    expect(attribute(montant, "aria-invalid")).toBe("true");
    expect(html).toMatch(
      new RegExp(`class="fr-input-group fr-input-group--error"><label class="fr-label" for="champ-${ids.montant}"`),
    );
    expect(attribute(tagWithId(html, `champ-${ids.projet}`), "value")).toBe("Rénovation du stade");
    expect(textareaValue(html, `champ-${ids.presentation}`)).toBe("Ligne 1\nLigne 2 avec « guillemets » & esperluette");
    expect(tagWithId(html, `champ-${ids.premiere}`)).toContain("checked");
    expect(tagWithId(html, `champ-${ids.discipline}-2`)).toContain("checked"); // "Autre"
    expect(attribute(tagWithId(html, `champ-${ids.discipline}-autre`), "value")).toBe("Escalade");
    expect(attribute(tagWithId(html, `champ-${ids.debut}`), "value")).toBe("2026-03-15");
    expect((await dossierRow(db, dossierId)).state).toBe("brouillon");
    // The draft keeps it too (submission first saves what was typed).
    expect((await storedValues(db, dossierId)).get(ids.montant)).toBe("douze mille");

    // Fixed: submitted, then the confirmation page.
    response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "submit",
      ...form,
      [`champ_${ids.montant}`]: "12 000",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/dossiers/${dossierId}/merci`);
    const submitted = await dossierRow(db, dossierId);
    expect(submitted.state).toBe("en_construction");
    expect(submitted.deposeAt).not.toBeNull();
    stored = await storedValues(db, dossierId);
    expect(stored.get(ids.montant)).toBe("12000");
    expect(stored.get(ids.discipline)).toBe("Escalade");

    response = await session.get(`/dossiers/${dossierId}/merci`);
    expect(response.status).toBe(200);
    text = pageText(session.lastHtml);
    expect(text).toContain("Votre dossier a bien été déposé");
    expect(text).toContain(`Le dossier n° ${dossierId} a été déposé le`);
    expect(session.lastHtml).toContain(`href="/dossiers/${dossierId}"`);
    expect(session.lastHtml).toContain('href="/dossiers"');

    // The brouillon page of a submitted dossier leads to the dossier page.
    response = await session.get(`/dossiers/${dossierId}/brouillon`);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/dossiers/${dossierId}`);

    // The dossier page.
    response = await session.get(`/dossiers/${dossierId}`);
    expect(response.status).toBe(200);
    text = pageText(session.lastHtml);
    expect(text).toContain(`Dossier n° ${dossierId}`);
    expect(text).toContain("En construction");
    expect(text).toContain("Déposé le");
    expect(text).toContain("Mme Camille Dupont");
    expect(text).toContain("12 000");
    expect(text).toContain("Escalade");
    expect(text).toContain("15/03/2026");
    expect(text).toContain("Oui");
    expect(text).toContain("Dossier déposé");
    expect(session.lastHtml).toContain(`href="/dossiers/${dossierId}/modifier"`);

    // Mes dossiers.
    response = await session.get("/dossiers");
    expect(response.status).toBe(200);
    text = pageText(session.lastHtml);
    expect(text).toContain("Subvention aux associations sportives");
    expect(text).toContain("En construction");
    expect(session.lastHtml).toContain(`href="/dossiers/${dossierId}"`);

    // Modification en construction: saved in the usager's buffer, the administration keeps the
    // submitted version. Submitting an invalid change shows its error with everything typed, and
    // the administration's version stays.
    expect((await session.get(`/dossiers/${dossierId}/modifier`)).status).toBe(200);
    response = await session.post(`/dossiers/${dossierId}/modifier`, {
      intent: "submit",
      [`champ_${ids.projet}`]: "Projet renommé",
      [`champ_${ids.montant}`]: "beaucoup",
    });
    expect(response.status).toBe(422);
    html = session.lastHtml;
    expect(pageText(html)).toContain("Le champ « Montant demandé » doit être un nombre entier");
    expect(attribute(tagWithId(html, `champ-${ids.montant}`), "value")).toBe("beaucoup");
    expect(attribute(tagWithId(html, `champ-${ids.projet}`), "value")).toBe("Projet renommé");
    expect((await storedValues(db, dossierId)).get(ids.montant)).toBe("12000");
    expect((await dossierRow(db, dossierId)).state).toBe("en_construction");

    // Left without submitting: the dossier page and « Mes dossiers » remind it.
    await session.get(`/dossiers/${dossierId}`);
    expect(pageText(session.lastHtml)).toContain("Modifications non déposées");
    expect(pageText(session.lastHtml)).toContain("beaucoup");
    await session.get("/dossiers");
    expect(pageText(session.lastHtml)).toContain("Modifications non déposées");

    // A valid change submitted replaces the administration's version, and the dossier page says so.
    await session.get(`/dossiers/${dossierId}/modifier`);
    response = await session.post(`/dossiers/${dossierId}/modifier`, {
      intent: "submit",
      [`champ_${ids.projet}`]: "Projet renommé",
      [`champ_${ids.montant}`]: "15000",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/dossiers/${dossierId}?modifie=1`);
    expect((await storedValues(db, dossierId)).get(ids.montant)).toBe("15000");
    await session.get(`/dossiers/${dossierId}?modifie=1`);
    expect(pageText(session.lastHtml)).toContain("Vos modifications ont été déposées");
    expect(pageText(session.lastHtml)).not.toContain("Modifications non déposées");
    expect(pageText(session.lastHtml)).toContain("Dossier corrigé par vos soins");

    // Identity can still be changed en construction, and leads back to the dossier page.
    await session.get(`/dossiers/${dossierId}/identite`);
    response = await session.post(`/dossiers/${dossierId}/identite`, { civilite: "M.", nom: "Durand", prenom: "Paul" });
    expect(response.headers.get("location")).toBe(`/dossiers/${dossierId}`);
  });

  it("autosave stores leniently and never submits", async () => {
    const { db } = server.database;
    const { demarche, ids } = await subventionDemarche();
    const { dossierId, usager } = await buildDossier(db, { demarche });
    const session = await signedInSession(server.url, usager);
    await session.get(`/dossiers/${dossierId}/brouillon`);
    const response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "autosave",
      [`champ_${ids.montant}`]: "12a",
      [`champ_${ids.projet}`]: "",
    });
    expect(response.status).toBe(200);
    const stored = await storedValues(db, dossierId);
    expect(stored.get(ids.montant)).toBe("12a");
    expect(stored.get(ids.projet)).toBeNull();
    // Fields absent from the post are untouched.
    expect(stored.get(ids.debut)).toBe("2026-03-15");
    expect((await dossierRow(db, dossierId)).state).toBe("brouillon");
  });

  it("autosave on a dossier already submitted changes nothing", async () => {
    const { db } = server.database;
    const { demarche, ids } = await subventionDemarche();
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "en_construction" });
    const session = await signedInSession(server.url, usager);
    await session.get(`/dossiers/${dossierId}`);
    const before = await dossierSnapshot(db, dossierId);
    const response = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "autosave",
      [`champ_${ids.montant}`]: "12a",
    });
    // Without JavaScript the page then leads to the dossier (with JavaScript the fetcher gets { ok: false }).
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/dossiers/${dossierId}`);
    expect(await dossierSnapshot(db, dossierId)).toEqual(before);
  });

  it("refuses to submit without the identity, and links to it", async () => {
    const { db } = server.database;
    const { path, ids } = await subventionDemarche();
    const usager = await buildUser(db);
    const session = await signedInSession(server.url, usager);
    await session.get(`/commencer/${path}`);
    const dossierId = dossierIdFromLocation((await session.post(`/commencer/${path}`, {})).headers.get("location"));
    // The identity step skipped (left, then resumed from Mes dossiers): the form says what is missing.
    expect((await session.get(`/dossiers/${dossierId}/brouillon`)).status).toBe(200);
    expect(pageText(session.lastHtml)).toContain("Identité non renseignée");
    const submit = await session.post(`/dossiers/${dossierId}/brouillon`, {
      intent: "submit",
      [`champ_${ids.projet}`]: "Mon club",
    });
    expect(submit.status).toBe(422);
    expect(pageText(session.lastHtml)).toContain("Votre identité (civilité, nom et prénom) doit être renseignée avant le dépôt");
    expect(session.lastHtml).toContain('href="#modifier-identite"');
    expect(session.lastHtml).toMatch(/id="modifier-identite"[^>]*>|href="[^"]*identite"[^>]*id="modifier-identite"/);
    expect(attribute(tagWithId(session.lastHtml, `champ-${ids.projet}`), "value")).toBe("Mon club");
    expect((await dossierRow(db, dossierId)).state).toBe("brouillon");
  });

  it("shows a decided dossier read-only, with the decision and its history", async () => {
    const { db } = server.database;
    const { demarche, ids } = await subventionDemarche();
    const { dossierId, usager } = await buildDossier(db, { demarche, state: "refuse", motivation: "Le club n’est pas affilié." });
    const session = await signedInSession(server.url, usager);
    expect((await session.get(`/dossiers/${dossierId}`)).status).toBe(200);
    const text = pageText(session.lastHtml);
    expect(text).toContain("Refusé");
    expect(text).toContain("Le club n’est pas affilié.");
    expect(text).toContain("En instruction depuis le");
    expect(text).toContain("Traité le");
    expect(text).toContain("Dossier passé en instruction");
    expect(text).toContain("Dossier refusé");
    expect(text).not.toContain("Modifier mon dossier");
    // Its forms lead back to the page.
    for (const page of ["modifier", "identite", "brouillon"]) {
      const response = await session.get(`/dossiers/${dossierId}/${page}`);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/dossiers/${dossierId}`);
    }
    const before = await dossierSnapshot(db, dossierId);
    const response = await session.post(`/dossiers/${dossierId}/modifier`, { [`champ_${ids.projet}`]: "x" });
    expect(response.status).toBe(302);
    expect(await dossierSnapshot(db, dossierId)).toEqual(before);
  });
});
