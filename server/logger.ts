import pino from "pino";

/** One structured logger; the level comes from LOG_LEVEL (see config.ts). */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "guichet" },
  redact: ["req.headers.authorization", "req.headers.cookie", "password", "*.password"],
});

export type Logger = typeof logger;
