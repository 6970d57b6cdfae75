/**
 * Options editor of `piece_justificative`: the accepted format families (checkboxes; none ticked
 * means every format). The model file has its own form; the values carry it for display only.
 */
import { type FormatFamily, isFormatFamily } from "../../files/formats";
import type { ChampOptionsEditor } from "./contract";
import { type FileTemplateEditorValues, NO_FILE_TEMPLATE, fileTemplateEditorValues } from "./file-template";

export type PieceJustificativeEditorValues = { formatFamilies: string[] } & FileTemplateEditorValues;

function familiesOf(raw: unknown): FormatFamily[] {
  return Array.isArray(raw) ? [...new Set(raw.filter(isFormatFamily))] : [];
}

export const pieceJustificativeEditor: ChampOptionsEditor<PieceJustificativeEditorValues> = {
  fromOptions: (options) => ({
    formatFamilies: familiesOf(options.formatFamilies),
    ...fileTemplateEditorValues(options.template),
  }),
  fromForm: (form) => ({
    formatFamilies: form.getAll("formatFamilies").filter((v): v is string => typeof v === "string"),
    ...NO_FILE_TEMPLATE,
  }),
  // Only the families are options; values other than the reference's families cannot be ticked.
  toOptions: (values) => {
    const formatFamilies = familiesOf(values.formatFamilies);
    return { ok: true, options: formatFamilies.length > 0 ? { formatFamilies } : {} };
  },
};
