import { describe, expect, it } from "vitest";
import { describeRefusals, refusalsByField, refuse, refuseFields } from "./refusal";

describe("refusals", () => {
  it("are built about the whole request or one field, with parameters", () => {
    expect(refuse("changes_outdated")).toEqual({ ok: false, refusals: [{ code: "changes_outdated", field: "form" }] });
    expect(refuse("type_used_by_conditions", "type", { champs: "«\u00a0A\u00a0»" })).toEqual({
      ok: false,
      refusals: [{ code: "type_used_by_conditions", field: "type", params: { champs: "«\u00a0A\u00a0»" } }],
    });
    expect(refuseFields({ libelle: "required", description: "too_long" }).refusals).toEqual([
      { code: "required", field: "libelle" },
      { code: "too_long", field: "description" },
    ]);
  });

  it("map to the forms' field → key and parameters, the first refusal of a field winning", () => {
    expect(
      refusalsByField([
        { code: "path_taken", field: "path" },
        { code: "path_invalid", field: "path" },
        { code: "no_instructeur", field: "no_instructeur" },
        { code: "type_used_by_conditions", field: "type", params: { champs: "«\u00a0A\u00a0»" } },
      ]),
    ).toEqual({
      errors: { path: "path_taken", no_instructeur: "no_instructeur", type: "type_used_by_conditions" },
      errorParams: { type: { champs: "«\u00a0A\u00a0»" } },
    });
  });

  it("map to one sentence for the CLI, naming the field of a code it does not explain", () => {
    expect(
      describeRefusals(
        [
          { code: "expires_at_past", field: "expiresAt" },
          { code: "name_too_long", field: "name" },
        ],
        { expires_at_past: "the expiry date is in the past" },
      ),
    ).toBe("the expiry date is in the past; name: name_too_long");
  });
});
