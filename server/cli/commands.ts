import type { Config } from "../config";
import { onShutdown, openAndMigrate, startServices } from "../boot";
import { logger } from "../logger";
import { parseCommandArgs } from "./args";
import { printDemoAccounts, seedDemo } from "../seed/demo";

interface Command {
  summary: string;
  run(argv: string[], config: Config): Promise<void>;
}

async function serve(config: Config, options: { web: boolean; worker: boolean; seed: boolean }) {
  const started = Date.now();
  const database = await openAndMigrate(config);
  const seeded = options.seed ? await seedDemo(database.db) : null;
  const running = await startServices(config, database, options);
  onShutdown(async () => {
    await running.stop();
    await database.close();
  });
  if (seeded) printDemoAccounts(seeded, running.url ?? config.appUrl);
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
} satisfies Record<string, Command>;
