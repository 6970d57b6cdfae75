import { describe, expect, it } from "vitest";
import type { FranceConnectClient } from "../../integrations/franceconnect/client";
import { startFranceConnect } from "./start-france-connect";

describe("startFranceConnect", () => {
  it("says FranceConnect is unavailable when the provider cannot be reached, and stores nothing", async () => {
    const down: FranceConnectClient = {
      authorizationRequest: () => Promise.reject(new Error("ECONNREFUSED")),
      exchange: () => Promise.reject(new Error("unused")),
      endSessionUrl: () => Promise.reject(new Error("unused")),
    };
    // No database: reaching it would throw.
    expect(await startFranceConnect({} as never, down, { redirectTo: "/dossiers" })).toEqual({
      ok: false,
      refusals: [{ code: "unavailable", field: "form" }],
    });
  });
});
