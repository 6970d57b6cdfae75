import { type Config, startupWarnings } from "../config";
import { onShutdown, openAndMigrate, startServices } from "../boot";
import { isWebWorker, runWebWorker, startClusteredWeb } from "../cluster";
import { logger } from "../logger";
import { parseCommandArgs, UsageError } from "./args";
import { z } from "zod";
import { ensureUser, ROLES } from "../operations/accounts/ensure-user";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../security/passwords";
import { createApiToken } from "../operations/api-tokens/create-api-token";
import { seedBulkDossiers } from "../seed/bulk-dossiers";
import { seedFormCommand } from "./seed-form";
import { printDemoAccounts, seedDemo } from "../seed/demo";
import { describeRefusals } from "../refusal";

interface Command {
  summary: string;
  run(argv: string[], config: Config): Promise<void>;
}

async function serve(baseConfig: Config, options: { web: boolean; worker: boolean; seed: boolean }) {
  if (isWebWorker()) return runWebWorker(baseConfig);
  const started = Date.now();
  if (options.web) for (const warning of startupWarnings(baseConfig)) logger.warn(warning);
  // Development: the FranceConnect stand-in, in a child process (loaded lazily: no cost otherwise).
  const localFranceConnect =
    options.web && baseConfig.franceConnectLocalProvider
      ? await (await import("../dev/local-franceconnect")).startLocalFranceConnect(baseConfig)
      : null;
  // Development: the API Entreprise stand-in, in process (a small node:http server).
  const localApiEntreprise =
    options.web && baseConfig.apiEntrepriseLocalServer
      ? await (await import("../dev/local-api-entreprise")).startLocalApiEntreprise()
      : null;
  const config = {
    ...(localFranceConnect?.config ?? baseConfig),
    ...(localApiEntreprise ? { apiEntreprise: localApiEntreprise.settings, apiEntrepriseLocalServer: false } : {}),
  };
  const database = await openAndMigrate(config);
  const seeded = options.seed ? await seedDemo(database.db) : null;
  const running =
    options.web && config.webConcurrency > 1
      ? await startClusteredWeb(config, database, options)
      : await startServices(config, database, options);
  onShutdown(async () => {
    await running.stop();
    await database.close();
    await localFranceConnect?.stop();
    await localApiEntreprise?.stop();
  });
  if (seeded) printDemoAccounts(seeded, running.url ?? config.appUrl);
  if (localFranceConnect) {
    const { describeLocalFranceConnect } = await import("../dev/local-franceconnect");
    console.log(describeLocalFranceConnect(localFranceConnect.issuer));
  }
  if (localApiEntreprise) console.log(localApiEntreprise.description);
  logger.info(
    { url: running.url, embedded: database.embedded, worker: options.worker, ms: Date.now() - started },
    running.url ? `Guichet is ready at ${running.url}` : "Guichet worker is running",
  );
  // Machine-readable readiness line, used by the start-up benchmark and the CI smoke test.
  if (running.url) console.log(`READY ${running.url}`);
}

