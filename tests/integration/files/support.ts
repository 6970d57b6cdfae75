/** Helpers of the file tests: a test server with a temporary storage, uploads, and what is stored. */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import type { Db } from "../../../server/db/client";
import { attachments, champs } from "../../../server/db/schema";
import { createLocalStorage } from "../../../server/integrations/storage/local-storage";
import type { HttpSession } from "../../support/http-session";
import { type TestServer, startTestServer } from "../../support/server";

/** Uploads over this size are refused in these tests (the real default is 200 MB). */
export const TEST_UPLOAD_MAX_BYTES = 4096;

export async function startFileServer(): Promise<TestServer & { storageDir: string }> {
  const storageDir = mkdtempSync(path.join(tmpdir(), "guichet-files-"));
  const server = await startTestServer({
    uploadMaxBytes: TEST_UPLOAD_MAX_BYTES,
    storage: { backend: "local", dir: storageDir },
  });
  return {
    ...server,
    storageDir,
    async stop() {
      await server.stop();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

/** Keys of every stored object (and no partial write left behind). */
export async function storedObjects(storageDir: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of createLocalStorage(storageDir).list()) keys.push(object.key);
  let partial: string[] = [];
  try {
    partial = readdirSync(path.join(storageDir, "tmp"));
  } catch {
    partial = [];
  }
  if (partial.length > 0) throw new Error(`partial writes left: ${partial.join(", ")}`);
  return keys.sort();
}

export async function attachmentRows(db: Db) {
  return db.select().from(attachments).orderBy(asc(attachments.createdAt));
}

export async function champValue(db: Db, dossierId: number, stableId: number, rowId = "") {
  const rows = await db.select().from(champs).where(eq(champs.dossierId, dossierId));
  return rows.find((row) => row.stableId === stableId && row.rowId === rowId)?.value ?? null;
}

export function fileForm(name: string, filename: string, bytes: Buffer, type = "application/octet-stream") {
  const form = new FormData();
  form.append(name, new Blob([new Uint8Array(bytes)], { type }), filename);
  return form;
}

/**
 * The JSON endpoint, as the page's script calls it (the session must have loaded a page first, for
 * the token). `base`: the dossier path the endpoints hang from, `/procedures/<démarche>/dossiers/<id>`
 * for the annotations privées (default: the usager's `/dossiers/<id>`).
 */
export async function uploadJson(
  session: HttpSession,
  dossierId: number,
  key: string | number,
  filename: string,
  bytes: Buffer,
  options: { csrf?: string | null; base?: string } = {},
) {
  const response = await session.postFormData(
    `${options.base ?? `/dossiers/${dossierId}`}/pieces-jointes/${encodeURIComponent(String(key))}`,
    fileForm("file", filename, bytes),
    { csrf: options.csrf, headers: { accept: "application/json" } },
  );
  const body = (await response.json().catch(() => null)) as {
    file?: { id: string; filename: string; contentType: string; byteSize: number; url: string };
    error?: { code: string; message: string };
  } | null;
  return { status: response.status, body };
}
