/**
 * Browser side of the file fields' JSON endpoints (server/http/uploads/dossier-file-endpoints.ts):
 * an upload through XMLHttpRequest (fetch cannot report upload progress) and a deletion.
 * The server answers errors with a message in the page's language.
 */
import { CSRF_FIELD } from "../../common/csrf-field";

export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  byteSize: number;
  url: string;
}

export type UploadOutcome = { ok: true; file: UploadedFile } | { ok: false; message: string | null };

/**
 * The pages whose file inputs have endpoints, and the dossier path the endpoints hang from: the
 * usager's brouillon and modification pages (`/dossiers/12`), the instructeur's dossier page for
 * the annotations privées (`/procedures/3/dossiers/12`). Null elsewhere (e.g. the form preview).
 */
const FILE_FORM_PAGES = [/^(\/dossiers\/\d+)\/(?:brouillon|modifier)\/?$/, /^(\/procedures\/\d+\/dossiers\/\d+)\/?$/];

export function fileEndpointsBase(pathname: string): string | null {
  for (const page of FILE_FORM_PAGES) {
    const match = page.exec(pathname);
    if (match) return match[1] as string;
  }
  return null;
}

/** `/dossiers/12/pieces-jointes/34%7Crow`: the field key goes in one path segment. */
export function fileFieldEndpoint(base: string, key: string): string {
  return `${base}/pieces-jointes/${encodeURIComponent(key)}`;
}

function errorMessage(body: unknown): string | null {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === "string" ? message : null;
}

/** Sends one file; `onProgress` gets 0–100. A network failure resolves with `message: null`. */
export function uploadFile(
  endpoint: string,
  csrfToken: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", endpoint);
    xhr.responseType = "json";
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(100, Math.round((event.loaded * 100) / event.total)));
    };
    xhr.onload = () => {
      const body = xhr.response as { file?: UploadedFile } | null;
      if (xhr.status === 201 && body?.file) resolve({ ok: true, file: body.file });
      else resolve({ ok: false, message: errorMessage(body) });
    };
    xhr.onerror = () => resolve({ ok: false, message: null });
    xhr.onabort = () => resolve({ ok: false, message: null });
    const data = new FormData();
    // The token first: the server reads it before the file.
    data.append(CSRF_FIELD, csrfToken);
    data.append("file", file);
    xhr.send(data);
  });
}

/** Removes one file from the field; resolves with the server's message on refusal. */
export async function deleteFile(
  endpoint: string,
  csrfToken: string,
  attachmentId: string,
): Promise<UploadOutcome | { ok: true }> {
  try {
    const response = await fetch(`${endpoint}/${attachmentId}/supprimer`, {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ [CSRF_FIELD]: csrfToken }),
    });
    if (response.ok) return { ok: true };
    return { ok: false, message: errorMessage(await response.json().catch(() => null)) };
  } catch {
    return { ok: false, message: null };
  }
}
