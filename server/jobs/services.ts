import type { Config } from "../config";
import type { Db } from "../db/client";
import type { Mailer } from "../integrations/mailer";
import type { Logger } from "../logger";

export interface JobServices {
  config: Config;
  db: Db;
  logger: Logger;
  mailer: Mailer;
}
