/** The local mailbox pages (/mailbox), development only, through HTTP. */
import type { Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT_DIR, loadServerBuild } from "../../../server/boot";
import { createHttpApp } from "../../../server/http/app";
import { createMailer } from "../../../server/integrations/mailer";
import { logger } from "../../../server/logger";
import { composeMail } from "../../../server/mail/layout";
import { mailboxMessages } from "../../../server/db/schema";
import { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";

let server: TestServer;
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startTestServer();
  const mailer = createMailer({ smtpUrl: undefined, mailFrom: "x" }, server.database.db);
  const send = async (key: string, to: string, subject: string, text: string, html: string) => {
    await mailer.send({ to, subject, text, html });
    const rows = await server.database.db.select({ id: mailboxMessages.id }).from(mailboxMessages);
    ids[key] = Math.max(...rows.map((r) => r.id));
  };
  const safe = composeMail(
    "Votre dossier",
    [{ paragraph: "Bonjour <b>toi</b>" }, { link: { label: "Voir", url: "https://guichet.example/dossiers/1" } }],
    "Signé",
  );
  await send("first", "camille@exemple.fr", "Premier", safe.text, safe.html);
  await send("other", "louis@exemple.fr", "Pour Louis", "Bonjour Louis", "<p>Bonjour</p>");
  await send(
    "hostile",
    "camille@exemple.fr",
    "Second <script>",
    "Ouvrez https://guichet.example/dossiers/2?a=1&b=2. Et <script>alert(1)</script> javascript:alert(1)",
    `<p>Salut</p><img src="https://tracker.example/p.gif"><script>alert(1)</script>`,
  );
});
afterAll(() => server?.stop());

describe("/mailbox", () => {
  it("lists every mail, newest first, without sign-in", async () => {
    const browser = new HttpSession(server.url);
    expect((await browser.get("/mailbox")).status).toBe(200);
    const listed = [...browser.lastHtml.matchAll(/data-message-id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(listed).toEqual([ids.hostile, ids.other, ids.first]);
    expect(browser.lastHtml).toContain("Second &lt;script&gt;");
    expect(browser.lastHtml).not.toContain("Second <script>");
  });

  it("filters by recipient", async () => {
    const browser = new HttpSession(server.url);
    await browser.get("/mailbox?to=%20Camille%40Exemple.fr%20");
    const listed = [...browser.lastHtml.matchAll(/data-message-id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(listed).toEqual([ids.hostile, ids.first]);
    expect(browser.lastHtml).toContain('value="camille@exemple.fr"');
  });

  it("shows the text version with clickable links and the safe HTML version in a sandboxed frame", async () => {
    const browser = new HttpSession(server.url);
    expect((await browser.get(`/mailbox/${ids.first}`)).status).toBe(200);
    const html = browser.lastHtml;
    expect(html).toContain(
      '<a href="https://guichet.example/dossiers/1" rel="noreferrer">https://guichet.example/dossiers/1</a>',
    );
    expect(html).toContain("Bonjour &lt;b&gt;toi&lt;/b&gt;");
    expect(html).toMatch(/<iframe sandbox="" srcDoc="[^"]*&lt;p&gt;Bonjour &amp;lt;b&amp;gt;toi/);
  });

  it("escapes everything else, links only http(s) URLs, and skips HTML the CSP would block", async () => {
    const browser = new HttpSession(server.url);
    expect((await browser.get(`/mailbox/${ids.hostile}`)).status).toBe(200);
    const html = browser.lastHtml;
    expect(html).toContain('<a href="https://guichet.example/dossiers/2?a=1&amp;b=2" rel="noreferrer">');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).not.toContain('href="javascript:');
    expect(html).not.toContain("<iframe");
    expect(html).not.toContain("tracker.example");
    expect(html).toContain("La version HTML n’est pas affichée");
  });

  it("answers 404 for an unknown or malformed message", async () => {
    const browser = new HttpSession(server.url);
    expect((await browser.get("/mailbox/999999")).status).toBe(404);
    expect((await browser.get("/mailbox/abc")).status).toBe(404);
  });

  it("does not exist when the mailbox is disabled (production)", async () => {
    const services = {
      config: { ...server.database.config, mailboxEnabled: false },
      db: server.database.db,
      logger: logger.child({}, { level: "warn" }),
    };
    const app = createHttpApp({ services, build: await loadServerBuild(), clientDir: path.join(ROOT_DIR, "build", "client") });
    const production = await new Promise<Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    try {
      const address = production.address();
      const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
      const browser = new HttpSession(url);
      expect((await browser.get("/mailbox")).status).toBe(404);
      expect((await browser.get(`/mailbox/${ids.first}`)).status).toBe(404);
      expect(browser.lastHtml).not.toContain("Premier");
    } finally {
      await new Promise<void>((resolve) => {
        production.close(() => resolve());
        production.closeAllConnections();
      });
    }
  });
});
