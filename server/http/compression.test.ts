import { describe, expect, it } from "vitest";
import { negotiateEncoding } from "./compression";

describe("negotiateEncoding", () => {
  it("prefers brotli, then gzip, as the client allows", () => {
    expect(negotiateEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateEncoding("gzip, deflate")).toBe("gzip");
    expect(negotiateEncoding("br;q=0.5, gzip")).toBe("gzip");
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("*;q=0, gzip")).toBe("gzip");
  });

  it("sends nothing encoded when the client accepts neither", () => {
    expect(negotiateEncoding(undefined)).toBeNull();
    expect(negotiateEncoding("")).toBeNull();
    expect(negotiateEncoding("identity")).toBeNull();
    expect(negotiateEncoding("deflate")).toBeNull();
    expect(negotiateEncoding("br;q=0, gzip;q=0")).toBeNull();
  });
});
