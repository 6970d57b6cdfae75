/**
 * The instructeur list's « Labels » and « Avis » columns and filters, the « en attente » badges of
 * the état column, the SVA/SVR and accusé de lecture columns, and the notifications-first sort:
 * the SQL filters against the real database, and the page as a browser without JavaScript sees it.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avis, demarches, dossiers, experts, expertsProcedures } from "../../../server/db/schema";
import { resolveSort } from "../../../server/domain/instructeur-list/columns";
import { parseFilters } from "../../../server/domain/instructeur-list/filters";
import { answerAvis } from "../../../server/operations/avis/answer-avis";
import { requestAvis } from "../../../server/operations/avis/request-avis";
import { changeDossierLabels } from "../../../server/operations/dossiers/change-dossier-labels";
import { followDossier } from "../../../server/operations/dossiers/follow-dossier";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { createLabel } from "../../../server/operations/labels/create-label";
import { sendMessage } from "../../../server/operations/messages/send-message";
import { markDossierSeen } from "../../../server/operations/notifications/mark-dossier-seen";
import { listInstructeurDossiers, listQuery, sortKeyOf } from "../../../server/queries/instructeur/dossiers";
import { loadListColumns, loadListRows } from "../../../server/queries/instructeur/list-columns";
import { notificationBadges } from "../../../server/queries/instructeur/notifications";
import { buildDemarche, buildDossier } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";
import { asActor, listedDossierIds, pageText, signedIn, type Actor } from "./helpers";

let server: TestServer;
let me: Actor;
let demarcheId: number;
let otherDemarcheId: number;
const label: Record<string, number> = {};
const ids: Record<string, number> = {};
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

beforeAll(async () => {
  server = await startTestServer();
  const { db } = server.database;
  const built = await buildDemarche(db, { libelle: "Aides aux clubs", instructeurEmails: ["labels-avis@exemple.fr"] });
  demarcheId = built.demarche.id;
  me = asActor(built.instructeurs[0] as never);
  const admin = built.administrateurId;
  for (const [name, color] of [
    ["Urgent", "pink-macaron"],
    ["Complet", "green-menthe"],
  ] as const) {
    const created = await createLabel(db, admin, demarcheId, { name, color });
    if (!created.ok) throw new Error("label");
    label[name] = created.labelId;
  }
  const other = await buildDemarche(db, { libelle: "Autre démarche" });
  otherDemarcheId = other.demarche.id;
  const foreign = await createLabel(db, other.administrateurId, otherDemarcheId, { name: "Étranger", color: "blue-ecume" });
  if (!foreign.ok) throw new Error("label");
  label.Étranger = foreign.labelId;

  for (const key of ["urgent", "both", "none", "avisPending", "avisDone", "correction"]) {
    ids[key] = (await buildDossier(db, { demarche: built.demarche, state: "en_construction", instructeur: me })).dossierId;
  }
  const put = async (key: string, names: string[]) => {
    const result = await changeDossierLabels(db, me, ids[key] as number, { set: names.map((n) => label[n] as number) });
    expect(result).toMatchObject({ ok: true });
  };
  await put("urgent", ["Urgent"]);
  await put("both", ["Urgent", "Complet"]);

  // Avis: two asked on one dossier (one answered), one asked and answered on another.
  for (const key of ["avisPending", "avisDone"]) await passerEnInstruction(db, me, ids[key] as number);
  const ask = async (key: string, emails: string) => {
    const claimant = { kind: "instructeur" as const, ...me, demarcheId, dossierId: ids[key] as number };
    const result = await requestAvis(db, claimant, {
      emails,
      introduction: "Votre avis ?",
      confidentiel: false,
      annotationsVisible: false,
      withQuestion: false,
      questionLabel: "",
      attachmentId: null,
      locale: "fr",
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    return result.avisIds;
  };
  const answer = async (avisId: number) => {
    const [row] = await db
      .select({ expertId: experts.id, userId: experts.userId })
      .from(avis)
      .innerJoin(expertsProcedures, eq(expertsProcedures.id, avis.expertsProcedureId))
      .innerJoin(experts, eq(experts.id, expertsProcedures.expertId))
      .where(eq(avis.id, avisId));
    const result = await answerAvis(db, row as { expertId: number; userId: number }, avisId, {
      answer: "Favorable.",
      questionAnswer: "",
      attachmentId: null,
      removeAttachment: false,
    });
    expect(result).toMatchObject({ ok: true });
  };
  const pending = await ask("avisPending", "expert-a@exemple.fr, expert-b@exemple.fr");
  await answer(pending[0] as number);
  const done = await ask("avisDone", "expert-c@exemple.fr");
  await answer(done[0] as number);

  // A correction asked of the usager.
  const corrected = await sendMessage(
    db,
    { kind: "instructeur", ...me },
    {
      dossierId: ids.correction as number,
      body: "Merci de corriger le RIB.",
      correction: "incorrect",
    },
  );
  expect(corrected).toMatchObject({ ok: true });
}, 120_000);
afterAll(() => server?.stop());

async function filtered(params: string[]) {
  const { db } = server.database;
  const columns = await loadListColumns(db, me.instructeurId, demarcheId);
  const { filters, refusals } = parseFilters(params, columns.available, today);
  const { sort } = resolveSort(null, null, columns.available);
  const list = await listInstructeurDossiers(db, {
    instructeurId: me.instructeurId,
    demarcheId,
    tab: "tous",
    sort,
    filters,
    search: null,
    cursor: null,
  });
  return { ids: [...list.ids].sort((a, b) => a - b), refusals };
}
const sorted = (...keys: string[]) => keys.map((k) => ids[k] as number).sort((a, b) => a - b);

describe("labels and avis filters (SQL)", () => {
  it("filter on one label, on one of several, on « no label »", async () => {
    expect((await filtered(["labels/label_id:in:Urgent"])).ids).toEqual(sorted("urgent", "both"));
    expect((await filtered(["labels/label_id:in:Complet"])).ids).toEqual(sorted("both"));
    expect((await filtered(["labels/label_id:in:Complet", "labels/label_id:in:Urgent"])).ids).toEqual(sorted("urgent", "both"));
    expect((await filtered(["labels/label_id:empty"])).ids).toEqual(sorted("none", "avisPending", "avisDone", "correction"));
  });

  it("refuses a label of another démarche (nothing filtered, no error)", async () => {
    const result = await filtered(["labels/label_id:in:Étranger"]);
    expect(result.refusals).toEqual([{ code: "unknown_option", params: { column: "labels/label_id", value: "Étranger" } }]);
    expect(result.ids).toHaveLength(6);
  });

  it("filter on avis awaited, given, none asked", async () => {
    expect((await filtered(["avis/answers:in:en_attente"])).ids).toEqual(sorted("avisPending"));
    expect((await filtered(["avis/answers:in:rendu"])).ids).toEqual(sorted("avisPending", "avisDone"));
    expect((await filtered(["avis/answers:empty"])).ids).toEqual(sorted("urgent", "both", "none", "correction"));
    expect((await filtered(["avis/answers:in:peut-etre"])).refusals[0]?.code).toBe("unknown_option");
  });
});

describe("cells", () => {
  it("give the avis counts and the « en attente » states of a page", async () => {
    const { db } = server.database;
    const columns = await loadListColumns(db, me.instructeurId, demarcheId);
    const shown = {
      ...columns,
      displayed: columns.available.filter((c) => ["self/state", "avis/answers", "labels/label_id"].includes(c.id)),
    };
    const rows = await loadListRows(db, Object.values(ids), shown, "fr");
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.avisPending as number)).toMatchObject({
      avis: { asked: 2, answered: 1 },
      cells: { "avis/answers": "1/2" },
      waiting: ["attente_avis"],
    });
    expect(byId.get(ids.avisDone as number)).toMatchObject({ cells: { "avis/answers": "1/1" }, waiting: [] });
    expect(byId.get(ids.correction as number)).toMatchObject({
      cells: { "avis/answers": null },
      waiting: ["attente_correction"],
    });
    expect(byId.get(ids.none as number)?.waiting).toEqual([]);
  });

  it("offer SVA/SVR and accusé de lecture columns only on démarches that have them", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db, { instructeurEmails: ["special-cols@exemple.fr"] });
    const instructeur = asActor(built.instructeurs[0] as never);
    const before = (await loadListColumns(db, instructeur.instructeurId, built.demarche.id)).available.map((c) => c.id);
    expect(before).not.toContain("self/sva_svr_decision_on");
    expect(before).not.toContain("self/accuse_lecture_agreement_at");
    await db
      .update(demarches)
      .set({ svaSvr: { decision: "sva", period: 2, unit: "months", resume: "continue" }, accuseLecture: true })
      .where(eq(demarches.id, built.demarche.id));
    const { dossierId } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    await db
      .update(dossiers)
      .set({ svaSvrDecisionOn: "2027-02-03", accuseLectureAgreementAt: new Date("2026-11-05T10:00:00Z") })
      .where(eq(dossiers.id, dossierId));
    const columns = await loadListColumns(db, instructeur.instructeurId, built.demarche.id);
    const special = columns.available.filter((c) => c.id.startsWith("self/sva") || c.id.startsWith("self/accuse"));
    expect(special.map((c) => [c.id, c.type, c.sortable])).toEqual([
      ["self/sva_svr_decision_on", "date", true],
      ["self/accuse_lecture_agreement_at", "date", true],
    ]);
    const rows = await loadListRows(db, [dossierId], { ...columns, displayed: special }, "fr");
    expect(rows[0]?.cells).toEqual({
      "self/sva_svr_decision_on": "2027-02-03",
      "self/accuse_lecture_agreement_at": "2026-11-05T10:00:00.000Z",
    });
    const { filters } = parseFilters(["self/sva_svr_decision_on:after:2027-02-02"], columns.available, today);
    const list = await listInstructeurDossiers(db, {
      instructeurId: instructeur.instructeurId,
      demarcheId: built.demarche.id,
      tab: "tous",
      sort: resolveSort("self/sva_svr_decision_on", "asc", columns.available).sort,
      filters,
      search: null,
      cursor: null,
    });
    expect(list.ids).toEqual([dossierId]);
  });
});

describe("notifications-first sort", () => {
  it("lists the dossiers with a badge first, each part by last update, and pages through both parts", async () => {
    const { db } = server.database;
    const built = await buildDemarche(db, { instructeurEmails: ["notif-sort@exemple.fr"] });
    const instructeur = asActor(built.instructeurs[0] as never);
    const created: number[] = [];
    const usagers: Array<{ userId: number; email: string }> = [];
    for (let i = 0; i < 7; i++) {
      const { dossierId, usager } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
      created.push(dossierId);
      usagers.push({ userId: usager.userId, email: usager.email });
      await followDossier(db, instructeur, dossierId, true);
      await markDossierSeen(db, instructeur.instructeurId, dossierId, ["demande", "annotations", "messagerie", "avis"]);
    }
    // Messages of the usager on the 2nd and 5th dossiers (badges), then the 7th updated last without a badge.
    for (const index of [1, 4]) {
      const usager = usagers[index] as { userId: number; email: string };
      const sent = await sendMessage(
        db,
        { kind: "usager", ...usager },
        { dossierId: created[index] as number, body: "Une question" },
      );
      expect(sent).toMatchObject({ ok: true });
    }
    await db.execute(sql`update dossiers set updated_at = now() + interval '1 hour' where id = ${created[6]}`);

    const columns = await loadListColumns(db, instructeur.instructeurId, built.demarche.id);
    const { sort } = resolveSort("notifications", null, columns.available);
    expect(sort).toMatchObject({ column: { id: "notifications" }, order: "desc" });
    const badges = await notificationBadges(db, instructeur.instructeurId, created);
    expect([...badges.keys()].sort((a, b) => a - b)).toEqual([created[1], created[4]].sort((a, b) => (a ?? 0) - (b ?? 0)));

    // A full page: notified ones first (most recently updated first), then the others.
    const first = await listInstructeurDossiers(db, {
      instructeurId: instructeur.instructeurId,
      demarcheId: built.demarche.id,
      tab: "suivis",
      sort,
      filters: [],
      search: null,
      cursor: null,
    });
    expect(first.ids.slice(0, 2).sort()).toEqual([created[1], created[4]].sort());
    expect(first.ids[2]).toBe(created[6]);
    expect(new Set(first.ids)).toEqual(new Set(created));
    const updated = await db
      .select({ id: dossiers.id, updatedAt: dossiers.updatedAt })
      .from(dossiers)
      .where(eq(dossiers.demarcheId, built.demarche.id));
    const at = new Map(updated.map((r) => [r.id, r.updatedAt.getTime()]));
    const expected = [...created].sort((a, b) => {
      const na = badges.has(a) ? 1 : 0;
      const nb = badges.has(b) ? 1 : 0;
      return nb - na || (at.get(b) ?? 0) - (at.get(a) ?? 0) || b - a;
    });
    expect(first.ids).toEqual(expected);
    // Keyset: the page after the third row (across the notified / others boundary) is the rest, in order.
    const input = {
      instructeurId: instructeur.instructeurId,
      demarcheId: built.demarche.id,
      tab: "suivis" as const,
      sort,
      filters: [],
      search: null,
    };
    const head = await db.execute<{ id: number; sort_value: string }>(listQuery({ ...input, cursor: null, limit: 2 }).query);
    const third = head.rows[2] as { id: number; sort_value: string };
    expect(Number(third.id)).toBe(expected[2]);
    const rest = await listInstructeurDossiers(db, {
      ...input,
      cursor: { direction: "after", sort: sortKeyOf(sort), value: third.sort_value, id: Number(third.id) },
    });
    expect(rest.ids).toEqual(expected.slice(3));
    const back = await listInstructeurDossiers(db, {
      ...input,
      cursor: { direction: "before", sort: sortKeyOf(sort), value: third.sort_value, id: Number(third.id) },
    });
    expect(back.ids).toEqual(expected.slice(0, 2));
    // Seeing the messagerie clears the badge: the dossier goes back among the others.
    await markDossierSeen(db, instructeur.instructeurId, created[1] as number, ["messagerie"]);
    const after = await listInstructeurDossiers(db, {
      instructeurId: instructeur.instructeurId,
      demarcheId: built.demarche.id,
      tab: "suivis",
      sort,
      filters: [],
      search: null,
      cursor: null,
    });
    expect(after.ids[0]).toBe(created[4]);
  });
});

describe("the page (no JavaScript)", () => {
  it("shows the labels column as coloured tags, the avis count and the waiting badges", async () => {
    const browser = await signedIn(server, me.email);
    const saved = await browser.post(`/procedures/${demarcheId}?statut=tous`, {
      colonnes: ["self/state", "labels/label_id", "avis/answers"],
    });
    expect(saved.status).toBe(302);
    const response = await browser.get(`/procedures/${demarcheId}?statut=tous`);
    expect(response.status).toBe(200);
    const html = browser.lastHtml;
    const row = (key: string) => html.match(new RegExp(`<tr data-dossier-id="${ids[key]}">([\\s\\S]*?)</tr>`))?.[1] ?? "";
    expect(row("both")).toMatch(
      /<td data-column="labels\/label_id">[\s\S]*fr-tag--pink-macaron[\s\S]*Urgent[\s\S]*fr-tag--green-menthe[\s\S]*Complet/,
    );
    expect(pageText(row("avisPending"))).toContain("Avis rendus : 1 sur 2 demandés");
    expect(row("avisPending")).toContain('data-waiting="attente_avis"');
    expect(pageText(row("correction"))).toContain("Correction demandée");
    expect(pageText(html)).toContain("Trier par");
  });

  it("filters by label from the URL, and refuses another démarche's label with a message (200)", async () => {
    const browser = await signedIn(server, me.email);
    await browser.get(`/procedures/${demarcheId}?statut=tous&filtre=${encodeURIComponent("labels/label_id:in:Complet")}`);
    expect(listedDossierIds(browser.lastHtml)).toEqual([ids.both]);
    const foreign = await browser.get(
      `/procedures/${demarcheId}?statut=tous&filtre=${encodeURIComponent("labels/label_id:in:Étranger")}`,
    );
    expect(foreign.status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("« Étranger » n’est pas une option de cette colonne.");
    const avisChip = await browser.get(
      `/procedures/${demarcheId}?statut=tous&filtre=${encodeURIComponent("avis/answers:in:en_attente")}`,
    );
    expect(avisChip.status).toBe(200);
    expect(listedDossierIds(browser.lastHtml)).toEqual([ids.avisPending]);
    expect(pageText(browser.lastHtml)).toContain("Avis est en attente");
  });

  it("sorts notifications first from the sort menu", async () => {
    const browser = await signedIn(server, me.email);
    const response = await browser.get(`/procedures/${demarcheId}?statut=tous&tri=notifications&ordre=desc`);
    expect(response.status).toBe(200);
    expect(pageText(browser.lastHtml)).toContain("triés par Notifications d’abord, ordre décroissant");
    expect(browser.lastHtml).toMatch(/<option value="notifications" selected="">/);
  });

  it("keeps another démarche's list out of reach (404)", async () => {
    const browser = await signedIn(server, me.email);
    const response = await browser.get(
      `/procedures/${otherDemarcheId}?filtre=${encodeURIComponent("labels/label_id:in:Étranger")}`,
    );
    expect(response.status).toBe(404);
  });
});
