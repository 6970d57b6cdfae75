import { describe, expect, it } from "vitest";
import { typed } from "../test-helpers";
import { type AddressValue, address, manualAddressLabel } from "./address";

const part = (parts: Record<string, string | string[]>) => (suffix: string) => parts[suffix];

const amiens: AddressValue = {
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
};

const strasbourg: AddressValue = {
  source: "manual",
  countryCode: "FR",
  streetAddress: "11 rue des Mimosas",
  postalCode: "67000",
  cityName: "Strasbourg",
  label: "11 rue des Mimosas 67000 Strasbourg",
  cityCode: "67482",
  departementCode: "67",
  regionCode: "44",
};

const london: AddressValue = {
  source: "manual",
  countryCode: "GB",
  streetAddress: "12 Main Street",
  postalCode: "SW1A 1AA",
  cityName: "London",
  label: "12 Main Street, SW1A 1AA London, Royaume-Uni",
};

describe("address form input", () => {
  it.each([
    ["search text", "8 bd du port", {}, { source: "search", query: "8 bd du port" }],
    [
      "a proposal picked",
      "8 Boulevard du Port 80000 Amiens",
      { ban: "80021_6590_00008" },
      { source: "search", query: "8 Boulevard du Port 80000 Amiens", selection: "80021_6590_00008" },
    ],
    [
      "manual mode, France",
      "",
      { manual: "true", street: " 11 rue des Mimosas ", postal_code: "67 000", city: "Strasbourg", country: "FR" },
      {
        source: "manual",
        countryCode: "FR",
        streetAddress: "11 rue des Mimosas",
        postalCode: "67000",
        cityName: "Strasbourg",
        label: "11 rue des Mimosas 67000 Strasbourg",
      },
    ],
    [
      "manual mode abroad",
      "",
      { manual: ["false", "true"], street: "12 Main Street", postal_code: "SW1A 1AA", city: "London", country: "GB" },
      { ...london },
    ],
    [
      "manual mode keeps the search text as the street",
      "12 rue inconnue 75000 Paris",
      { manual: "true", street: "", postal_code: "", city: "" },
      {
        source: "manual",
        countryCode: "FR",
        streetAddress: "12 rue inconnue 75000 Paris",
        postalCode: "",
        cityName: "",
        label: "12 rue inconnue 75000 Paris",
      },
    ],
    [
      "manual parts typed without the box (no JavaScript)",
      "",
      { street: "1 place du Marché", postal_code: "56100", city: "Lorient" },
      {
        source: "manual",
        countryCode: "FR",
        streetAddress: "1 place du Marché",
        postalCode: "56100",
        cityName: "Lorient",
        label: "1 place du Marché 56100 Lorient",
      },
    ],
    [
      "an unknown country falls back to France",
      "",
      { manual: "true", street: "x", country: "ZZ" },
      expect.objectContaining({ countryCode: "FR" }),
    ],
    ["nothing", "", {}, null],
  ] as const)("%s", (_name, raw, parts, expected) => {
    expect(address.parseFormInput(raw, {}, part(parts as Record<string, string>))).toEqual(expected);
  });
});

describe("address submission", () => {
  const descriptor = typed("address", {});
  const optional = typed("address", {}, { mandatory: false });
  it.each([
    ["a BAN address", amiens, null],
    ["a French address typed by hand, commune checked", strasbourg, null],
    ["an address abroad", london, null],
    ["a French address whose commune was not found", { ...strasbourg, cityCode: undefined }, "address_commune_not_found"],
    ["a street missing", { ...london, streetAddress: "" }, "address_incomplete"],
    ["a postal code missing abroad", { ...london, postalCode: " " }, "address_incomplete"],
    ["an unknown country", { ...london, countryCode: "ZZ" }, "invalid_value"],
    [
      "search text with proposals",
      { source: "search", query: "8 bd du port", candidates: [{ banId: "a", label: "b" }] },
      "address_ambiguous",
    ],
    ["search text found nowhere", { source: "search", query: "nulle part", candidates: [] }, "address_not_found"],
    ["search while the service was down", { source: "search", query: "8 bd du port", unavailable: true }, "address_not_found"],
    ["nothing", null, "required"],
    ["an empty manual address", { ...london, streetAddress: "", postalCode: "", cityName: "" }, "required"],
  ] as const)("%s", (_name, value, code) => {
    expect(address.validateForSubmit(value as AddressValue | null, descriptor)?.code ?? null).toBe(code);
  });

  it("an optional address may be empty, but a partial one must be completed", () => {
    expect(address.validateForSubmit(null, optional)).toBeNull();
    expect(address.validateForSubmit({ ...london, streetAddress: "", postalCode: "", cityName: "" }, optional)).toBeNull();
    expect(address.validateForSubmit({ ...london, cityName: "" }, optional)?.code).toBe("address_incomplete");
  });
});

describe("address display", () => {
  it("shows the label, with the country in the reader's language abroad", () => {
    expect(address.displayValue(amiens, {}, "fr")).toBe("8 Boulevard du Port 80000 Amiens");
    expect(address.displayValue(strasbourg, {}, "en")).toBe("11 rue des Mimosas 67000 Strasbourg");
    expect(address.displayValue(london, {}, "fr")).toBe("12 Main Street, SW1A 1AA London, Royaume-Uni");
    expect(address.displayValue(london, {}, "en")).toBe("12 Main Street, SW1A 1AA London, United Kingdom");
    expect(address.displayValue({ source: "search", query: "8 bd du port" }, {}, "fr")).toBe("8 bd du port");
    expect(address.displayValue(null, {}, "fr")).toBe("");
    expect(address.stringValue(amiens)).toBe("8 Boulevard du Port 80000 Amiens");
    expect(address.stringValue(london)).toBe("12 Main Street, SW1A 1AA London, Royaume-Uni");
    expect(address.stringValue(null)).toBeNull();
    expect(manualAddressLabel({ streetAddress: "Lieu-dit Kerhoas", postalCode: "", cityName: "Plouay", countryCode: "FR" })).toBe(
      "Lieu-dit Kerhoas Plouay",
    );
  });

  it("refuses values of another shape", () => {
    expect(address.valueSchema.safeParse({ ...amiens, countryCode: "DE" }).success).toBe(false);
    expect(address.valueSchema.safeParse({ source: "search", query: "x", cityCode: "1" }).success).toBe(false);
    expect(address.valueSchema.safeParse("8 bd du port").success).toBe(false);
  });
});

describe("address prefill (the BAN label)", () => {
  it.each([
    ["8 Boulevard du Port 80000 Amiens", { source: "search", query: "8 Boulevard du Port 80000 Amiens" }],
    ["  ", null],
    [42, null],
    [["8 Boulevard du Port"], null],
  ] as const)("%j", (raw, expected) => {
    expect(address.prefill(raw, {})).toEqual(expected);
  });
});
