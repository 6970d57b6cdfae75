import { describe, expect, it } from "vitest";
import { networkAllows, parseNetwork, parseNetworkList, singleAddressRange } from "./networks";

describe("parseNetwork", () => {
  it("canonicalises valid ranges and single addresses", () => {
    expect(parseNetwork(" 192.0.2.0/24 ")).toBe("192.0.2.0/24");
    expect(parseNetwork("2001:DB8:0::/32")).toBe("2001:db8::/32");
    expect(parseNetwork("10.1.2.3")).toBe("10.1.2.3/32");
    expect(parseNetwork("::1")).toBe("::1/128");
    expect(parseNetwork("0.0.0.0/0")).toBe("0.0.0.0/0");
  });

  it.each(["10.0.0.0/33", "2001:db8::/129", "300.1.1.1", "10.0.0/8", "intranet", "10.0.0.0/8/1", "10.0.0.0/-1", "10.0.0.0/", ""])(
    "refuses %j",
    (input) => {
      expect(parseNetwork(input)).toBeNull();
    },
  );
});

describe("parseNetworkList", () => {
  it("splits on commas, semicolons and line breaks, dropping duplicates", () => {
    expect(parseNetworkList("10.0.0.0/8,\n192.0.2.1 ; 10.0.0.0/8")).toEqual({
      ok: true,
      networks: ["10.0.0.0/8", "192.0.2.1/32"],
    });
  });
  it("names every malformed entry", () => {
    expect(parseNetworkList("10.0.0.0/8, x, 1.2.3.4/40")).toEqual({ ok: false, invalid: ["x", "1.2.3.4/40"] });
  });
});

describe("networkAllows", () => {
  it("allows every address without ranges", () => {
    expect(networkAllows(null, "203.0.113.9")).toBe(true);
    expect(networkAllows([], "203.0.113.9")).toBe(true);
  });
  it("checks IPv4, IPv6 and IPv4-mapped IPv6 addresses against the ranges", () => {
    const ranges = ["10.0.0.0/8", "2001:db8::/32"];
    expect(networkAllows(ranges, "10.20.30.40")).toBe(true);
    expect(networkAllows(ranges, "::ffff:10.20.30.40")).toBe(true);
    expect(networkAllows(ranges, "2001:db8:1::5")).toBe(true);
    expect(networkAllows(ranges, "11.0.0.1")).toBe(false);
    expect(networkAllows(ranges, "2001:db9::1")).toBe(false);
    expect(networkAllows(ranges, undefined)).toBe(false);
  });
  it("gives the client's one-address range for the hint", () => {
    expect(singleAddressRange("::ffff:127.0.0.1")).toBe("127.0.0.1/32");
    expect(singleAddressRange("2001:DB8::1")).toBe("2001:db8::1/128");
  });
});
