import { describe, expect, it } from "vitest";
import { translate } from "../../common/i18n";
import { ATTESTATION_IMAGE_SPECS, DEMARCHE_FILE_SPECS } from "../domain/demarches/presentation-files";
import { OPTIONS_IMPORT_PARAM } from "../domain/demarches/options-editors/csv-import";
import { UPLOAD_GATES, pageBodyLimit, uploadGateMessage, uploadGateOf } from "./upload-gates";

const MULTIPART = { "content-type": "multipart/form-data; boundary=x" };
const post = (url: string, headers: Record<string, string> = MULTIPART) => ({ method: "POST", url, headers });
const FORM = 100 * 1024;
const MB = 1024 * 1024;

/** For each entry: a request it gates, with and without JavaScript (`.data`), and its cap. */
const CASES: Array<[name: string, url: string, mode: "buffered" | "streamed", maxBytes: number]> = [
  ["options-import", `/admin/procedures/3/champs?${OPTIONS_IMPORT_PARAM}=12`, "buffered", 4 * MB],
  ["groupes-import", "/admin/procedures/3/groupes/7?import", "buffered", 4 * MB],
  ["demarche-logo", "/admin/procedures/3/edit?fichier=logo", "streamed", DEMARCHE_FILE_SPECS.logo.maxBytes],
  ["demarche-notice", "/admin/procedures/3/edit?fichier=notice", "streamed", DEMARCHE_FILE_SPECS.notice.maxBytes],
  ["demarche-deliberation", "/admin/procedures/3/edit?fichier=deliberation", "streamed", 20 * MB],
  [
    "attestation-logo",
    "/admin/procedures/3/attestations?image=logo&kind=acceptation",
    "streamed",
    ATTESTATION_IMAGE_SPECS.logo.maxBytes,
  ],
  ["attestation-signature", "/admin/procedures/3/attestations?image=signature&kind=refus", "streamed", 1 * MB],
];

describe("the upload gates table", () => {
  it("has exactly one tested case per entry", () => {
    expect(UPLOAD_GATES.map((g) => g.name).sort()).toEqual(CASES.map(([name]) => name).sort());
  });

  it.each(CASES)("%s: gates its page (with or without JavaScript) at its cap", (name, url, mode, maxBytes) => {
    const gate = uploadGateOf(post(url));
    expect(gate?.name).toBe(name);
    expect([gate?.mode, gate?.maxBytes]).toEqual([mode, maxBytes]);
    const [path, query] = url.split("?");
    expect(uploadGateOf(post(`${path}.data?${query}`))?.name).toBe(name);
    // Only a multipart POST with the marking parameter.
    expect(uploadGateOf({ method: "GET", url, headers: MULTIPART })).toBeNull();
    expect(uploadGateOf(post(url, { "content-type": "application/x-www-form-urlencoded" }))).toBeNull();
    expect(uploadGateOf(post(path ?? ""))).toBeNull();
    expect(uploadGateOf(post(`/admin/procedures/3/autre?${query}`))).toBeNull();
    // A buffered entry raises the page's body limit; a streamed one is read before the limit applies.
    expect(pageBodyLimit(post(url), FORM)).toBe(mode === "buffered" ? maxBytes : FORM);
  });

  it.each(CASES)("%s: names its cap in French and English", (name) => {
    const gate = UPLOAD_GATES.find((g) => g.name === name);
    if (!gate) throw new Error(name);
    for (const locale of ["fr", "en"] as const) {
      const message = uploadGateMessage(gate, locale);
      expect(message).not.toContain(gate.messageKey);
      expect(message).toMatch(/\d+ (Mo|MB)/);
    }
    expect(uploadGateMessage(gate, "fr")).not.toBe(uploadGateMessage(gate, "en"));
  });

  it("leaves every other request to the ordinary form limit", () => {
    expect(uploadGateOf(post("/admin/procedures/3/edit?fichier=photo"))).toBeNull();
    expect(uploadGateOf(post("/admin/procedures/3/edit"))).toBeNull();
    expect(pageBodyLimit(post("/admin/procedures/3/edit"), FORM)).toBe(FORM);
    expect(translate("fr", "fichiers.errors.formSizeUnknown")).not.toBe(translate("en", "fichiers.errors.formSizeUnknown"));
  });
});
