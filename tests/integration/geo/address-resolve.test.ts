/**
 * `address` values completed by the server (the type's `resolve`): BAN search through the adapter
 * against a local peer, degraded mode when the service is down, and French addresses typed by hand
 * checked against the bundled communes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonValue, ResolveContext } from "../../../server/domain/champs/definition";
import { resolveChampValues } from "../../../server/domain/champs/resolve-values";
import { descriptor } from "../../../server/domain/champs/test-helpers";
import { type AddressValue, address } from "../../../server/domain/champs/types/address";
import { createReferenceData } from "../../../server/integrations/reference-data";
import { type BanPeer, startBanPeer } from "../../support/ban-peer";

let peer: BanPeer;
let context: (
  overrides?: Partial<ResolveContext<Record<string, never>, AddressValue>>,
) => ResolveContext<Record<string, never>, AddressValue>;

beforeAll(async () => {
  peer = await startBanPeer("up");
  // Generous: the machine may be busy; the timeout itself is tested with its own short one.
  const refs = createReferenceData({ ban: { url: peer.url, timeoutMs: 5000 } });
  context = (overrides = {}) => ({ options: {}, refs, previous: null, source: "form", ...overrides });
});
afterAll(async () => {
  await peer.stop();
});

const resolve = (value: AddressValue, overrides?: Partial<ResolveContext<Record<string, never>, AddressValue>>) =>
  address.resolve?.(value, context(overrides)) ?? Promise.resolve(null);

describe("address resolution against the BAN", () => {
  it("stores the one address whose label is what was typed, with its parts and codes", async () => {
    peer.mode = "up";
    expect(await resolve({ source: "search", query: "8 boulevard du port 80000 amiens" })).toEqual({
      source: "ban",
      label: "8 Boulevard du Port 80000 Amiens",
      banId: "80021_6590_00008",
      type: "housenumber",
      streetAddress: "8 Boulevard du Port",
      streetNumber: "8",
      streetName: "Boulevard du Port",
      postalCode: "80000",
      cityCode: "80021",
      cityName: "Amiens",
      departementCode: "80",
      regionCode: "32",
      countryCode: "FR",
      coordinates: [2.290084, 49.897443],
    });
  });

  it("keeps the text and the proposals when several addresses answer, then stores the one picked", async () => {
    const value = await resolve({ source: "search", query: "8 bd du port" });
    expect(value).toEqual({
      source: "search",
      query: "8 bd du port",
      candidates: [
        { banId: "80021_6590_00008", label: "8 Boulevard du Port 80000 Amiens" },
        { banId: "13201_4370_00008", label: "8 Boulevard du Port 13001 Marseille" },
      ],
    });
    expect(await resolve({ source: "search", query: "8 bd du port", selection: "13201_4370_00008" })).toMatchObject({
      source: "ban",
      cityCode: "13201",
      departementCode: "13",
      regionCode: "93",
    });
  });

  it("keeps what was typed when nothing is found", async () => {
    expect(await resolve({ source: "search", query: "nulle part ailleurs" })).toEqual({
      source: "search",
      query: "nulle part ailleurs",
      candidates: [],
    });
  });

  it.each(["error", "timeout"] as const)(
    "degrades to the manual mode when the service fails (%s), losing nothing",
    async (mode) => {
      peer.mode = mode;
      const refs = createReferenceData({ ban: { url: peer.url, timeoutMs: 300 } });
      const value = await address.resolve?.(
        { source: "search", query: "8 bd du port" },
        { options: {}, refs, previous: null, source: "form" },
      );
      expect(value).toEqual({ source: "search", query: "8 bd du port", unavailable: true });
      peer.mode = "up";
    },
  );

  it("keeps a stored address unchanged since the last save, even while the service is down", async () => {
    const stored = await resolve({ source: "search", query: "8 boulevard du port 80000 amiens" });
    peer.mode = "error";
    const before = peer.queries.length;
    const again = await resolve(
      { source: "search", query: "8 Boulevard du Port 80000 Amiens", selection: "80021_6590_00008" },
      { previous: stored },
    );
    expect(again).toEqual(stored);
    expect(peer.queries.length).toBe(before);
    peer.mode = "up";
  });

  it("keeps a prefilled label that is not exactly one address for the usager to confirm", async () => {
    expect(await resolve({ source: "search", query: "20 Avenue de Ségur 75007 Paris" }, { source: "prefill" })).toMatchObject({
      source: "ban",
      cityCode: "75107",
    });
    expect(await resolve({ source: "search", query: "8 bd du port" }, { source: "prefill" })).toMatchObject({ source: "search" });
  });
});

describe("addresses typed by hand", () => {
  const manual = (parts: Partial<Extract<AddressValue, { source: "manual" }>>): AddressValue => ({
    source: "manual",
    countryCode: "FR",
    streetAddress: "1 place du Marché",
    postalCode: "56100",
    cityName: "Lorient",
    label: "",
    ...parts,
  });

  it.each([
    ["Lorient", "56100", { cityName: "Lorient", cityCode: "56121", departementCode: "56", regionCode: "53" }],
    ["lorient", "56100", { cityName: "Lorient", cityCode: "56121" }],
    ["Paris", "75015", { cityName: "Paris 15e Arrondissement", cityCode: "75115", departementCode: "75" }],
    ["", "56100", { cityName: "Lorient", cityCode: "56121" }],
  ])("France: %j %j is checked against the communes", async (cityName, postalCode, expected) => {
    const value = await resolve(manual({ cityName, postalCode }));
    expect(value).toMatchObject({ source: "manual", ...expected });
    expect(value).toMatchObject({ label: `1 place du Marché ${postalCode} ${(expected as { cityName: string }).cityName}` });
  });

  it("France: a postal code and city of no commune get no codes (and submission says so)", async () => {
    const value = await resolve(manual({ cityName: "Brest", postalCode: "56100", cityCode: "29019", departementCode: "29" }));
    expect(value).toEqual(manual({ cityName: "Brest", label: "1 place du Marché 56100 Brest" }));
    expect(address.validateForSubmit(value, { ...descriptor("address"), options: {} })?.code).toBe("address_commune_not_found");
  });

  it("abroad: no commune check, no codes, even if some were posted", async () => {
    const value = await resolve(
      manual({ countryCode: "BE", streetAddress: "Rue Neuve 1", postalCode: "1000", cityName: "Bruxelles", cityCode: "x" }),
    );
    expect(value).toEqual(
      manual({
        countryCode: "BE",
        streetAddress: "Rue Neuve 1",
        postalCode: "1000",
        cityName: "Bruxelles",
        label: "Rue Neuve 1, 1000 Bruxelles, Belgique",
      }),
    );
  });

  it("works without any address service", async () => {
    const refs = createReferenceData({ ban: { url: null, timeoutMs: 500 } });
    const value = await address.resolve?.(manual({}), { options: {}, refs, previous: null, source: "form" });
    expect(value).toMatchObject({ cityCode: "56121" });
    expect(
      await address.resolve?.({ source: "search", query: "8 bd du port" }, { options: {}, refs, previous: null, source: "form" }),
    ).toEqual({
      source: "search",
      query: "8 bd du port",
      unavailable: true,
    });
  });
});

describe("resolveChampValues", () => {
  it("completes the values of the geographic fields of a form, top level and in rows, and drops unresolvable prefill", async () => {
    peer.mode = "up";
    const refs = createReferenceData({ ban: { url: peer.url, timeoutMs: 5000 } });
    const adresse = descriptor("address", { stableId: 1 });
    const commune = descriptor("communes", { stableId: 3 });
    const block = descriptor("repetition", { stableId: 2, children: [commune] });
    const text = descriptor("text", { stableId: 4 });
    const values = new Map<string, JsonValue>([
      ["1", { source: "search", query: "8 boulevard du port 80000 amiens" }],
      ["2", ["r1"]],
      ["3|r1", { query: "Lorient" }],
      ["4", "Lorient"],
    ]);
    const resolved = await resolveChampValues([adresse, block, text], values, { refs, source: "form" });
    expect(resolved.get("1")).toMatchObject({ source: "ban", cityCode: "80021" });
    expect(resolved.get("3|r1")).toMatchObject({ code: "56121", postalCode: "56100" });
    expect(resolved.get("4")).toBe("Lorient");
    expect(resolved.get("2")).toEqual(["r1"]);

    const prefilled = await resolveChampValues([commune], new Map([["3", { query: "99999" }]]), { refs, source: "prefill" });
    expect(prefilled.has("3")).toBe(false);
  });
});
