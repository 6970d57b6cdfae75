import { describe, expect, it } from "vitest";
import { isLoopbackHost, loadConfig, startupWarnings } from "./config";

const base = { DATA_DIR: "/tmp/guichet-config-test", SESSION_SECRET: "x".repeat(32) };

describe("local mailbox (/mailbox)", () => {
  it.each([
    [{}, true], // development on 127.0.0.1, mail to the mailbox
    [{ HOST: "localhost" }, true],
    [{ HOST: "::1" }, true],
    [{ HOST: "0.0.0.0" }, false], // reachable by others: it shows password-reset links
    [{ HOST: "192.168.1.10" }, false],
    [{ SMTP_URL: "smtp://mail.example:25" }, false], // mail really goes out: nothing to read there
    [{ NODE_ENV: "production" }, false],
    [{ HOST: "0.0.0.0", MAILBOX_ENABLED: "true" }, true], // explicit setting
    [{ MAILBOX_ENABLED: "false" }, false],
    [{ MAILBOX_ENABLED: "" }, true],
  ] as const)("%j: %s", (env, enabled) => {
    expect(loadConfig({ ...base, ...env }).mailboxEnabled).toBe(enabled);
  });

  it("refuses another value with the variable's name", () => {
    expect(() => loadConfig({ ...base, MAILBOX_ENABLED: "yes" })).toThrow(/MAILBOX_ENABLED/);
  });
});

describe("start-up warnings", () => {
  it("warns when a server others can reach runs without NODE_ENV=production", () => {
    expect(startupWarnings(loadConfig({ ...base, HOST: "0.0.0.0" }))).toEqual([
      expect.stringContaining("without NODE_ENV=production"),
    ]);
    expect(startupWarnings(loadConfig({ ...base, HOST: "0.0.0.0", MAILBOX_ENABLED: "true" }))).toHaveLength(2);
    expect(startupWarnings(loadConfig({ ...base }))).toEqual([]);
    expect(startupWarnings(loadConfig({ ...base, HOST: "0.0.0.0", NODE_ENV: "production" }))).toEqual([]);
  });

  it.each([
    ["127.0.0.1", true],
    ["127.1.2.3", true],
    ["[::1]", true],
    ["localhost", true],
    ["0.0.0.0", false],
    ["::", false],
    ["guichet.example", false],
  ])("%s is loopback: %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });
});

describe("worker liveness", () => {
  it("defaults to a beat every 15 s and death after 45 s, and refuses a timeout shorter than two beats", () => {
    expect(loadConfig(base).workerLiveness).toEqual({ heartbeatMs: 15_000, deadAfterMs: 45_000 });
    expect(loadConfig({ ...base, WORKER_HEARTBEAT_MS: "200", WORKER_DEAD_AFTER_MS: "1500" }).workerLiveness).toEqual({
      heartbeatMs: 200,
      deadAfterMs: 1500,
    });
    expect(() => loadConfig({ ...base, WORKER_HEARTBEAT_MS: "30000" })).toThrow(/WORKER_DEAD_AFTER_MS/);
  });
});
