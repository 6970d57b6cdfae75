/**
 * PDF generation at size (issue 12): the dossier PDF of a 100-field dossier whose repetition block
 * has 10 rows (text, long text, numbers, dates, choices, files), and the accusé de réception's
 * receipt of the same dossier. No database: the form view is built in memory as
 * `server/queries/form-view.ts` gives it, then drawn by the real renderers. Prints, per document,
 * the median and p95 generation time over the runs, the size, and the peak RSS and heap measured
 * while generating (sampled every 5 ms and after each run, in this process, fonts already loaded by a first run).
 *   npx tsx bench/pdf.ts [--runs 30]
 */
import { parseArgs } from "node:util";
import type { ChampDescriptor } from "../server/domain/champs/definition";
import {
  buildDossierDocument,
  buildReceiptDocument,
  type DossierDocumentInput,
} from "../server/domain/documents/dossier-document";
import { buildFormTree } from "../server/domain/form/tree";
import { dossierPdfOptions, drawDossier } from "../server/documents/dossier-pdf";
import { pdfBytes } from "../server/documents/pdf";
import { drawReceipt, receiptPdfOptions } from "../server/documents/receipt-pdf";
import { pageDescriptors } from "../server/queries/form-view";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "30" } } });
const runs = Number(args.runs);

const KINDS = ["text", "textarea", "integer_number", "date", "yes_no", "drop_down_list", "email", "piece_justificative"] as const;

function sampleValue(type: (typeof KINDS)[number], i: number): unknown {
  switch (type) {
    case "text":
      return `Réponse courte numéro ${i}`;
    case "textarea":
      return `Une réponse longue sur plusieurs lignes pour la question ${i}.\n`.repeat(4);
    case "integer_number":
      return 1000 + i;
    case "date":
      return "2026-03-12";
    case "yes_no":
      return i % 2 === 0 ? "true" : "false";
    case "drop_down_list":
      return "Deuxième choix";
    case "email":
      return `contact${i}@exemple.fr`;
    case "piece_justificative":
      return [
        {
          id: "0c4f4a36-0f3b-4b36-9f6c-2b1f0d1e1a11",
          filename: `piece-${i}.pdf`,
          contentType: "application/pdf",
          byteSize: 150_000 + i,
        },
      ];
  }
}

/** 100 fields: 10 sections of 9 fields, then a block of 5 fields with 10 rows. */
function bigDossier(): DossierDocumentInput {
  const flat: Array<ChampDescriptor & { parentStableId: number | null }> = [];
  const values: Record<string, unknown> = {};
  let id = 1;
  const field = (
    type: ChampDescriptor["type"],
    libelle: string,
    parent: number | null,
    options: Record<string, unknown> = {},
  ) => {
    const stableId = id++;
    flat.push({ stableId, type, libelle, description: null, mandatory: false, options, parentStableId: parent });
    return stableId;
  };
  const optionsOf = (type: string) =>
    type === "drop_down_list" ? { options: ["Premier choix", "Deuxième choix"], other: false } : {};
  for (let s = 0; s < 10; s++) {
    field("header_section", `Section ${s + 1}`, null, { level: 1 });
    for (let f = 0; f < 9; f++) {
      const type = KINDS[(s * 9 + f) % KINDS.length] as (typeof KINDS)[number];
      const stableId = field(type, `Question ${s * 9 + f + 1} de type ${type}`, null, optionsOf(type));
      values[String(stableId)] = sampleValue(type, stableId);
    }
  }
  const block = field("repetition", "Membres du bureau", null);
  const children = ["text", "text", "date", "email", "integer_number"] as const;
  const childIds = children.map((type, i) => ({ type, id: field(type, `Colonne ${i + 1} (${type})`, block) }));
  const rows = Array.from({ length: 10 }, (_, r) => `row${r}`);
  values[String(block)] = rows;
  for (const row of rows) for (const child of childIds) values[`${child.id}|${row}`] = sampleValue(child.type, child.id);
  const descriptors = pageDescriptors(buildFormTree(flat));
  return {
    number: 123456,
    demarche: { number: 1, libelle: "Demande de subvention pour une association", forIndividual: true },
    state: "en_instruction",
    usagerEmail: "usager@exemple.fr",
    identity: { civilite: "Mme", nom: "Martin", prenom: "Léa" },
    dates: { deposeAt: new Date(), enInstructionAt: new Date(), processedAt: null },
    motivation: null,
    form: { descriptors, values, hidden: [] },
  };
}

async function measure(name: string, make: () => Promise<Buffer>) {
  await make(); // fonts loaded, code warm
  const times: number[] = [];
  let size = 0;
  let peakRss = 0;
  let peakHeap = 0;
  const baseRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
  }, 5);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    size = (await make()).length;
    times.push(performance.now() - start);
    const { rss, heapUsed } = process.memoryUsage();
    peakRss = Math.max(peakRss, rss);
    peakHeap = Math.max(peakHeap, heapUsed);
    await new Promise((resolve) => setImmediate(resolve)); // lets the sampler run
  }
  clearInterval(sampler);
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] as number;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `${name}: p50 ${pct(50).toFixed(0)} ms, p95 ${pct(95).toFixed(0)} ms, ${(size / 1024).toFixed(0)} KB, ` +
      `peak RSS ${mb(peakRss)} (process at start ${mb(baseRss)}), peak heap ${mb(peakHeap)}`,
  );
}

const input = bigDossier();
const fields = input.form.descriptors.reduce((n, d) => n + 1 + (d.children?.length ?? 0), 0);
console.log(`dossier: ${fields} fields, 10 rows; ${runs} runs each`);
await measure("dossier PDF", async () => {
  const document = buildDossierDocument(input, "fr", new Date());
  return pdfBytes((doc) => drawDossier(doc, document, "fr"), dossierPdfOptions(document, "fr"));
});
await measure("receipt PDF", async () => {
  const document = buildReceiptDocument(input, "fr", new Date());
  return pdfBytes((doc) => drawReceipt(doc, document, "fr"), receiptPdfOptions(document, "fr"));
});
