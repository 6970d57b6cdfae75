/**
 * The dialogue at its size (issue 10): a dossier with 200 messages and 20 avis against a dossier
 * with an empty thread, both of the demo usager in the demo démarche. Seeds the demo data, fills
 * the thread through the real operations (`sendMessage` as the usager and the instructeur in turn,
 * `requestAvis` to 20 experts), starts the platform and times, signed in like a browser:
 * the instructeur's dossier page, messagerie and avis tab, and the usager's messagerie (p50/p95 of
 * sequential GETs), then posting a message on the instructeur's messagerie (form POST + redirect).
 * PostgreSQL from DATABASE_URL (fresh database, dropped afterwards), or embedded PGlite without it.
 *   npx tsx bench/messagerie.ts [--messages 200] [--avis 20] [--requests 40]
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/client";
import { requestAvis } from "../server/operations/avis/request-avis";
import { sendMessage } from "../server/operations/messages/send-message";
import { DEMO_PASSWORD } from "../server/seed/demo";
// @ts-expect-error plain ESM helpers shared by the bench scripts
import { benchEnvironment, cli, load, percentile, signIn, startPlatform } from "./lib.mjs";

const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "200" },
    avis: { type: "string", default: "20" },
    requests: { type: "string", default: "40" },
  },
});
const messageCount = Number(values.messages);
const avisCount = Number(values.avis);
const requests = Number(values.requests);

interface Who {
  userId: number;
  email: string;
  instructeurId?: number;
}

async function seedThread(env: Record<string, string>) {
  const database = await openDatabase(loadConfig({ ...process.env, ...env }));
  const { db } = database;
  try {
    const people = (
      await db.execute<{ id: number; email: string; instructeur_id: number | null }>(
        sql`select u.id, u.email, i.id as instructeur_id from users u left join instructeurs i on i.user_id = u.id
            where u.email in ('usager@exemple.fr', 'instructeur@exemple.fr')`,
      )
    ).rows;
    const usager = people.find((p) => p.email === "usager@exemple.fr");
    const agent = people.find((p) => p.email === "instructeur@exemple.fr");
    if (!usager || !agent?.instructeur_id) throw new Error("demo accounts missing");
    const dossiers = (
      await db.execute<{ id: number; state: string }>(
        sql`select id, state from dossiers where demarche_id = 1 and user_id = ${usager.id}
            and state in ('en_construction', 'en_instruction') order by id`,
      )
    ).rows;
    const empty = dossiers.find((d) => d.state === "en_construction");
    const heavy = dossiers.find((d) => d.state === "en_instruction");
    if (!empty || !heavy) throw new Error("demo dossiers missing");
    const asUsager: Who = { userId: Number(usager.id), email: usager.email };
    const asAgent: Who = { userId: Number(agent.id), email: agent.email, instructeurId: Number(agent.instructeur_id) };
    for (let i = 0; i < messageCount; i++) {
      const author =
        i % 2 === 0
          ? { kind: "usager" as const, ...asUsager }
          : { kind: "instructeur" as const, ...asAgent, instructeurId: asAgent.instructeurId as number };
      const body = `Message ${i + 1} : ${"Pouvez-vous préciser le budget prévisionnel et joindre le devis ? ".repeat(3)}`;
      const sent = await sendMessage(db, author, { dossierId: Number(heavy.id), body });
      if (!sent.ok) throw new Error(`message refused: ${JSON.stringify(sent.refusals)}`);
    }
    const emails = Array.from({ length: avisCount }, (_, i) => `expert-${i + 1}@exemple.fr`).join(", ");
    const claimant = {
      kind: "instructeur" as const,
      userId: asAgent.userId,
      instructeurId: asAgent.instructeurId as number,
      demarcheId: 1,
      dossierId: Number(heavy.id),
    };
    const asked = await requestAvis(db, claimant, {
      emails,
      introduction: "Votre avis sur le budget, s'il vous plaît.",
      confidentiel: false,
      annotationsVisible: false,
      withQuestion: false,
      questionLabel: "",
      attachmentId: null,
      locale: "fr",
    });
    if (!asked.ok) throw new Error(`avis refused: ${JSON.stringify(asked.refusals)}`);
    return { empty: Number(empty.id), heavy: Number(heavy.id) };
  } finally {
    await database.close();
  }
}

async function timePosts(url: string, cookie: string, page: string, count: number) {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const html = await (await fetch(`${url}${page}`, { headers: { cookie } })).text();
    const csrf = html.match(/name="_csrf" value="([^"]+)"/)?.[1];
    if (!csrf) throw new Error("no CSRF token on the messagerie page");
    const started = process.hrtime.bigint();
    const res = await fetch(`${url}${page}`, {
      method: "POST",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrf, intent: "envoyer", body: `Réponse ${i + 1} du bench.` }),
      redirect: "manual",
    });
    await res.arrayBuffer();
    if (res.status !== 302 && res.status !== 303) throw new Error(`post refused: ${res.status}`);
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  latencies.sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { posts: count, p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)) };
}

const { env, dropDatabase, backend } = await benchEnvironment();
try {
  cli(["seed"], env);
  const { empty, heavy } = await seedThread(env);
  const platform = await startPlatform(env);
  try {
    const agent = await signIn(platform.url, "instructeur@exemple.fr", DEMO_PASSWORD);
    const usager = await signIn(platform.url, "usager@exemple.fr", DEMO_PASSWORD);
    const pages = {
      "instructeur dossier": (id: number) => `/procedures/1/dossiers/${id}`,
      "instructeur messagerie": (id: number) => `/procedures/1/dossiers/${id}/messagerie`,
      "instructeur avis": (id: number) => `/procedures/1/dossiers/${id}/avis`,
      "usager messagerie": (id: number) => `/dossiers/${id}/messagerie`,
    };
    const results: Record<string, unknown> = {};
    for (const [name, path] of Object.entries(pages)) {
      const cookie = name.startsWith("usager") ? usager : agent;
      // One warm-up request each, then sequential requests (concurrency 1: render time, not throughput).
      await load(`${platform.url}${path(empty)}`, { cookie, requests: 2, concurrency: 1 });
      const emptyRun = await load(`${platform.url}${path(empty)}`, { cookie, requests, concurrency: 1 });
      await load(`${platform.url}${path(heavy)}`, { cookie, requests: 2, concurrency: 1 });
      const heavyRun = await load(`${platform.url}${path(heavy)}`, { cookie, requests, concurrency: 1 });
      results[name] = {
        empty: { p50: emptyRun.p50, p95: emptyRun.p95, errors: emptyRun.errors },
        heavy: { p50: heavyRun.p50, p95: heavyRun.p95, errors: heavyRun.errors },
        ratioP50: Math.round((heavyRun.p50 / emptyRun.p50) * 100) / 100,
      };
    }
    results["post a message (instructeur)"] = await timePosts(
      platform.url,
      agent,
      pages["instructeur messagerie"](heavy),
      requests,
    );
    console.log(JSON.stringify({ backend, messages: messageCount, avis: avisCount, requests, results }, null, 2));
  } finally {
    await platform.stop();
  }
} finally {
  await dropDatabase();
}
