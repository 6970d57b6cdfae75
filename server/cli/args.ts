import { parseArgs, type ParseArgsConfig } from "node:util";

export class UsageError extends Error {}

/** Strict argument parsing: an unknown or malformed option is a usage error, never ignored. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
