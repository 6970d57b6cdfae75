/**
 * Fixtures and helpers of the browser tests. Import `test` and `expect` from here, not from
 * @playwright/test:
 *
 *   import { expect, test } from "../support/fixtures";
 *   test("…", async ({ page, checkA11y, signIn, readMailbox }) => { … });
 *
 * Conventions
 * - Every spec runs under the `js` and `nojs` projects (see playwright.config.ts); `javaScriptEnabled`
 *   tells which one is running. Tag a test `{ tag: "@js-only" }` or `{ tag: "@nojs-only" }` to keep
 *   it in one project.
 * - Accessibility: call `await checkA11y(page)` on every page a journey visits (after it has
 *   loaded, and again after an action that changes the page, e.g. a form shown with errors). It
 *   runs axe-core with the WCAG 2.0/2.1 A and AA rules and fails with a readable list of violations.
 *   A page whose structure (page-structure.ts: elements, roles, classes, ids, which texts are present,
 *   not the words) axe already found clean in this run, with or without JavaScript, is not analysed again.
 *   It is explicit rather than automatic so that it runs on the page the test means (after client
 *   navigation and rendering), not on a half-loaded one.
 * - Browser errors: every test fails when a page of its browser context throws (`pageerror`) or logs a
 *   console error — React's hydration errors included —, listed at the end (`failOnBrowserErrors`,
 *   automatic). The only console error tolerated is the browser's own line about a 4xx answer given on
 *   purpose (a 404 page the test opens, a form answered with its errors, a refused upload): see
 *   `isRefusalOnPurpose`.
 */
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Browser, test as base, expect, type Page, type Request } from "@playwright/test";
import pg from "pg";
import { isCleanStructure, pageStructureDigest, recordCleanStructure } from "./page-structure";

export { expect };

/**
 * The global setup starts one platform per worker and lists them (E2E_BASE_URLS…); this worker takes
 * its own, by its parallel index (stable for the worker's life, unique among the workers running at
 * the same time), under the single names the specs and fixtures read.
 */
function takeThisWorkersPlatform() {
  const slot = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
  for (const name of ["E2E_BASE_URL", "E2E_API_TOKEN", "E2E_DATABASE_URL"]) {
    const list = process.env[`${name}S`]?.split(" ").filter(Boolean);
    if (list && list.length > 0) process.env[name] = list[slot % list.length];
  }
}
takeThisWorkersPlatform();

export const DEMO_PASSWORD = "guichet-demo-2026";
export const DEMO = {
  administrateur: "administrateur@exemple.fr",
  instructeur: "instructeur@exemple.fr",
  usager: "usager@exemple.fr",
  expert: "expert@exemple.fr",
} as const;

export const A11Y_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Violations already reported and not yet fixed, left out of checkA11y's verdict one element at a
 * time (never a whole rule). Each one is listed as an annotation of the test. Remove an entry as
 * soon as the fix lands.
 */
export const KNOWN_VIOLATIONS: Array<{ rule: string; target: string; javaScript: "on" | "off" | "both"; reason: string }> = [];

function withoutKnownViolations(violations: AxeViolation[], javaScript: boolean): AxeViolation[] {
  const kept: AxeViolation[] = [];
  for (const violation of violations) {
    const nodes = violation.nodes.filter((node) => {
      const known = KNOWN_VIOLATIONS.find(
        (k) =>
          k.rule === violation.id &&
          node.target.join(" ") === k.target &&
          (k.javaScript === "both" || (k.javaScript === "on") === javaScript),
      );
      if (known) {
        const description = `${known.rule} on ${known.target}: ${known.reason}`;
        const annotations = test.info().annotations;
        if (!annotations.some((a) => a.description === description))
          annotations.push({ type: "known a11y violation", description });
      }
      return !known;
    });
    if (nodes.length > 0) kept.push({ ...violation, nodes });
  }
  return kept;
}

type AxeViolation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

export interface A11yOptions {
  /** CSS selectors left out of the analysis (a third-party widget…). Say why in the test. */
  exclude?: string[];
  /** axe rule ids not run, for a known and reported problem. Say why in the test. */
  disableRules?: string[];
  /** Whether the page runs JavaScript; the fixture passes the project's setting. */
  javaScriptEnabled?: boolean;
}

