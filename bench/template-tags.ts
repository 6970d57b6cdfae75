/**
 * Rendering an e-mail template with 30 tags (issue 12, « Measure »): a démarche of 40 fields
 * (text, numbers, dates, a repetition block of 3 children × 10 rows), a body using 30 tags, rendered
 * for one dossier as the state-mail reaction does (`renderMailTemplate`: HTML and text). Pure: no
 * database.
 *   npx tsx bench/template-tags.ts [--runs 2000]
 */
import { parseArgs } from "node:util";
import { renderMailTemplate } from "../server/domain/mail-templates/mail-templates";
import { availableTags, type TagDemarcheContext, type TagDossierData, tagText } from "../server/domain/tags";

const { values } = parseArgs({ options: { runs: { type: "string", default: "2000" } } });
const runs = Number(values.runs);

type Field = TagDemarcheContext["fields"][number];
const field = (stableId: number, type: Field["type"], libelle: string, parentStableId: number | null = null): Field => ({
  stableId,
  type,
  libelle,
  description: null,
  mandatory: true,
  private: false,
  options: {},
  condition: null,
  parentStableId,
});
const fields: Field[] = [];
const champs = new Map<string, string | string[]>();
for (let i = 1; i <= 36; i++) {
  const type = (["text", "integer_number", "date"] as const)[i % 3] ?? "text";
  fields.push(field(i, type, `Question ${i}`));
  champs.set(String(i), type === "date" ? "2026-03-14" : type === "integer_number" ? String(i * 7) : `Réponse <${i}> & co`);
}
fields.push(field(100, "repetition", "Membres"));
const rows = Array.from({ length: 10 }, (_, r) => `row${r}`);
champs.set("100", rows);
for (const [n, id] of [101, 102, 103].entries()) {
  fields.push(field(id, "text", `Enfant ${n}`, 100));
  for (const row of rows) champs.set(`${id}|${row}`, `Valeur ${n} ${row}`);
}
const demarche: TagDemarcheContext = { forIndividual: true, routingEnabled: false, fields };
const data: TagDossierData = {
  number: 42,
  state: "en_construction",
  deposeAt: new Date(),
  enInstructionAt: null,
  processedAt: null,
  updatedAt: new Date(),
  motivation: null,
  demarche: { libelle: "Bench", serviceName: null },
  individual: { civilite: "Mme", nom: "Dupont", prenom: "Camille" },
  entreprise: null,
  groupeInstructeur: null,
  links: { dossier: "https://guichet.test/dossiers/42" },
  champs,
};
const tags = availableTags(demarche, "initiated").slice(0, 30);
if (tags.length !== 30) throw new Error(`expected 30 tags, got ${tags.length}`);
const body = tags.map((t, i) => `Paragraphe ${i} : ${tagText(t.libelle)}.`).join("\n\n");
const template = { subject: "Dossier --numéro du dossier--", body };

for (let i = 0; i < 50; i++) renderMailTemplate(template, demarche, "initiated", data, "fr");
const start = process.hrtime.bigint();
let bytes = 0;
for (let i = 0; i < runs; i++) bytes += renderMailTemplate(template, demarche, "initiated", data, "fr").html.length;
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(
  JSON.stringify({ tags: 30, fields: fields.length, runs, msPerRender: +(ms / runs).toFixed(3), htmlBytes: bytes / runs }),
);
