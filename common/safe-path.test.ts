import { describe, expect, it } from "vitest";
import { isSafeRelativePath } from "./safe-path";

describe("isSafeRelativePath", () => {
  it.each(["/", "/dossiers/12", "/commencer/x?y=1#z"])("accepts %s", (path) => expect(isSafeRelativePath(path)).toBe(true));
  it.each([
    "",
    "dossiers",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil",
    "https://evil.example",
    " /x",
    null,
    12,
  ])("refuses %j", (path) => expect(isSafeRelativePath(path)).toBe(false));
});
