import { describe, expect, it } from "vitest";
import { decodeUploadErrors, deleteFileValue, encodeUploadErrors, parseDeleteFileValue, readUploadErrors } from "./upload-errors";

const ID = "0b6f6f2e-1a2b-4c3d-8e9f-0123456789ab";

describe("upload errors field", () => {
  it("round-trips, keyed by field key (rows included), first error per field", () => {
    const raw = encodeUploadErrors([
      { key: "12", error: { code: "file_too_large", params: { libelle: "Justificatif", filename: "a.pdf", max: "200 Mo" } } },
      { key: "12", error: { code: "file_empty", params: { libelle: "Justificatif", filename: "b.pdf" } } },
      { key: "7|k3f9a", error: { code: "file_format_not_accepted", params: { libelle: "Photo", filename: "x.png" } } },
    ]);
    expect(decodeUploadErrors(raw)).toEqual({
      "12": { code: "file_too_large", params: { libelle: "Justificatif", filename: "a.pdf", max: "200 Mo" } },
      "7|k3f9a": { code: "file_format_not_accepted", params: { libelle: "Photo", filename: "x.png" } },
    });
    expect(readUploadErrors(new Map([["_upload_errors", raw]]))).toHaveProperty("12");
  });

  it.each([
    ["absent", undefined],
    ["not JSON", "{"],
    ["unknown code", JSON.stringify([{ key: "1", error: { code: "boom" } }])],
    ["bad key", JSON.stringify([{ key: "../1", error: { code: "required" } }])],
    ["not a list", JSON.stringify({ key: "1" })],
  ])("%s reads as no error", (_label, raw) => expect(decodeUploadErrors(raw)).toEqual({}));
});

describe("delete file checkbox value", () => {
  it("round-trips and refuses anything else", () => {
    expect(parseDeleteFileValue(deleteFileValue("12|k3f9a", ID))).toEqual({ key: "12|k3f9a", attachmentId: ID });
    expect(parseDeleteFileValue("12")).toBeNull();
    expect(parseDeleteFileValue(`x/${ID}`)).toBeNull();
    expect(parseDeleteFileValue("12/not-an-id")).toBeNull();
  });
});