export interface MailboxMessage {
  subject: string;
  text: string;
  /** Absolute links of the platform found in the mail, in order, without duplicates. */
  links: string[];
}

export interface MailboxOptions {
  /** Only a message whose subject matches. */
  subject?: string | RegExp;
  /** How long to wait for the message (mails are sent by a job). Default 15 s. */
  timeoutMs?: number;
}

type Fixtures = {
  failOnBrowserErrors: undefined;
  checkA11y: (page: Page, options?: A11yOptions) => Promise<void>;
  signIn: (page: Page, email: string, password?: string) => Promise<void>;
  readMailbox: (source: Page | APIRequestContext, to: string, options?: MailboxOptions) => Promise<MailboxMessage>;
};

export const test = base.extend<Fixtures>({
  // The global setup sets E2E_BASE_URL after the configuration was first read: take it at test time.
  baseURL: async ({ baseURL }, use) => {
    await use(process.env.E2E_BASE_URL ?? baseURL);
  },
  failOnBrowserErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      /** Pages and React Router data requests answered with a 4xx status: the browser logs a console error for each. */
      const refusedResponses = new Set<string>();
      context.on("response", (response) => {
        if (isRefusalOnPurpose(response.request(), response.url(), response.status())) refusedResponses.add(response.url());
      });
      const watch = (page: Page) => {
        page.on("pageerror", (error) => errors.push(`page error on ${page.url()}: ${error.message}`));
        page.on("console", (message) => {
          const { url } = message.location();
          if (message.type() !== "error" || isExpectedConsoleError(message.text(), url, refusedResponses)) return;
          errors.push(`console error on ${page.url()}: ${message.text()} (${url})`);
        });
      };
      for (const page of context.pages()) watch(page);
      context.on("page", watch);
      await use(undefined);
      expect(errors, `the browser reported ${errors.length} error(s):\n${errors.join("\n")}`).toEqual([]);
    },
    { auto: true },
  ],
  checkA11y: async ({ javaScriptEnabled }, use) => {
    await use((page, options) => checkA11y(page, { javaScriptEnabled, ...options }));
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  signIn: async ({}, use) => {
    await use(signIn);
  },
  readMailbox: async ({ baseURL }, use) => {
    await use((source, to, options) => readMailbox(source, to, { ...options, baseURL: baseURL as string }));
  },
});

/**
 * A 4xx answer the platform gives on purpose and the page then shows: an error page (404, 403…) a test
 * opens, a React Router data request (`….data`) answering a form with its errors (400, 422), a limit
 * (429) or an error page met by client navigation, or a file upload refused with its reason (415, 413).
 * A 5xx is never on purpose.
 */
function isRefusalOnPurpose(request: Request, url: string, status: number): boolean {
  if (status < 400 || status >= 500) return false;
  const { pathname } = new URL(url);
  if (request.resourceType() === "document" || pathname.endsWith(".data")) return true;
  return request.method() === "POST" && /^(\/procedures\/\d+)?\/dossiers\/\d+\/pieces-jointes\//.test(pathname);
}

/**
 * The one console error that is no defect: Chromium logs « Failed to load resource: the server
 * responded with a status of 4xx » for every response with an error status, including the refusals on
 * purpose above (whose content the test checks itself).
 */
export function isExpectedConsoleError(text: string, url: string, refusedResponses: ReadonlySet<string>): boolean {
  // The console names the page's URL with its fragment (a form posted to `…#section`); responses have none.
  return (
    /^Failed to load resource: the server responded with a status of 4\d\d\b/.test(text) &&
    refusedResponses.has(url.split("#")[0] as string)
  );
}

/**
 * Runs axe on the page as it is now; fails listing each violation with its elements.
 *
 * axe runs inside the page, so it hangs on a page without JavaScript (dequelabs/axe-core-npm#529).
 * Under the `nojs` project the DOM the browser shows (the server's HTML) is therefore copied into a
 * JavaScript-enabled page at the same URL, with every script removed and blocked so that nothing
 * changes it, and with the same stylesheets (contrast rules need them); axe runs there.
 */
