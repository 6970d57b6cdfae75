/**
 * The form editor's CSV import of drop-down options (a small multipart form per field, posted to
 * the editor page with `?importOptions=<stableId>`). The body is read only once its declared size
 * is known to be reasonable (1 MB + room for the other fields); a larger or unreadable file, or
 * one whose options break the type's rules, changes nothing and is reported next to the file input.
 * On success the page is shown again (Post/Redirect/Get) with the new options and their count.
 */
import { data, redirect } from "react-router";
import type { Db } from "../../../server/db/client";
import { CSV_MAX_BYTES } from "../../../server/domain/demarches/options-csv";
import {
  CSV_FIELD,
  IMPORTED_PARAM,
  OPTIONS_IMPORT_PARAM,
  optionsFromCsv,
} from "../../../server/domain/demarches/options-editors/csv-import";
import { updateChamp } from "../../../server/operations/revisions/update-champ";
import type { DraftChamp } from "../../../server/queries/admin/champs";
import { notFound } from "../../lib/request.server";
import type { ChampActionData } from "./champs.server";

/** Room for the CSRF token and the multipart boundaries around the file. */
const MULTIPART_MARGIN = 64 * 1024;

export function isOptionsImport(request: Request): boolean {
  return request.method === "POST" && new URL(request.url).searchParams.has(OPTIONS_IMPORT_PARAM);
}

export async function optionsImportAction(args: {
  request: Request;
  db: Db;
  administrateurId: number;
  demarcheId: number;
  /** The list being edited (already scoped to the administrateur). */
  champs: readonly DraftChamp[];
  /** The editor page (champs or annotations). */
  page: string;
}) {
  const { request } = args;
  const stableId = Number(new URL(request.url).searchParams.get(OPTIONS_IMPORT_PARAM));
  const champ = args.champs.find((c) => c.stableId === stableId);
  if (!champ) notFound();
  const refuse = (key: string, params: Record<string, string | number> | undefined, status: number) =>
    data<ChampActionData>(
      {
        intent: "import-options",
        stableId: champ.stableId,
        ok: false,
        errors: { [CSV_FIELD]: key },
        errorParams: params ? { [CSV_FIELD]: params } : {},
      },
      { status },
    );

  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!type.startsWith("multipart/form-data")) return refuse("csv_missing", undefined, 400);
  const length = Number(request.headers.get("content-length") ?? Number.NaN);
  if (!Number.isFinite(length) || length > CSV_MAX_BYTES + MULTIPART_MARGIN) return refuse("csv_too_big", undefined, 413);

  const form = await request.formData();
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refuse("csv_missing", undefined, 400);
  if (file.size > CSV_MAX_BYTES) return refuse("csv_too_big", undefined, 413);

  const result = optionsFromCsv(champ.type, champ.options, new Uint8Array(await file.arrayBuffer()));
  if (!result.ok) return refuse(result.error.key, result.error.params, 400);
  const saved = await updateChamp(args.db, args.administrateurId, args.demarcheId, {
    stableId: champ.stableId,
    libelle: champ.libelle,
    description: champ.description ?? "",
    mandatory: champ.mandatory,
    options: result.options,
  });
  if (!saved.ok) {
    const key = saved.refusals[0]?.code ?? "options_invalid";
    return refuse(key, undefined, 400);
  }
  return redirect(`${args.page}?${IMPORTED_PARAM}=${champ.stableId}-${result.count}#champ-${champ.stableId}`);
}
