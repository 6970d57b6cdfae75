import { chromium } from "@playwright/test";
const base = "http://127.0.0.1:4791";
const js = process.argv[2] === "js";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const ctx = await browser.newContext({ javaScriptEnabled: js, locale: "fr-FR", baseURL: base });
const page = await ctx.newPage();
await page.goto("/users/sign_in");
await page.fill('input[name="email"]', "usager@exemple.fr");
await page.fill('input[name="password"]', "guichet-demo-2026");
await page.locator('form:has(input[name="password"]) [type="submit"]').first().click();
await page.waitForURL((u) => !u.pathname.startsWith("/users/sign_in"));
await page.goto("/commencer/tous-les-champs");
await page.getByRole("button", { name: /^Commencer (la démarche|un nouveau dossier)$/ }).click();
await page.waitForURL(/identite$/);
console.log(await page.locator("main form").first().evaluate((f) => f.outerHTML.slice(0, 3000)));
await page.getByLabel("Mme", { exact: true }).check({ force: true });
await page.getByLabel(/^Nom\b/).fill("Durand");
await page.getByLabel(/^Prénom\b/).fill("Claire");
await page.getByRole("button", { name: "Continuer" }).click();
await page.waitForURL(/brouillon$/);
await page.getByRole("button", { name: "Déposer le dossier" }).waitFor(); await page.waitForTimeout(1500); console.log(page.url());
const out = await page.evaluate(() => {
  const rows = [];
  for (const el of document.querySelectorAll("main input, main select, main textarea, main button, main legend, main h2, main h3")) {
    const id = el.id; const lab = id ? document.querySelector(`label[for="${id}"]`)?.textContent?.trim() : "";
    rows.push(`${el.tagName} type=${el.getAttribute("type")} name=${el.getAttribute("name")} id=${id} hidden=${el.closest("[hidden]")?1:0} dis=${el.disabled?1:0} label=${lab ?? ""} text=${["LEGEND","H2","H3","BUTTON"].includes(el.tagName)? el.textContent.trim().slice(0,80):""} ${el.tagName==="SELECT"? [...el.options].slice(0,6).map(o=>o.textContent).join("|"):""}`);
  }
  return rows.join("\n");
});
console.log(out);
await browser.close();
