import { describe, expect, it } from "vitest";
import { splitEmailList } from "./email-list";

describe("splitEmailList", () => {
  it("splits on commas, semicolons and line breaks, lower-cases and removes duplicates", () => {
    expect(splitEmailList(" A@exemple.fr, b@exemple.fr;\r\nc@exemple.fr\n\na@EXEMPLE.fr ,")).toEqual([
      "a@exemple.fr",
      "b@exemple.fr",
      "c@exemple.fr",
    ]);
  });

  it("keeps the address of a pasted contact and gives nothing for blank input", () => {
    expect(splitEmailList("<camille@exemple.fr>")).toEqual(["camille@exemple.fr"]);
    expect(splitEmailList(" \n , ")).toEqual([]);
  });
});
