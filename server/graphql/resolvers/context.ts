import type { Db } from "../../db/client";
import type { ApiTokenContext } from "../auth";
import type { Loaders } from "../loaders";

/** What every resolver receives; built once per HTTP request by the handler. */
export interface GraphqlContext {
  db: Db;
  token: ApiTokenContext;
  loaders: Loaders;
  /**
   * Type names used as fragment conditions anywhere in the query document. Some champs are served
   * with a more precise type only when the client names it (the reference's `has_fragment?`).
   */
  fragmentTypes: ReadonlySet<string>;
  /** The address of the thread's automatic messages (`Message.email`), as the reference gives its contact address. */
  systemSender?: string;
  /** Epoch milliseconds after which resolvers stop with a `timeout` error. */
  deadline: number;
  /** Signs `File.url` (one-hour download links); without it, links are site paths (public model files). */
  fileLinks?: { appUrl: string; sessionSecret: string };
}
