import { describe, expect, it } from "vitest";
import { cleanRedirectPath, ZRedirectPath } from "./redirect-path";

describe("cleanRedirectPath", () => {
  it.each(["/", "/commencer/aide-logement", "/dossiers/12?tab=messages", "/admin/procedures#liste"])("keeps %s", (path) => {
    expect(cleanRedirectPath(path)).toBe(path);
  });

  it.each([
    ["another site", "https://evil.example/"],
    ["protocol-relative", "//evil.example"],
    ["backslash", "/\\evil.example"],
    ["tab dropped by browsers", "/\t/evil.example"],
    ["newline dropped by browsers", "/\n/evil.example"],
    ["relative", "dossiers"],
    ["javascript", "javascript:alert(1)"],
    ["empty", ""],
    ["too long", `/${"a".repeat(2001)}`],
    ["the account pages", "/users/sign_out"],
    ["the account pages, query", "/users?x=1"],
  ])("refuses %s", (_label, value) => {
    expect(cleanRedirectPath(value)).toBeUndefined();
  });

  it("refuses what is not a string", () => {
    expect(cleanRedirectPath(undefined)).toBeUndefined();
    expect(cleanRedirectPath(null)).toBeUndefined();
    expect(cleanRedirectPath(["/a"])).toBeUndefined();
  });

  it("drops an unsafe value in a schema instead of failing", () => {
    expect(ZRedirectPath.parse("//evil.example")).toBeUndefined();
    expect(ZRedirectPath.parse("/commencer/x")).toBe("/commencer/x");
    expect(ZRedirectPath.parse(undefined)).toBeUndefined();
  });
});
