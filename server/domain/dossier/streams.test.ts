import { describe, expect, it } from "vitest";
import { MAIN_STREAM, USER_BUFFER_STREAM, historyStream, historyStreamDate, usagerWriteStream } from "./streams";

describe("champ streams", () => {
  it("names a history stream after its ISO timestamp, and reads it back", () => {
    const at = new Date("2026-03-15T09:30:12.345Z");
    expect(historyStream(at)).toBe("history:2026-03-15T09:30:12.345Z");
    expect(historyStreamDate(historyStream(at))?.getTime()).toBe(at.getTime());
    expect(historyStreamDate(MAIN_STREAM)).toBeNull();
    expect(historyStreamDate("history:pas une date")).toBeNull();
  });

  it("sends the usager's changes to main for a brouillon, to the buffer en construction, nowhere after", () => {
    expect(usagerWriteStream("brouillon")).toBe(MAIN_STREAM);
    expect(usagerWriteStream("en_construction")).toBe(USER_BUFFER_STREAM);
    for (const state of ["en_instruction", "accepte", "refuse", "sans_suite"] as const) {
      expect(usagerWriteStream(state)).toBeNull();
    }
  });
});
