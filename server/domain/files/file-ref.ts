/**
 * A file as a champ value or a template refers to it: the attachment row's id and what pages show
 * without another query (name, type, size). The bytes are behind `/pieces-jointes/<id>`.
 */
import { z } from "zod";
import { formatByteSize } from "./byte-size";

/** File names are cut to this many characters (keeping the extension): storage keys never use them. */
export const FILENAME_MAX_LENGTH = 255;
/** Files one field can hold; far above any real need, it bounds the stored value. */
export const MAX_FILES_PER_CHAMP = 50;

export const fileRefSchema = z.object({
  id: z.uuid(),
  filename: z.string().min(1).max(FILENAME_MAX_LENGTH),
  contentType: z.string().min(1).max(255),
  byteSize: z.number().int().nonnegative(),
});
export type FileRef = z.infer<typeof fileRefSchema>;

export const fileListSchema = z.array(fileRefSchema).max(MAX_FILES_PER_CHAMP);

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/g;

/**
 * The name shown and offered at download: the last path segment of what the browser sent, NFC,
 * without control characters, at most 255 characters with the extension kept. Never used as a path.
 */
export function sanitizeFilename(raw: string, fallback = "fichier"): string {
  const base = (raw.normalize("NFC").split(/[\\/]/).pop() ?? "").replace(CONTROL_CHARS, "").trim();
  const name = base === "" || base === "." || base === ".." ? fallback : base;
  const chars = [...name];
  if (chars.length <= FILENAME_MAX_LENGTH) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? [...name.slice(dot)].slice(0, 16).join("") : "";
  return chars.slice(0, FILENAME_MAX_LENGTH - extension.length).join("") + extension;
}

export { formatByteSize };
