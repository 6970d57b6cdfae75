/**
 * The « delete this file » button of a file input, without zod (the browser renders it; decision
 * 0011). `upload-errors.ts` re-exports both and parses the posted value.
 */
import type { ChampKey } from "../form/keys";

export const DELETE_FILE_FIELD = "_delete_file";

export function deleteFileValue(key: ChampKey, attachmentId: string): string {
  return `${key}/${attachmentId}`;
}
