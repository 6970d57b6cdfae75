import { describe, expect, it } from "vitest";
import { champId, parseChampId } from "../domain/form/champ-id";
import { decodeCursor, encodeCursor, fromGlobalId, normalizeCursorTimestamp, numericIdOf, toGlobalId } from "./ids";

describe("global ids", () => {
  it("are standard base64 of <Type>-<id>, with padding", () => {
    expect(toGlobalId("Dossier", 12)).toBe("RG9zc2llci0xMg==");
    expect(Buffer.from(toGlobalId("Dossier", 12), "base64").toString()).toBe("Dossier-12");
    expect(toGlobalId("Procedure", 1)).toBe("UHJvY2VkdXJlLTE=");
    expect(toGlobalId("ProcedureRevision", 345)).toBe(Buffer.from("ProcedureRevision-345").toString("base64"));
  });

  it("decode back, with or without padding", () => {
    expect(fromGlobalId("RG9zc2llci0xMg==")).toEqual({ type: "Dossier", id: "12" });
    expect(fromGlobalId("RG9zc2llci0xMg")).toEqual({ type: "Dossier", id: "12" });
    expect(numericIdOf("RG9zc2llci0xMg==", "Dossier")).toBe(12);
  });

  it("refuse what is not a global id, without throwing", () => {
    for (const bad of ["", "!!!", "RG9zc2llci0xMg===", "Zm9v", Buffer.from("-12").toString("base64"), "a"]) {
      expect(fromGlobalId(bad)).toBeNull();
    }
    expect(numericIdOf(toGlobalId("Dossier", 12), "Procedure")).toBeNull();
    expect(numericIdOf(toGlobalId("Dossier", "abc"), "Dossier")).toBeNull();
    expect(numericIdOf(toGlobalId("Dossier", "012"), "Dossier")).toBeNull();
  });
});

describe("champ ids", () => {
  it("encode the stable id, and the row id inside repetitions", () => {
    expect(champId(42)).toBe(Buffer.from("Champ-42").toString("base64"));
    expect(champId(42)).toBe("Q2hhbXAtNDI=");
    expect(champId(42, "01HV8Y")).toBe(Buffer.from("Champ-42|01HV8Y").toString("base64"));
    expect(champId(42, null)).toBe(champId(42));
  });

  it("parse back", () => {
    expect(parseChampId(champId(42))).toEqual({ stableId: 42, rowId: null });
    expect(parseChampId(champId(42, "01HV8Y"))).toEqual({ stableId: 42, rowId: "01HV8Y" });
    expect(parseChampId("Q2hhbXAtNDI")).toEqual({ stableId: 42, rowId: null });
    expect(parseChampId(toGlobalId("Dossier", 42))).toBeNull();
    expect(parseChampId(toGlobalId("Champ", "x"))).toBeNull();
  });
});

describe("cursors", () => {
  it("round-trip a timestamp with microseconds and an id", () => {
    const cursor = encodeCursor({ timestamp: "2024-03-15T13:02:11.123456Z", id: 42 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(cursor, "base64url").toString()).toBe("2024-03-15T13:02:11.123456Z;42");
    expect(decodeCursor(cursor)).toEqual({ timestamp: "2024-03-15T13:02:11.123456Z", id: 42 });
  });

  it("normalise the fraction to microseconds", () => {
    expect(normalizeCursorTimestamp("2024-03-15T13:02:11Z")).toBe("2024-03-15T13:02:11.000000Z");
    expect(normalizeCursorTimestamp("2024-03-15T13:02:11.123456789Z")).toBe("2024-03-15T13:02:11.123456Z");
    expect(normalizeCursorTimestamp("2024-02-30T13:02:11Z")).toBeNull();
    expect(normalizeCursorTimestamp("2024-03-15 13:02:11")).toBeNull();
  });

  it("refuse anything else, without throwing", () => {
    const forged = (text: string) => Buffer.from(text).toString("base64url");
    for (const bad of [
      "",
      "%%%",
      forged("nope"),
      forged("2024-03-15T13:02:11Z;0"),
      forged("2024-03-15T13:02:11Z;x"),
      forged(";12"),
    ]) {
      expect(decodeCursor(bad)).toBeNull();
    }
    expect(() => encodeCursor({ timestamp: "yesterday", id: 1 })).toThrow();
  });
});
