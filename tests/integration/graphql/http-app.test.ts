/**
 * The API as mounted in the real application (createHttpApp via startTestServer): the path, the
 * JSON envelope and the security headers, next to the pages. Needs `npm run build` (npm test does it).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT_DIR } from "../../../server/boot";
import { createApiToken } from "../../../server/operations/api-tokens/create-api-token";
import { buildDemarche } from "../../../server/seed/factories";
import { startTestServer, type TestServer } from "../../support/server";

const built = existsSync(path.join(ROOT_DIR, "build", "server", "index.js"));
if (!built) console.warn("[graphql] build/ missing: run `npm run build` to test the API inside the full application");

describe.skipIf(!built)("POST /api/v2/graphql in the full application", () => {
  let server: TestServer;
  let bearer = "";
  let demarcheId = 0;

  let unavailable: string | null = null;

  beforeAll(async () => {
    try {
      server = await startTestServer();
    } catch (error) {
      // The build can disappear while another process rebuilds it: skip rather than fail then.
      if (!/not built/.test((error as Error).message)) throw error;
      unavailable = (error as Error).message;
      console.warn(`[graphql] full-application tests skipped: ${unavailable}`);
      return;
    }
    const { demarche } = await buildDemarche(server.database.db, { administrateurEmail: "admin-http@exemple.fr" });
    demarcheId = demarche.id;
    const created = await createApiToken(server.database.db, { administrateurEmail: "admin-http@exemple.fr", name: "HTTP" });
    if (!created.ok) throw new Error(JSON.stringify(created.refusals));
    bearer = created.bearer;
  }, 300_000);

  afterAll(async () => {
    await server?.stop();
  });

  it("answers queries at the mount path", async (ctx) => {
    if (unavailable) return ctx.skip();
    const response = await fetch(`${server.url}/api/v2/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query: "query($n: Int!) { demarche(number: $n) { number state } }", variables: { n: demarcheId } }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.json()).toEqual({ data: { demarche: { number: demarcheId, state: "publiee" } } });
  });

  it("keeps its own envelope for errors instead of the pages' answers", async (ctx) => {
    if (unavailable) return ctx.skip();
    const anonymous = await fetch(`${server.url}/api/v2/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ demarche(number: 1) { number } }" }),
    });
    expect(anonymous.status).toBe(403);
    expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: "forbidden" } }], data: null });
    const get = await fetch(`${server.url}/api/v2/graphql`);
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ data: null });
  });
});
