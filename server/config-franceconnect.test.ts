import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const base = { DATA_DIR: "/tmp/guichet-config-test", SESSION_SECRET: "x".repeat(32) };
const client = {
  FRANCECONNECT_ISSUER: "https://fcp-low.integ01.dev-franceconnect.fr/api/v2/",
  FRANCECONNECT_CLIENT_ID: "client-id",
  FRANCECONNECT_CLIENT_SECRET: "a-secret",
};

describe("FranceConnect configuration", () => {
  it("derives the redirect and post-logout URIs from APP_URL", () => {
    const config = loadConfig({ ...base, ...client, APP_URL: "https://guichet.exemple.fr/" });
    expect(config.franceConnect).toEqual({
      issuer: "https://fcp-low.integ01.dev-franceconnect.fr/api/v2",
      clientId: "client-id",
      clientSecret: "a-secret",
      redirectUri: "https://guichet.exemple.fr/france_connect/particulier/callback",
      postLogoutRedirectUri: "https://guichet.exemple.fr/",
    });
    expect(config.franceConnectLocalProvider).toBe(false);
  });

  it("is off without configuration in production and test; development runs the local stand-in", () => {
    const production = loadConfig({ ...base, NODE_ENV: "production" });
    expect(production.franceConnect).toBeNull();
    expect(production.franceConnectLocalProvider).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: "test" }).franceConnectLocalProvider).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: "development" }).franceConnectLocalProvider).toBe(true);
    expect(loadConfig({ ...base, FRANCECONNECT_LOCAL_PROVIDER: "false" }).franceConnectLocalProvider).toBe(false);
    expect(loadConfig({ ...base, NODE_ENV: "test", FRANCECONNECT_LOCAL_PROVIDER: "true" }).franceConnectLocalProvider).toBe(true);
  });

  it("refuses half a configuration, plain http in production and the stand-in in production, naming the variable", () => {
    expect(() => loadConfig({ ...base, FRANCECONNECT_ISSUER: client.FRANCECONNECT_ISSUER })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, FRANCECONNECT_CLIENT_ID: "x" })).toThrow(/FRANCECONNECT_CLIENT_SECRET/);
    expect(() =>
      loadConfig({ ...base, ...client, NODE_ENV: "production", FRANCECONNECT_ISSUER: "http://fc.exemple.fr" }),
    ).toThrow(/FRANCECONNECT_ISSUER: must start with https/);
    expect(() => loadConfig({ ...base, NODE_ENV: "production", FRANCECONNECT_LOCAL_PROVIDER: "true" })).toThrow(
      /FRANCECONNECT_LOCAL_PROVIDER/,
    );
    expect(() => loadConfig({ ...base, FRANCECONNECT_ISSUER: "ftp://fc" })).toThrow(/FRANCECONNECT_ISSUER/);
  });

  it("never puts the secret in an error message", () => {
    try {
      loadConfig({ ...base, ...client, NODE_ENV: "production", FRANCECONNECT_ISSUER: "http://fc.exemple.fr" });
    } catch (error) {
      expect(String(error)).not.toContain("a-secret");
    }
  });
});
