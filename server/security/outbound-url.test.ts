import { describe, expect, it } from "vitest";
import { checkOutboundUrl, isPrivateAddress } from "./outbound-url";

describe("outbound URL guard", () => {
  it("classifies private, loopback and link-local addresses", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
      "::1",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "100.64.0.1",
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "93.184.216.34"]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });

  it("refuses IP literals and names resolving to private addresses unless allowed", async () => {
    expect(await checkOutboundUrl("http://127.0.0.1:8080/hook", false)).toBe("private_address");
    expect(await checkOutboundUrl("http://[::1]/hook", false)).toBe("private_address");
    expect(await checkOutboundUrl("http://169.254.169.254/latest/meta-data", false)).toBe("private_address");
    expect(await checkOutboundUrl("http://localhost/hook", false)).toBe("private_address");
    expect(await checkOutboundUrl("http://127.0.0.1:8080/hook", true)).toBeNull();
    expect(await checkOutboundUrl("https://8.8.8.8/hook", false)).toBeNull();
  });
});
