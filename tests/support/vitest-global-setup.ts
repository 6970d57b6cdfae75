/**
 * Vitest global setup of the `integration` project: builds the migrated template database once,
 * before the test files start (outside their hook timeouts), instead of in the first file's
 * `beforeAll`. Test files then only copy it (tests/support/database-template.ts).
 */
import { prepareTemplate } from "./database-template";

export default async function setup() {
  await prepareTemplate();
}
