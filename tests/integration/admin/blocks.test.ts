import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDemarche } from "../../../server/seed/factories";
import type { HttpSession } from "../../support/http-session";
import { startTestServer, type TestServer } from "../../support/server";
import { draftChamps, location, newAdministrateur, pageText, snapshot } from "./helpers";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

async function editor() {
  const { browser, admin } = await newAdministrateur(server);
  const { demarche } = await buildDemarche(server.database.db, {
    administrateurEmail: admin.email,
    published: false,
    champs: [{ type: "yes_no", libelle: "Avez-vous des enfants ?" }],
  });
  const page = `/admin/procedures/${demarche.id}/champs`;
  await browser.get(page);
  return { browser, demarche, page };
}

async function add(browser: HttpSession, page: string, fields: Record<string, string>) {
  const response = await browser.post(page, { intent: "add", ...fields });
  expect(location(response)).toMatch(new RegExp(`^${page}#champ-\\d+$`));
  return Number(location(response).split("#champ-")[1]);
}

const tree = async (demarcheId: number) =>
  (await draftChamps(server.database.db, demarcheId)).map((c) => [c.stableId, c.parentStableId]);

describe("repetition blocks in the editor", () => {
  it("adds fields inside a block, shows them in the block's card, and refuses a block in a block", async () => {
    const { browser, demarche, page } = await editor();
    const [yesNo] = (await draftChamps(server.database.db, demarche.id)).map((c) => c.stableId) as number[];
    const block = await add(browser, page, { type: "repetition" });
    const prenom = await add(browser, page, { type: "text", parentStableId: String(block) });
    const age = await add(browser, page, { type: "integer_number", parentStableId: String(block) });
    const ecole = await add(browser, page, { type: "checkbox", parentStableId: String(block), afterStableId: String(prenom) });
    const after = await add(browser, page, { type: "text" });
    expect(await tree(demarche.id)).toEqual([
      [yesNo, null],
      [block, null],
      [prenom, block],
      [ecole, block],
      [age, block],
      [after, null],
    ]);

    await browser.get(page);
    const html = browser.lastHtml;
    // The children's cards are inside the block's card, before the next top-level field.
    const blockCard = html.indexOf(`id="champ-${block}"`);
    const childCard = html.indexOf(`id="champ-${prenom}"`);
    const nextCard = html.indexOf(`id="champ-${after}"`);
    expect(blockCard).toBeGreaterThan(0);
    expect(childCard).toBeGreaterThan(blockCard);
    expect(nextCard).toBeGreaterThan(childCard);
    expect(pageText(html)).toContain("Champs du bloc répétable (3)");
    // The list's title counts its cards (« Champ 3 sur 3 »), not the fields inside the block.
    expect(pageText(html)).toContain("Champs du formulaire (3)");
    expect(pageText(html)).toContain("Champ 3 sur 3");
    expect(pageText(html)).toContain("Ajouter un champ dans le bloc");
    expect(html).toContain(`name="parentStableId" value="${block}"`);
    // No block offered inside a block: the form inside the block has no « repetition » option.
    const blockForm = html.slice(html.indexOf(`name="parentStableId" value="${block}"`));
    expect(blockForm.slice(0, blockForm.indexOf("</form>"))).not.toContain('value="repetition"');

    const before = await snapshot(server.database.db);
    expect((await browser.post(page, { intent: "add", type: "repetition", parentStableId: String(block) })).status).toBe(400);
    expect((await browser.post(page, { intent: "add", type: "text", parentStableId: String(yesNo) })).status).toBe(404);
    expect(await snapshot(server.database.db)).toEqual(before);

    // A child's condition may read its siblings above it and the top-level fields above the block.
    // (The page answering « Ajouter une règle » shows the new rule.)
    await browser.post(page, { intent: "condition", stableId: String(age), op: "add", rowCount: "0" });
    const ageSection = browser.lastHtml.match(new RegExp(`id="champ-${age}-condition"[\\s\\S]*?</details>`))?.[0] ?? "";
    const offered = [...ageSection.matchAll(/<option value="(\d+)"/g)].map((m) => Number(m[1]));
    expect(offered).toEqual([yesNo, ecole]);
  });

  it("moves a field to an index of its own list (drag and drop), inside a block too", async () => {
    const { browser, demarche, page } = await editor();
    const [yesNo] = (await draftChamps(server.database.db, demarche.id)).map((c) => c.stableId) as number[];
    const a = await add(browser, page, { type: "text" });
    const block = await add(browser, page, { type: "repetition" });
    const c1 = await add(browser, page, { type: "text", parentStableId: String(block) });
    const c2 = await add(browser, page, { type: "text", parentStableId: String(block) });

    const moved = await browser.post(page, { intent: "move-to", stableId: String(block), toIndex: "0", _js: "1" });
    expect(moved.status).toBe(200);
    expect(await tree(demarche.id)).toEqual([
      [block, null],
      [c1, block],
      [c2, block],
      [yesNo, null],
      [a, null],
    ]);
    expect(location(await browser.post(page, { intent: "move-to", stableId: String(c2), toIndex: "0" }))).toBe(
      `${page}#champ-${c2}`,
    );
    expect(await tree(demarche.id)).toEqual([
      [block, null],
      [c2, block],
      [c1, block],
      [yesNo, null],
      [a, null],
    ]);
    expect((await browser.post(page, { intent: "move-to", stableId: String(a) })).status).toBe(400);
  });
});
