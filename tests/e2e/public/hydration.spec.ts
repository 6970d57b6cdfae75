import type { Page } from "@playwright/test";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * The main pages of each persona, and the 404 pages a signed-in user meets, render without any browser
 * error once JavaScript runs — in a French and in an English browser. A hydration mismatch (React error
 * #418) once turned every 404 page into « Erreur inattendue » and re-rendered every page of an English
 * browser; the automatic `failOnBrowserErrors` fixture fails these tests on any such error.
 */
const DEMO_PATH = "subvention-association";

const LOCALES = [
  { browserLocale: "fr-FR", notFound: "Page introuvable", home: "Faites vos démarches en ligne" },
  { browserLocale: "en-US", notFound: "Page not found", home: "Carry out your procedures online" },
] as const;

/** Opens `path` and waits until the page is hydrated (React Router's client router is ready). */
async function openHydrated(page: Page, path: string) {
  const response = await page.goto(path);
  await page.waitForFunction(() => (window as { __reactRouterRouteModules?: unknown }).__reactRouterRouteModules !== undefined);
  // Hydration errors are reported after the first render: give React a moment to finish.
  await page.waitForLoadState("networkidle");
  return response;
}

/** The first link of the page whose path matches, as a path. */
async function firstLink(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((href) => pattern.test(href));
  if (!found) throw new Error(`no link matching ${pattern} on ${page.url()}`);
  return found;
}

for (const { browserLocale, notFound, home } of LOCALES) {
  test.describe(`pages after hydration, browser in ${browserLocale}`, { tag: "@js-only" }, () => {
    test.use({ locale: browserLocale });

    test("public pages", async ({ page }) => {
      expect((await openHydrated(page, "/"))?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(home);
      expect((await openHydrated(page, "/users/sign_in"))?.status()).toBe(200);
      expect((await openHydrated(page, `/commencer/${DEMO_PATH}`))?.status()).toBe(200);
      expect((await openHydrated(page, "/cette-page-n-existe-pas"))?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(notFound);
    });

    test("each persona's pages, and the 404 pages of objects one may not see", async ({ page, signIn }) => {
      test.setTimeout(120_000);
      // Signed in, pages speak the account's language, whatever the browser's (the demo accounts are
      // French): the browser locale still differs from the page's, which is what hydration must survive.
      const accountNotFound = LOCALES[0].notFound;
      const expectNotFound = async (target: Page, path: string) => {
        expect((await openHydrated(target, path))?.status(), path).toBe(404);
        await expect(target.getByRole("heading", { level: 1 }), path).toHaveText(accountNotFound);
      };

      // Usager: their list, a dossier that does not exist.
      await signIn(page, DEMO.usager);
      expect((await openHydrated(page, "/dossiers"))?.status()).toBe(200);
      const usagerDossier = await firstLink(page, /^\/dossiers\/\d+$/);
      await expectNotFound(page, "/dossiers/99999");

      // Instructeur (same browser, signed in anew): procedures, one procedure, the usager's dossier, unknown objects.
      await page.context().clearCookies();
      await signIn(page, DEMO.instructeur);
      expect((await openHydrated(page, "/procedures"))?.status()).toBe(200);
      const procedure = await firstLink(page, /^\/procedures\/\d+$/);
      expect((await openHydrated(page, procedure))?.status()).toBe(200);
      await expectNotFound(page, usagerDossier);
      await expectNotFound(page, "/procedures/999");
      await expectNotFound(page, `${procedure}/dossiers/99999`);

      // Administrateur: procedures, an unknown one.
      await page.context().clearCookies();
      await signIn(page, DEMO.administrateur);
      expect((await openHydrated(page, "/admin/procedures"))?.status()).toBe(200);
      await expectNotFound(page, "/admin/procedures/999");
    });
  });
}
