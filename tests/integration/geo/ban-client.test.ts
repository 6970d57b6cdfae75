/**
 * The BAN adapter over real HTTP against a local peer speaking the BAN protocol
 * (tests/support/ban-peer.ts), including its degraded modes. Nothing reaches the internet.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBanClient } from "../../../server/integrations/ban/client";
import { type BanPeer, startBanPeer } from "../../support/ban-peer";

let peer: BanPeer;

beforeAll(async () => {
  peer = await startBanPeer("up");
});
afterAll(async () => {
  await peer.stop();
});

function client(timeoutMs = 5000) {
  const failures: string[] = [];
  return { ban: createBanClient({ url: peer.url, timeoutMs, onFailure: (reason) => failures.push(reason) }), failures };
}

describe("BAN adapter", () => {
  it("maps the features to addresses with their territory", async () => {
    peer.mode = "up";
    const { ban } = client();
    const result = await ban.search("8 bd du port amiens", 5);
    expect(result).toEqual({
      ok: true,
      addresses: [
        {
          banId: "80021_6590_00008",
          label: "8 Boulevard du Port 80000 Amiens",
          type: "housenumber",
          streetAddress: "8 Boulevard du Port",
          streetNumber: "8",
          streetName: "Boulevard du Port",
          postalCode: "80000",
          cityCode: "80021",
          cityName: "Amiens",
          departementCode: "80",
          regionCode: "32",
          coordinates: [2.290084, 49.897443],
        },
      ],
    });
    expect(peer.queries.at(-1)).toBe("8 bd du port amiens");
  });

  it("finds overseas addresses (three-digit départements)", async () => {
    const { ban } = client();
    const result = await ban.search("12 rue de paris saint-denis", 5);
    expect(result.ok && result.addresses[0]).toMatchObject({ departementCode: "974", regionCode: "04", cityCode: "97411" });
  });

  it("does not call the service for queries it refuses, and reads its 400 as nothing found", async () => {
    const { ban } = client();
    const before = peer.queries.length;
    expect(await ban.search(" ab ", 5)).toEqual({ ok: true, addresses: [] });
    expect(peer.queries.length).toBe(before);
  });

  it.each(["error", "garbage"] as const)("reports the service as unavailable when it answers %s", async (mode) => {
    peer.mode = mode;
    const { ban, failures } = client();
    expect(await ban.search("8 bd du port", 5)).toEqual({ ok: false, reason: "unavailable" });
    expect(failures).toHaveLength(1);
    peer.mode = "up";
  });

  it("gives up after its timeout when the service does not answer", async () => {
    peer.mode = "timeout";
    const { ban, failures } = client(300);
    const start = Date.now();
    expect(await ban.search("8 bd du port", 5)).toEqual({ ok: false, reason: "unavailable" });
    expect(Date.now() - start).toBeLessThan(2000);
    expect(failures[0]).toMatch(/Timeout|Abort/i);
    peer.mode = "up";
  });

  it("reports an unreachable service as unavailable, and no service as disabled", async () => {
    const closed = await startBanPeer("up");
    await closed.stop();
    const down = createBanClient({ url: closed.url, timeoutMs: 5000 });
    expect(await down.search("8 bd du port", 5)).toEqual({ ok: false, reason: "unavailable" });
    const disabled = createBanClient({ url: null, timeoutMs: 1000 });
    expect(await disabled.search("8 bd du port", 5)).toEqual({ ok: false, reason: "disabled" });
  });
});
