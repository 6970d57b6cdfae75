/** What every request gets whatever its route: odd URLs refused, secrets out of logs, one Referrer-Policy. */
import { RouterContextProvider } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServerBuild } from "../../../server/boot";
import { servicesContext } from "../../../server/http/context";
import { type LoggedApp, requestLineOf, startLoggedApp } from "./logged-app";

let app: LoggedApp;
beforeAll(async () => {
  app = await startLoggedApp();
});
afterAll(() => app?.stop());

describe("odd URLs", () => {
  it.each([
    "/commencer/%00",
    "/commencer/a%00b",
    "/mailbox?to=%00",
    "/mailbox?to=a%00",
    "/mailbox?%00=1",
    "/pieces-jointes/%ED%A0%80",
    "/pieces-jointes/%E0%A4%A",
    "/dossiers/%FF",
    "/api/v2/graphql?query=%ED%A0%80",
  ])("GET %s answers 400, never 500", async (path) => {
    const response = await fetch(new URL(path, app.url), { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Adresse invalide");
  });

  it("still serves well-formed escapes", async () => {
    expect((await fetch(new URL("/mailbox?to=camille%40exemple.fr", app.url))).status).toBe(200);
    expect((await fetch(new URL("/commencer/d%C3%A9marche-inconnue", app.url))).status).toBe(404);
  });

  it("logs every error as one JSON line", async () => {
    const before = app.lines.length;
    const build = await loadServerBuild();
    const handleError = build.entry.module.handleError;
    expect(handleError).toBeTypeOf("function");
    const context = new RouterContextProvider();
    context.set(servicesContext, { config: app.database.config, db: app.database.db, logger: app.logger });
    const request = new Request("http://guichet.test/users/password/edit?token=s3cret");
    handleError?.(new Error("boom\nsecond line"), { request, params: {}, context });
    // Request lines of the earlier tests' fetches may still arrive (written when a response finishes).
    const isRequestLine = (line: string) => {
      try {
        return JSON.parse(line).msg === "request";
      } catch {
        return false;
      }
    };
    const written = app.lines.slice(before).filter((line) => !isRequestLine(line));
    expect(written).toHaveLength(1);
    const line = written[0] as string;
    expect(line.trimEnd().split("\n")).toHaveLength(1);
    const entry = JSON.parse(line);
    expect(entry).toMatchObject({ level: 50, msg: "page error", url: "/users/password/edit?token=[redacted]" });
    expect(entry.err.message).toBe("boom\nsecond line");
    expect(line).not.toContain("s3cret");
  });
});

describe("page log", () => {
  it("logs an unknown page as a request, not as an error", async () => {
    const before = app.lines.length;
    expect((await fetch(new URL("/page-inconnue?token=abc123", app.url))).status).toBe(404);
    await requestLineOf(app, "/page-inconnue");
    const written = app.lines.slice(before).map((line) => JSON.parse(line));
    expect(written).toContainEqual(expect.objectContaining({ level: 30, msg: "request", status: 404 }));
    expect(written.filter((entry) => entry.level >= 50)).toEqual([]);
    expect(app.lines.slice(before).join("")).not.toContain("abc123");
  });
});

describe("request log", () => {
  it("redacts one-time tokens, prefill tokens and signatures", async () => {
    const secrets = ["confirm-s3cret", "reset-s3cret", "invite-s3cret", "prefill-s3cret", "sig-s3cret"];
    const paths = [
      `/users/confirmation?token=${secrets[0]}`,
      `/users/password/edit?token=${secrets[1]}`,
      `/users/invitation?token=${secrets[2]}`,
      `/commencer/inconnue?prefill_token=${secrets[3]}`,
      `/pieces-jointes/1?expires=1&signature=${secrets[4]}`,
    ];
    for (const path of paths) await fetch(new URL(path, app.url), { redirect: "manual" });
    // Each request's own line, found by its path without the query (lines may arrive out of order).
    const lines = await Promise.all(paths.map((path) => requestLineOf(app, path.split("?")[0] ?? path)));
    const urls = lines.map((line) => JSON.parse(line).url);
    expect(urls).toContain("/users/confirmation?token=[redacted]");
    expect(urls).toContain("/pieces-jointes/1?expires=1&signature=[redacted]");
    for (const secret of secrets) expect(app.lines.join("")).not.toContain(secret);
  });
});

describe("Referrer-Policy", () => {
  it.each([
    ["/", "strict-origin-when-cross-origin"],
    ["/users/sign_in", "same-origin"],
    ["/users/password/new", "same-origin"],
    ["/page-inconnue", "strict-origin-when-cross-origin"],
    ["/healthz", "strict-origin-when-cross-origin"],
  ])("%s has one: %s", async (path, policy) => {
    const response = await fetch(new URL(path, app.url), { redirect: "manual" });
    expect(response.headers.get("referrer-policy")).toBe(policy);
  });
});
