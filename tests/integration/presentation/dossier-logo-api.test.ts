/**
 * The démarche's presentation files beyond /commencer: the logo on the usager's dossier pages
 * (dossier and brouillon, with an alt naming the démarche; nothing for another usager), and
 * `DemarcheDescriptor.logo/notice/deliberation` in GraphQL with signed links that download the
 * bytes without a session; another administrateur's token gets nothing. The default state e-mails
 * show the logo by its absolute URL, and so do the customised ones (the shared mail layout).
 */
import { eq, sql } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demarches } from "../../../server/db/schema";
import { storageFor } from "../../../server/integrations/storage";
import type { MailLogo } from "../../../server/mail/layout";
import { renderMail } from "../../../server/mail/templates";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { setDemarcheFile } from "../../../server/operations/demarches/set-demarche-file";
import { saveMailTemplate } from "../../../server/operations/mail-templates/save-mail-template";
import { buildDemarche, buildDossier, buildUser } from "../../../server/seed/factories";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { signedIn } from "../admin/helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

async function demarcheWithFiles(libelle: string) {
  const { db, config } = server.database;
  const built = await buildDemarche(db, { libelle, published: true });
  const who = { administrateurId: built.administrateurId, userId: built.admin.userId };
  const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: "#000091" } })
    .png()
    .toBuffer();
  const storage = storageFor(config);
  for (const [kind, file] of [
    ["logo", { bytes: png, filename: "logo.png" }],
    ["notice", { bytes: PDF, filename: "notice.pdf" }],
    ["deliberation", { bytes: PDF, filename: "deliberation.pdf" }],
  ] as const) {
    expect(await setDemarcheFile(db, storage, who, built.demarche.id, kind, file)).toEqual({ ok: true });
  }
  return built;
}

async function graphql(bearer: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${server.url}/api/v2/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
}

interface ApiFile {
  filename: string;
  contentType: string;
  byteSize: number;
  checksum: string;
  url: string;
}

const FILE = "{ filename contentType byteSize checksum url }";

describe("démarche logo on the usager's dossier pages", () => {
  it("shows the logo with the démarche's name as alt on the dossier and brouillon pages, to the usager only", async () => {
    const { db } = server.database;
    const built = await demarcheWithFiles("Aide aux vélos & trottinettes");
    const usager = await buildUser(db);
    const submitted = await buildDossier(db, { demarche: built.demarche, usager, state: "en_construction" });
    const brouillon = await buildDossier(db, { demarche: built.demarche, usager });
    const session = await signedIn(server, usager.email);
    const logoSrc = `src="/demarches/${built.demarche.id}/logo?v=`;
    const alt = 'alt="Logo de la démarche « Aide aux vélos &amp; trottinettes »"';

    expect((await session.get(`/dossiers/${submitted.dossierId}`)).status).toBe(200);
    expect(session.lastHtml).toContain(logoSrc);
    expect(session.lastHtml).toContain(alt);
    expect((await session.get(`/dossiers/${brouillon.dossierId}/brouillon`)).status).toBe(200);
    expect(session.lastHtml).toContain(logoSrc);
    expect(session.lastHtml).toContain(alt);
    const src = session.lastHtml.match(/src="(\/demarches\/\d+\/logo\?v=[^"]+)"/)?.[1] ?? "";
    const image = await fetch(`${server.url}${src.replace(/&amp;/g, "&")}`);
    expect([image.status, image.headers.get("content-type")]).toEqual([200, "image/png"]);

    // The accusé de réception shows the logo by its absolute URL.
    const rows = await db.execute(
      sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
          where t.identifier = 'send-mail' and j.payload->>'template' = 'dossier_depose'
            and (j.payload->'params'->>'dossierNumber')::int = ${submitted.dossierId}`,
    );
    const [job] = rows.rows as Array<{ payload: { params: Record<string, unknown>; logo: MailLogo } }>;
    const mail = renderMail("dossier_depose", job?.payload.params, {
      locale: "fr",
      appUrl: server.database.config.appUrl,
      logo: job?.payload.logo,
    });
    expect(mail.html).toContain(`<img src="${server.database.config.appUrl}/demarches/${built.demarche.id}/logo?v=`);
    expect(mail.html).toContain('alt="Logo de la démarche « Aide aux vélos &amp; trottinettes »"');
    expect(mail.text).not.toContain("/logo");

    // Another usager gets the 404 page, without the logo.
    const stranger = await signedIn(server, (await buildUser(db)).email);
    expect((await stranger.get(`/dossiers/${submitted.dossierId}`)).status).toBe(404);
    expect(stranger.lastHtml).not.toContain(logoSrc);

    // A démarche without logo: no image.
    const plain = await buildDemarche(db, { published: true });
    const other = await buildDossier(db, { demarche: plain.demarche, usager, state: "en_construction" });
    await session.get(`/dossiers/${other.dossierId}`);
    expect(session.lastHtml).not.toContain('data-testid="demarche-logo"');
  });
});