export const COMMANDS = {
  start: {
    summary: "migrate, seed the demo on first run (embedded mode), serve the web and run jobs",
    async run(argv, config) {
      parseCommandArgs(argv, {});
      await serve(config, { web: true, worker: config.workerInProcess, seed: config.seedDemo });
    },
  },
  web: {
    summary: "serve the web interface and APIs (jobs too when WORKER_IN_PROCESS=true)",
    async run(argv, config) {
      parseCommandArgs(argv, {});
      await serve(config, { web: true, worker: config.workerInProcess, seed: false });
    },
  },
  worker: {
    summary: "run background jobs and the crontab",
    async run(argv, config) {
      parseCommandArgs(argv, {});
      await serve(config, { web: false, worker: true, seed: false });
    },
  },
  migrate: {
    summary: "apply database migrations",
    async run(argv, config) {
      parseCommandArgs(argv, {});
      const database = await openAndMigrate(config);
      await database.close();
      console.log("Migrations applied.");
    },
  },
  seed: {
    summary: "create the demo accounts and démarche if they do not exist",
    async run(argv, config) {
      parseCommandArgs(argv, {});
      const database = await openAndMigrate(config);
      try {
        const seeded = await seedDemo(database.db);
        printDemoAccounts(seeded, config.appUrl);
      } finally {
        await database.close();
      }
    },
  },
  "api-tokens:create": {
    summary: "create a GraphQL API token (shown once); --admin <email> [--demarche <n>]… [--read-only] [--network <cidr>]…",
    async run(argv, config) {
      const { values } = parseCommandArgs(argv, {
        admin: { type: "string" },
        demarche: { type: "string", multiple: true },
        "read-only": { type: "boolean" },
        name: { type: "string" },
        "expires-at": { type: "string" },
        network: { type: "string", multiple: true },
      });
      if (!values.admin) {
        throw new UsageError(
          "api-tokens:create needs --admin <email> (options: --demarche <number>, repeatable; --read-only; --name <name>; --expires-at <YYYY-MM-DD>; --network <cidr>, repeatable).",
        );
      }
      const demarcheNumbers = values.demarche?.flatMap((v) => v.split(",")).map((v) => v.trim());
      if (demarcheNumbers?.some((n) => !/^[1-9]\d{0,9}$/.test(n))) {
        throw new UsageError("--demarche takes a démarche number (repeat the option for several).");
      }
      let expiresAt: Date | undefined;
      if (values["expires-at"] !== undefined) {
        expiresAt = new Date(`${values["expires-at"]}T23:59:59Z`);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(values["expires-at"]) || Number.isNaN(expiresAt.getTime())) {
          throw new UsageError("--expires-at takes a date written YYYY-MM-DD.");
        }
      }
      const name = values.name ?? `api-token-${new Date().toISOString().slice(0, 10)}`;
      const database = await openAndMigrate(config);
      try {
        const result = await createApiToken(database.db, {
          administrateurEmail: values.admin,
          name,
          demarcheNumbers: demarcheNumbers?.map(Number),
          readOnly: values["read-only"] ?? false,
          expiresAt,
          networks: values.network?.flatMap((v) => v.split(",")).map((v) => v.trim()),
        });
        if (!result.ok) {
          const explain: Record<string, string> = {
            administrateur_not_found: `no administrateur has the e-mail ${values.admin}`,
            demarche_not_found: "a démarche does not exist or is not administered by this administrateur",
            expires_at_past: "the expiry date is in the past",
            name_too_long: "the name is too long",
            name_required: "the name is empty",
            demarches_required: "no démarche given",
            expires_at_too_far: "the expiry date is more than ten years away",
            expires_at_invalid: "the expiry date is not a date",
            networks_invalid: "a --network is not a CIDR range (e.g. 192.0.2.0/24)",
            networks_too_many: "too many --network values",
          };
          throw new Error(describeRefusals(result.refusals, explain));
        }
        const scope = result.allowedDemarcheIds
          ? `démarches ${result.allowedDemarcheIds.join(", ")}`
          : "all démarches of the administrateur";
        console.log(
          [
            `API token "${name}" created for ${values.admin} (${scope}, ${values["read-only"] ? "read-only" : "read-write"}${result.expiresAt ? `, expires ${result.expiresAt.toISOString().slice(0, 10)}` : ""}${result.authorizedNetworks ? `, from ${result.authorizedNetworks.join(", ")}` : ""}).`,
            "",
            `  ${result.bearer}`,
            "",
            "Copy it now: it will not be shown again (only a hash of it is stored).",
            "Use it as the header  Authorization: Bearer <token>  on POST /api/v2/graphql.",
          ].join("\n"),
        );
      } finally {
        await database.close();
      }
    },
  },
  "users:create": {
    summary:
      "create an account (or set its password) and grant profiles: --email <e> --password <p> --role <usager|instructeur|administrateur|expert> [--role …]",
    async run(argv, config) {
      // Messages name what is expected, for a person typing the command.
      const ZUsersCreate = z.object({
        email: z
          .string({ error: "required" })
          .trim()
          .toLowerCase()
          .pipe(z.email({ error: "not a valid e-mail address" })),
        password: z
          .string({ error: "required" })
          .min(PASSWORD_MIN_LENGTH, { error: `at least ${PASSWORD_MIN_LENGTH} characters` })
          .max(PASSWORD_MAX_LENGTH, { error: `at most ${PASSWORD_MAX_LENGTH} characters` }),
        roles: z
          .array(z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` }), { error: "required (at least one)" })
          .min(1, { error: "required (at least one)" }),
      });
      const { values } = parseCommandArgs(argv, {
        email: { type: "string" },
        password: { type: "string" },
        role: { type: "string", multiple: true },
      });
      const parsed = ZUsersCreate.safeParse({ email: values.email, password: values.password, roles: values.role });
      if (!parsed.success) {
        throw new UsageError(
          `users:create: ${parsed.error.issues.map((i) => `--${String(i.path[0] ?? "").replace("roles", "role")}: ${i.message}`).join("; ")}\n` +
            "Usage: guichet users:create --email <e> --password <p> --role <usager|instructeur|administrateur|expert> [--role …]",
        );
      }
      const database = await openAndMigrate(config);
      try {
        const { email, password, roles } = parsed.data;
        const user = await database.db.transaction((tx) => ensureUser(tx, { email, password, roles, confirmed: true }));
        console.log(`Account ${user.email} (id ${user.userId}) ready with profiles: ${[...new Set(roles)].join(", ")}.`);
      } finally {
        await database.close();
      }
    },
  },
  "dossiers:seed": {
    summary: "add N submitted dossiers (every state) to a published démarche, for benchmarks",
    async run(argv, config) {
      const { values } = parseCommandArgs(argv, { demarche: { type: "string" }, count: { type: "string" } });
      const parsed = z
        .object({
          demarche: z.coerce.number({ error: "must be a number" }).int().positive({ error: "must be a positive integer" }),
          count: z.coerce.number({ error: "must be a number" }).int().min(1).max(2_000_000, { error: "at most 2 000 000" }),
        })
        .safeParse({ demarche: values.demarche, count: values.count });
      if (!parsed.success || values.demarche === undefined || values.count === undefined) {
        const detail = parsed.success
          ? "--demarche and --count are required"
          : parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("; ");
        throw new UsageError(`dossiers:seed: ${detail}\nUsage: guichet dossiers:seed --demarche <number> --count <n>`);
      }
      const database = await openAndMigrate(config);
      try {
        const started = Date.now();
        const result = await seedBulkDossiers(database.db, { demarcheId: parsed.data.demarche, count: parsed.data.count });
        console.log(
          `${result.created} dossiers added to démarche ${parsed.data.demarche} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
      } finally {
        await database.close();
      }
    },
  },
  "demarches:seed-form": seedFormCommand,
} satisfies Record<string, Command>;
