import { chromium } from "@playwright/test";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
const ctx = await browser.newContext({ javaScriptEnabled: true, locale: "fr-FR", baseURL: "http://127.0.0.1:4791" });
const page = await ctx.newPage(); page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") console.log("CONSOLE", m.type(), m.text().slice(0, 600)); }); page.on("pageerror", (e) => console.log("PAGEERROR", e.message));
await page.goto("/users/sign_in");
await page.fill('input[name="email"]', "usager@exemple.fr");
await page.fill('input[name="password"]', "guichet-demo-2026");
await page.locator('form:has(input[name="password"]) [type="submit"]').first().click();
await page.waitForURL((u) => !u.pathname.startsWith("/users/sign_in"));
await page.goto("/dossiers/9/brouillon");
await page.getByRole("button", { name: "Déposer le dossier" }).waitFor(); await page.waitForTimeout(2000);
const pays = page.getByRole("combobox", { name: new RegExp("^" + (process.argv[2] ?? "Pays")) }).first();
page.on("request", (r) => { if (r.method() === "POST" || r.url().includes("data")) console.log("REQ", Date.now() % 100000, r.method(), r.url().slice(0, 120)); }); await pays.fill("Belg"); for (let i = 0; i < 8; i++) { console.log("T", Date.now() % 100000, await pays.inputValue(), await page.locator("[role=listbox]:visible").count()); await page.waitForTimeout(200); }
await page.waitForTimeout(1500);
console.log(await pays.inputValue(), await page.locator("#" + (process.argv[3] ?? "champ-32")).evaluate((e) => e.parentElement.outerHTML.slice(0, 1500)));
await pays.pressSequentially("i", { delay: 100 });
await page.waitForTimeout(1500);
console.log(await pays.inputValue(), await page.locator("#" + (process.argv[3] ?? "champ-32")).evaluate((e) => e.parentElement.outerHTML.slice(0, 1500)));
await browser.close();
