/**
 * The `guichet` command line: `npm run cli -- <command> [options]` or `npx guichet <command>`.
 * Each command validates its arguments and exits non-zero with a clear message on error.
 */
import { ConfigError, loadConfig } from "../config";
import { UsageError } from "./args";
import { COMMANDS } from "./commands";
import { logger } from "../logger";

// Whatever escapes every handler is logged as one JSON line (log alerting reads JSON), then the
// process stops as Node would have stopped it.
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    logger.fatal({ err: error, event }, "uncaught error, stopping");
    process.exit(1);
  });
}

const HELP = `Usage: guichet <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(20)} ${c.summary}`)
  .join("\n")}

Configuration comes from the environment (see README: DATABASE_URL, PORT, SMTP_URL, …).`;

async function main(argv: string[]) {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    console.log(HELP);
    return;
  }
  const command = COMMANDS[name as keyof typeof COMMANDS];
  if (!command) throw new UsageError(`Unknown command "${name}".\n\n${HELP}`);
  const config = loadConfig();
  await command.run(rest, config);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof ConfigError) {
    console.error(`guichet: ${error.message}`);
    process.exit(2);
  }
  console.error(`guichet: ${(error as Error)?.message ?? error}`);
  if (process.env.LOG_LEVEL === "debug") console.error(error);
  process.exit(1);
});
