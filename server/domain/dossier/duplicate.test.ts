import { describe, expect, it } from "vitest";
import { duplicableFields } from "./duplicate";

describe("duplicableFields", () => {
  it("copies typed values and repetition rows, never files nor layout", () => {
    const fields = [
      { stableId: 1, type: "text" },
      { stableId: 2, type: "piece_justificative" },
      { stableId: 3, type: "titre_identite" },
      { stableId: 4, type: "header_section" },
      { stableId: 5, type: "repetition" },
      { stableId: 6, type: "date" },
      { stableId: 7, type: "not_a_type" },
    ];
    expect(duplicableFields(fields).map((f) => f.stableId)).toEqual([1, 5, 6]);
  });
});