describe("DemarcheDescriptor.logo, notice, deliberation", () => {
  it("gives the files with signed links that download them; another administrateur's token gets nothing", async () => {
    const { db } = server.database;
    const built = await demarcheWithFiles("Subvention des associations");
    // Not open data: the descriptor is the administrateurs' only.
    await db.update(demarches).set({ opendata: false }).where(eq(demarches.id, built.demarche.id));
    const { dossierId } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    const token = await createApiToken(db, { administrateurEmail: built.admin.email, name: "Fichiers" });
    if (!token.ok) throw new Error(JSON.stringify(token.refusals));

    const answer = await graphql(
      token.bearer,
      `query($n: Int!) { demarcheDescriptor(demarche: { number: $n }) { logo ${FILE} notice ${FILE} deliberation ${FILE} } }`,
      { n: built.demarche.id },
    );
    expect(answer.errors).toBeUndefined();
    const descriptor = answer.data?.demarcheDescriptor as Record<"logo" | "notice" | "deliberation", ApiFile>;
    expect(descriptor.logo).toMatchObject({ filename: "logo.png", contentType: "image/png" });
    expect(descriptor.notice).toMatchObject({ filename: "notice.pdf", contentType: "application/pdf", byteSize: PDF.length });
    expect(descriptor.deliberation).toMatchObject({ filename: "deliberation.pdf", byteSize: PDF.length });
    expect(descriptor.notice.checksum).not.toBe("");

    // The signed link works without a session; the same path without its signature does not.
    const url = new URL(descriptor.deliberation.url);
    expect(url.searchParams.get("signature")).toBeTruthy();
    const anonymous = new HttpSession(server.url);
    const download = await anonymous.get(`${url.pathname}${url.search}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(PDF);
    expect((await anonymous.get(url.pathname)).status).toBe(404);
    const logo = new URL(descriptor.logo.url);
    const logoBytes = await anonymous.get(`${logo.pathname}${logo.search}`);
    expect([logoBytes.status, logoBytes.headers.get("content-type")]).toEqual([200, "image/png"]);

    // Through the dossier as well.
    const fromDossier = await graphql(
      token.bearer,
      "query($n: Int!) { dossier(number: $n) { demarche { logo { filename } } } }",
      {
        n: dossierId,
      },
    );
    expect(fromDossier.data?.dossier).toEqual({ demarche: { logo: { filename: "logo.png" } } });

    // A démarche without files: null.
    const plain = await buildDemarche(db, { administrateurEmail: built.admin.email });
    const none = await graphql(
      token.bearer,
      "query($n: Int!) { demarcheDescriptor(demarche: { number: $n }) { logo { url } notice { url } deliberation { url } } }",
      { n: plain.demarche.id },
    );
    expect(none.data?.demarcheDescriptor).toEqual({ logo: null, notice: null, deliberation: null });

    // Another administrateur's token: no descriptor, no link.
    const stranger = await buildUser(db, ["administrateur"]);
    const strangerToken = await createApiToken(db, { administrateurEmail: stranger.email, name: "Autre" });
    if (!strangerToken.ok) throw new Error(JSON.stringify(strangerToken.refusals));
    const refused = await graphql(
      strangerToken.bearer,
      `query($n: Int!) { demarcheDescriptor(demarche: { number: $n }) { logo ${FILE} notice ${FILE} } }`,
      { n: built.demarche.id },
    );
    expect(refused.data?.demarcheDescriptor ?? null).toBeNull();
    expect(refused.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(refused)).not.toContain("/pieces-jointes/");
  });
});

describe("the démarche's logo in all its e-mails", () => {
  /** The send-mail jobs of a template for a dossier, rendered as the job renders them. */
  async function mailsOf(template: string, dossierNumber: number) {
    const rows = await server.database.db.execute(
      sql`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
          where t.identifier = 'send-mail' and j.payload->>'template' = ${template}
            and (j.payload->'params'->>'dossierNumber')::int = ${dossierNumber}`,
    );
    return (rows.rows as Array<{ payload: { template: "dossier_personnalise"; params: unknown; logo?: MailLogo } }>).map(
      ({ payload }) =>
        renderMail(payload.template, payload.params, {
          locale: "fr",
          appUrl: server.database.config.appUrl,
          logo: payload.logo,
        }),
    );
  }

  it("a customised accusé de réception carries it, as the default e-mails", async () => {
    const { db } = server.database;
    const built = await demarcheWithFiles("Subvention aux jardins partagés");
    const who = { administrateurId: built.administrateurId, userId: built.admin.userId };
    const saved = await saveMailTemplate(db, who, built.demarche.id, "initiated", {
      subject: "Dossier --numéro du dossier-- bien reçu",
      body: "<p>Merci, votre dossier n° --numéro du dossier-- est arrivé.</p>",
    });
    expect(saved).toEqual({ ok: true });
    const { dossierId } = await buildDossier(db, { demarche: built.demarche, state: "en_construction" });
    const logo = `<img src="${server.database.config.appUrl}/demarches/${built.demarche.id}/logo?v=`;
    const [custom] = await mailsOf("dossier_personnalise", dossierId);
    expect(custom?.html).toContain(`votre dossier n° ${dossierId} est arrivé`);
    expect(custom?.html).toContain(logo);
    expect(custom?.html).toContain('alt="Logo de la démarche « Subvention aux jardins partagés »"');

    // A démarche without logo: the same customised e-mail without image.
    const plain = await buildDemarche(db, { published: true });
    const plainWho = { administrateurId: plain.administrateurId, userId: plain.admin.userId };
    await saveMailTemplate(db, plainWho, plain.demarche.id, "initiated", {
      subject: "Reçu",
      body: "<p>Votre dossier est arrivé.</p>",
    });
    const other = await buildDossier(db, { demarche: plain.demarche, state: "en_construction" });
    const [plainMail] = await mailsOf("dossier_personnalise", other.dossierId);
    expect(plainMail?.html).toContain("Votre dossier est arrivé.");
    expect(plainMail?.html).not.toContain("/logo");
  });
});
