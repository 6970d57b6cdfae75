import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const base = { DATA_DIR: "/tmp/guichet-config-test", SESSION_SECRET: "x".repeat(32) };

describe("BAN configuration (address search)", () => {
  it.each([
    [{}, "https://api-adresse.data.gouv.fr"],
    [{ NODE_ENV: "test" }, null], // tests never reach the internet
    [{ BAN_URL: "" }, null], // disabled: addresses are typed by hand
    [{ BAN_URL: "  " }, null],
    [{ BAN_URL: "http://127.0.0.1:4010" }, "http://127.0.0.1:4010"],
    [{ NODE_ENV: "test", BAN_URL: "http://127.0.0.1:4010" }, "http://127.0.0.1:4010"],
  ] as const)("%j gives %j", (env, url) => {
    expect(loadConfig({ ...base, ...env }).ban).toEqual({ url, timeoutMs: 3000 });
  });

  it("reads the timeout and refuses bad values with the variable's name", () => {
    expect(loadConfig({ ...base, BAN_TIMEOUT_MS: "1500" }).ban.timeoutMs).toBe(1500);
    expect(() => loadConfig({ ...base, BAN_URL: "ftp://ban" })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, BAN_URL: "ftp://ban" })).toThrow(/BAN_URL/);
    expect(() => loadConfig({ ...base, BAN_TIMEOUT_MS: "0" })).toThrow(/BAN_TIMEOUT_MS/);
  });
});