export async function checkA11y(page: Page, options: A11yOptions = {}) {
  // Once per page structure and run (see page-structure.ts); E2E_A11Y_EVERY_PAGE=1 checks every call.
  const structure = process.env.E2E_A11Y_EVERY_PAGE
    ? undefined
    : `${JSON.stringify([options.exclude, options.disableRules])}|${pageStructureDigest(await page.content())}`;
  if (structure && isCleanStructure(structure)) return;
  const analyze = async (target: Page) => {
    let builder = new AxeBuilder({ page: target }).withTags(A11Y_TAGS);
    if (options.exclude?.length) for (const selector of options.exclude) builder = builder.exclude(selector);
    if (options.disableRules?.length) builder = builder.disableRules(options.disableRules);
    return builder.analyze();
  };
  const results = options.javaScriptEnabled === false ? await analyzeCopy(page, analyze) : await analyze(page);
  results.violations = withoutKnownViolations(results.violations, options.javaScriptEnabled !== false);
  const report = results.violations.map((v) => {
    const nodes = v.nodes.map((n) => {
      const summary = (n.failureSummary ?? "")
        .split("\n")
        .map((l) => `        ${l}`)
        .join("\n");
      return `    - ${n.target.join(" ")}\n      ${n.html.slice(0, 200)}\n${summary}`;
    });
    return `[${v.impact ?? "?"}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes.join("\n")}`;
  });
  expect(
    results.violations.length,
    `axe found ${results.violations.length} accessibility violation(s) on ${page.url()}:\n\n${report.join("\n\n")}\n`,
  ).toBe(0);
  if (structure) recordCleanStructure(structure);
}

/** One JavaScript-enabled page per browser (so per test worker), reused: a warm cache makes it fast. */
const copyPages = new WeakMap<Browser, { page: Page; snapshots: Map<string, string> }>();

async function analyzeCopy<T>(page: Page, analyze: (target: Page) => Promise<T>): Promise<T> {
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/gi, "");
  const url = page.url();
  const browser = page.context().browser();
  if (!browser) throw new Error("checkA11y: no browser to open a JavaScript-enabled copy of the page");
  let entry = copyPages.get(browser);
  if (!entry || entry.page.isClosed()) {
    const context = await browser.newContext({ javaScriptEnabled: true, bypassCSP: true, locale: "fr-FR" });
    const snapshots = new Map<string, string>();
    // Routing turns the browser's HTTP cache off: stylesheets, fonts and images are kept here instead,
    // so each check does not download them all again.
    const assets = new Map<string, { status: number; headers: Record<string, string>; body: Buffer }>();
    const copy = await context.newPage();
    await copy.route("**/*", async (route) => {
      const url = route.request().url();
      const snapshot = snapshots.get(url);
      if (snapshot !== undefined) {
        return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: snapshot });
      }
      // Nothing may run in the copy but axe.
      if (/\.m?js(\?|$)/.test(url)) return route.abort();
      let asset = assets.get(url);
      if (!asset) {
        const response = await route.fetch();
        asset = { status: response.status(), headers: response.headers(), body: await response.body() };
        if (response.ok()) assets.set(url, asset);
      }
      return route.fulfill(asset);
    });
    entry = { page: copy, snapshots };
    copyPages.set(browser, entry);
  }
  const viewport = page.viewportSize();
  if (viewport) await entry.page.setViewportSize(viewport);
  entry.snapshots.set(url, html);
  try {
    await entry.page.goto(url);
    return await analyze(entry.page);
  } finally {
    entry.snapshots.delete(url);
  }
}

/** Signs in through the real form (works with and without JavaScript) and checks it left the form. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD) {
  await page.goto("/users/sign_in");
  const form = page.locator("form", { has: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/users/sign_in"), { timeout: 15_000 }),
    form.locator('[type="submit"]').first().click(),
  ]).catch(async (error: Error) => {
    const alert = await page
      .locator(".fr-alert, .fr-error-text")
      .allInnerTexts()
      .catch(() => []);
    const pageText = alert.length
      ? ""
      : await page
          .locator("body")
          .textContent()
          .catch(() => "");
    const body = (pageText ?? "").trim().slice(0, 200);
    throw new Error(`sign-in failed for ${email} (on ${page.url()}): ${alert.join(" | ") || body || error.message}`);
  });
}

/**
 * The newest mail sent to `to` (optionally whose subject matches), waiting for it since mails are
 * sent by a job, read like a person would from the local mailbox (development/embedded mode):
 * the list `/mailbox?to=<address>` (rows `tr[data-message-id]`, newest first, subject linking to
 * `/mailbox/<id>`), then the message page (subject in the <h1>, text version in the <pre>).
 *
 * When /mailbox answers 404 (a server without the page), the table mailbox_messages is read
 * through SQL instead, which is possible only when the e2e server runs on PostgreSQL
 * (DATABASE_URL set; the embedded database lives inside the server process).
 */
