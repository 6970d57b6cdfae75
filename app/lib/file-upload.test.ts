import { describe, expect, it } from "vitest";
import { fileEndpointsBase, fileFieldEndpoint } from "./file-upload";

describe("fileEndpointsBase", () => {
  it.each([
    ["/dossiers/12/brouillon", "/dossiers/12"],
    ["/dossiers/12/modifier/", "/dossiers/12"],
    ["/procedures/3/dossiers/12", "/procedures/3/dossiers/12"],
    ["/procedures/3/dossiers/12/", "/procedures/3/dossiers/12"],
  ])("%s → %s", (pathname, base) => expect(fileEndpointsBase(pathname)).toBe(base));

  it.each([
    "/dossiers/12",
    "/admin/procedures/3/apercu",
    "/procedures/3",
    "/procedures/3/dossiers/12/messagerie",
    "/commencer/x",
  ])("no endpoints on %s", (pathname) => expect(fileEndpointsBase(pathname)).toBeNull());
});

it("puts the field key in one path segment", () => {
  expect(fileFieldEndpoint("/procedures/3/dossiers/12", "34|k3f9a")).toBe("/procedures/3/dossiers/12/pieces-jointes/34%7Ck3f9a");
});
