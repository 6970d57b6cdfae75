import { describe, expect, it } from "vitest";
import { homePathFor } from "./home-path";

describe("homePathFor", () => {
  it("prefers the administrateur space, then the instructeur one, then the usager one", () => {
    expect(homePathFor({ administrateurId: 1, instructeurId: 2 })).toBe("/admin/procedures");
    expect(homePathFor({ administrateurId: null, instructeurId: 2 })).toBe("/procedures");
    expect(homePathFor({ administrateurId: null, instructeurId: null })).toBe("/dossiers");
  });
});