export async function readMailbox(
  source: Page | APIRequestContext,
  to: string,
  options: MailboxOptions & { baseURL: string },
): Promise<MailboxMessage> {
  const request = "request" in source ? source.request : source;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const origin = new URL(options.baseURL).origin;
  const recipient = to.trim().toLowerCase();
  let lastProblem = "no message yet";
  for (;;) {
    const response = await request.get(new URL(`/mailbox?to=${encodeURIComponent(recipient)}`, options.baseURL).toString());
    let message: MailboxMessage | null = null;
    if (response.status() === 404) {
      message = await readMailboxTable(recipient, options.subject, origin);
    } else if (response.ok()) {
      const row = findMailboxRow(await response.text(), recipient, options.subject);
      if (row) {
        const page = await request.get(new URL(`/mailbox/${row.id}`, options.baseURL).toString());
        if (!page.ok()) throw new Error(`readMailbox: /mailbox/${row.id} answered HTTP ${page.status()}`);
        message = parseMailboxMessage(await page.text(), origin);
      }
    } else {
      lastProblem = `/mailbox answered HTTP ${response.status()}`;
    }
    if (message) return message;
    if (Date.now() > deadline) {
      throw new Error(`no mail to ${to}${options.subject ? ` matching ${options.subject}` : ""}: ${lastProblem}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function matches(subject: string, wanted: string | RegExp | undefined) {
  if (wanted === undefined) return true;
  return typeof wanted === "string" ? subject.includes(wanted) : wanted.test(subject);
}

function decodeEntities(html: string): string {
  return html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number.parseInt(dec, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}

function textOf(html: string): string {
  return decodeEntities(html.replace(/<!--[\s\S]*?-->/g, "").replace(/<[^>]+>/g, ""));
}

/** Absolute URLs of the platform in a text (mail links are written out in full), in order, once each. */
export function extractLinks(text: string, origin: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"'`]+/g) ?? [];
  return [...new Set(found.map((u) => u.replace(/[.,;:!?)\]»]+$/, "")).filter((u) => u.startsWith(origin)))];
}

function findMailboxRow(html: string, to: string, subject: string | RegExp | undefined): { id: string } | null {
  for (const row of html.match(/<tr[^>]*data-message-id="\d+"[\s\S]*?<\/tr>/g) ?? []) {
    const id = row.match(/data-message-id="(\d+)"/)?.[1];
    const cells = (row.match(/<td[^>]*>[\s\S]*?<\/td>/g) ?? []).map((cell) => textOf(cell).trim());
    if (!id || cells[0]?.toLowerCase() !== to) continue;
    if (matches(cells[1] ?? "", subject)) return { id };
  }
  return null;
}

function parseMailboxMessage(html: string, origin: string): MailboxMessage {
  const main = html.match(/<main[\s\S]*?<\/main>/)?.[0] ?? html;
  const subject = textOf(main.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? "").trim();
  const text = textOf(main.match(/<pre[^>]*>([\s\S]*?)<\/pre>/)?.[1] ?? "");
  return { subject, text, links: extractLinks(text, origin) };
}

async function readMailboxTable(
  to: string,
  subject: string | RegExp | undefined,
  origin: string,
): Promise<MailboxMessage | null> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) {
    throw new Error(
      "readMailbox: the server has no /mailbox page and uses the embedded database; run with DATABASE_URL to read mailbox_messages through SQL",
    );
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ subject: string; text: string }>(
      'select subject, text from mailbox_messages where lower("to") = $1 order by id desc',
      [to],
    );
    const row = rows.find((r) => matches(r.subject, subject));
    return row ? { subject: row.subject, text: row.text, links: extractLinks(row.text, origin) } : null;
  } finally {
    await client.end();
  }
}
