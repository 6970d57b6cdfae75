/** The API Entreprise adapter against its local server (the documented v3/v4 protocol): found, unknown, 500, timeout, bad token. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiEntrepriseServer, DEMO_SIRETS, startApiEntrepriseServer } from "../../../server/dev/api-entreprise-server";
import { fetchEtablissement } from "../../../server/integrations/api-entreprise/client";

let server: ApiEntrepriseServer;
beforeAll(async () => {
  server = await startApiEntrepriseServer();
});
afterAll(async () => {
  await server?.stop();
});

const settings = () => ({ url: server.url, token: server.token, recipient: "13002526500013", timeoutMs: 500 });

describe("fetchEtablissement", () => {
  it("returns the établissement, its entreprise, siège and association", async () => {
    server.setMode("ok");
    const result = await fetchEtablissement(settings(), DEMO_SIRETS.association);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.siegeSocial).toBe(false);
    expect(result.data.entreprise.siren).toBe("784671695");
    expect(result.data.entreprise.formeJuridique).toBe("Association déclarée");
    expect(result.data.entreprise.siegeAddress).toContain("75004");
    expect(result.data.association?.rna).toBe("W751234567");
    expect(result.data.address.postalCode).toBe("69002");
  });

  it("reports a closed établissement as such", async () => {
    const result = await fetchEtablissement(settings(), DEMO_SIRETS.ferme);
    expect(result.ok && result.data.ferme).toBe(true);
  });

  it("says not_found for an unknown SIRET", async () => {
    expect(await fetchEtablissement(settings(), "99900000000003")).toMatchObject({ ok: false, reason: "not_found" });
  });

  it("says unavailable when the API answers 500", async () => {
    server.setMode("error");
    expect(await fetchEtablissement(settings(), DEMO_SIRETS.entreprise)).toMatchObject({ ok: false, reason: "unavailable" });
    server.setMode("ok");
  });

  it("says unavailable when the API does not answer in time", async () => {
    server.setMode("hang");
    expect(await fetchEtablissement(settings(), DEMO_SIRETS.entreprise)).toMatchObject({
      ok: false,
      reason: "unavailable",
      detail: "timeout",
    });
    server.setMode("ok");
  });

  it("says unavailable when the token is refused", async () => {
    expect(await fetchEtablissement({ ...settings(), token: "wrong" }, DEMO_SIRETS.entreprise)).toMatchObject({
      ok: false,
      reason: "unavailable",
    });
  });
});
