/**
 * What must never reach the browser, checked on the build output (`client-bundle.test.ts`): the
 * source modules of each browser chunk (`<build>/client-modules.json`, written by vite.config.ts) and
 * the text of each built asset.
 *
 * A route module's `loader`/`action` and the imports only they use are removed from the browser
 * build, but a value its component imports comes with its whole module — and with every module that
 * module imports and the bundler cannot prove free of side effects (the database schema, the event
 * reactions, the job queue…). Values the UI needs live in `server/domain/` (pure) or `common/`.
 */

export interface ClientBundleProblem {
  /** The chunk (`assets/x-hash.js`) or asset file. */
  file: string;
  what: string;
}

/**
 * Packages that only the server uses (database, jobs, mail, documents, HTTP): one in a browser chunk
 * means a server module came with it.
 */
const SERVER_PACKAGES =
  /(^|\/)node_modules\/(drizzle-orm|pg|pg-[\w-]+|@electric-sql\/pglite|graphile-worker|pino|express|nodemailer|pdfkit|exceljs|sanitize-html|postcss|yazl|yauzl|busboy|@node-rs\/[\w-]+|sharp|oidc-provider|openid-client|file-type|csv-parse|dataloader|graphql)\//;

/** Why a browser chunk must not contain this source module, or null. */
export function forbiddenModule(id: string): string | null {
  if (id.startsWith("server/") && !id.startsWith("server/domain/")) {
    return "a server module (only server/domain/ is pure and may be shared with the browser; move the value the page needs there or to common/)";
  }
  if (/^app\/.*\.server\.tsx?$/.test(id)) return "a route's server-only module (*.server.ts)";
  if (id.includes("__vite-browser-external") || /(^|\0)node:/.test(id)) {
    return "a Node.js built-in (node:…), stubbed for the browser: some module of this chunk imports it";
  }
  if (SERVER_PACKAGES.test(id)) return "a server-only package";
  return null;
}

/** Each forbidden module of each chunk (a package once per chunk, by its first module). */
export function moduleProblems(chunks: Record<string, string[]>): ClientBundleProblem[] {
  const problems: ClientBundleProblem[] = [];
  for (const [file, ids] of Object.entries(chunks)) {
    const packages = new Set<string>();
    for (const id of ids) {
      const why = forbiddenModule(id);
      if (!why) continue;
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1];
      if (pkg) {
        if (packages.has(pkg)) continue;
        packages.add(pkg);
      }
      problems.push({ file, what: `${id}: ${why}` });
    }
  }
  return problems;
}

/**
 * Problems in a built asset's text: a Node.js built-in import, `process.env` (the browser has none;
 * a secret's value or name could be inlined), or the name of a secret setting.
 */
export function assetTextProblems(file: string, code: string, secretNames: readonly string[]): ClientBundleProblem[] {
  const problems: ClientBundleProblem[] = [];
  const builtin = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["'`](node:[\w/]+)["'`]/.exec(code);
  if (builtin) problems.push({ file, what: `imports ${builtin[1]}` });
  if (/\bprocess\.env\b/.test(code)) problems.push({ file, what: "reads process.env" });
  for (const name of secretNames) {
    if (new RegExp(`\\b${name}\\b`).test(code)) problems.push({ file, what: `names the secret setting ${name}` });
  }
  return problems;
}

/** The settings of server/config.ts whose value is a secret (a password, key, token or a URL with credentials). */
export function secretSettingNames(configSource: string): string[] {
  const names = [...configSource.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] as string);
  return [...new Set(names.filter((n) => /SECRET|PASSWORD|TOKEN|KEY|DATABASE_URL|SMTP_URL/.test(n)))];
}

/**
 * Chunks named after a server-only module (`enqueue-hash.js`, `record-event-hash.js`…): the bundler
 * names a chunk after its main module. Names that some browser-side module also has are ignored.
 */
export function serverNamedChunks(
  chunkFiles: readonly string[],
  serverOnlyNames: ReadonlySet<string>,
  sharedNames: ReadonlySet<string>,
): ClientBundleProblem[] {
  const problems: ClientBundleProblem[] = [];
  for (const file of chunkFiles) {
    const name = /([^/]+)-[\w-]{8}\.js$/.exec(file)?.[1];
    if (name && serverOnlyNames.has(name) && !sharedNames.has(name)) {
      problems.push({ file, what: `named after the server module ${name}.ts` });
    }
  }
  return problems;
}
