import sharp from "sharp";
import { type Actor, clonePublishedDemarche, signOut, uniqueSuffix } from "../journey/steps";
import { DEMO, expect, test } from "../support/fixtures";

/**
 * The démarche's presentation files (issue 12), with and without JavaScript: on a clone of the
 * seeded démarche the administrateur uploads a logo (a PDF sent as the logo is refused, its message
 * beside the input) and a notice, and publishes; the usager sees the logo on /commencer/<path> and
 * downloads the notice, a PDF. axe on every page.
 */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

test.describe("presentation files", () => {
  test("the administrateur uploads a logo and a notice, the usager sees the logo and downloads the notice", async ({
    page,
    checkA11y,
    signIn,
    javaScriptEnabled,
  }, testInfo) => {
    test.setTimeout(300_000);
    const actor: Actor = { page, checkA11y, javaScriptEnabled };
    const suffix = uniqueSuffix(testInfo);
    const png = await sharp({ create: { width: 60, height: 60, channels: 3, background: "#000091" } })
      .png()
      .toBuffer();

    const demarche = await test.step("the administrateur uploads the logo and the notice, and publishes", async () => {
      await signIn(page, DEMO.administrateur);
      const published = await clonePublishedDemarche(actor, {
        libelle: `Subvention présentée ${suffix}`,
        path: `presentation-${suffix}`,
        configure: async ({ number }) => {
          await page.goto(`/admin/procedures/${number}/edit`);
          const logo = page.locator("#fichier-logo");
          // A file of the wrong type, whatever its name: refused, the message beside the input.
          await logo.locator('input[type="file"]').setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: PDF });
          await logo.getByRole("button", { name: /^Envoyer/ }).click();
          await expect(page.locator("#fichier-logo-file-error")).toContainText("PNG");
          await expect(page.locator("#fichier-logo-file")).toHaveAttribute("aria-describedby", /fichier-logo-file-error/);
          await checkA11y(page);
          await page
            .locator("#fichier-logo input[type=file]")
            .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
          await page
            .locator("#fichier-logo")
            .getByRole("button", { name: /^Envoyer/ })
            .click();
          await expect(page.locator("#fichier-logo")).toContainText("Le fichier a été enregistré.");
          await expect(page.getByTestId("fichier-logo-current")).toContainText("logo.png");
          const notice = page.locator("#fichier-notice");
          await notice
            .locator('input[type="file"]')
            .setInputFiles({ name: "notice.pdf", mimeType: "application/pdf", buffer: PDF });
          await notice.getByRole("button", { name: /^Envoyer/ }).click();
          await expect(page.locator("#fichier-notice")).toContainText("Le fichier a été enregistré.");
          await expect(page.getByTestId("fichier-notice-current")).toContainText("notice.pdf");
          await checkA11y(page);
        },
      });
      await signOut(actor);
      return published;
    });

    await test.step("the usager sees the logo on /commencer and downloads the notice", async () => {
      await signIn(page, DEMO.usager);
      await page.goto(`/commencer/${demarche.path}`);
      const logo = page.getByTestId("demarche-logo");
      await expect(logo).toBeVisible();
      await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(60);
      await checkA11y(page);
      const link = page.getByRole("link", { name: /notice/i }).filter({ hasText: "notice.pdf" });
      const href = await link.getAttribute("href");
      expect(href).toBe(`/demarches/${demarche.number}/notice`);
      const response = await page.request.get(href as string);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      expect(Buffer.from(await response.body())).toEqual(PDF);
    });
  });
});
