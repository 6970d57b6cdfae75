/**
 * Options editor of `piece_justificative`: the accepted format families (checkboxes; none ticked
 * means every format). The model file has its own form (server/http/uploads/template-endpoints.ts);
 * the editor values carry it only so that the card can show it.
 */
import { type FormatFamily, isFormatFamily } from "../../files/formats";
import { fileRefSchema } from "../../files/file-ref";
import type { ChampOptionsEditor } from "./contract";

export type PieceJustificativeEditorValues = {
  formatFamilies: string[];
  /** The current model file ("" when none): id, name and size, for display only. */
  templateId: string;
  templateFilename: string;
  templateByteSize: string;
};

function familiesOf(raw: unknown): FormatFamily[] {
  return Array.isArray(raw) ? [...new Set(raw.filter(isFormatFamily))] : [];
}

export const pieceJustificativeEditor: ChampOptionsEditor<PieceJustificativeEditorValues> = {
  fromOptions: (options) => {
    const template = fileRefSchema.safeParse(options.template);
    return {
      formatFamilies: familiesOf(options.formatFamilies),
      templateId: template.success ? template.data.id : "",
      templateFilename: template.success ? template.data.filename : "",
      templateByteSize: template.success ? String(template.data.byteSize) : "",
    };
  },
  fromForm: (form) => ({
    formatFamilies: form.getAll("formatFamilies").filter((v): v is string => typeof v === "string"),
    templateId: "",
    templateFilename: "",
    templateByteSize: "",
  }),
  // Only the families are options; values other than the reference's families cannot be ticked.
  toOptions: (values) => {
    const formatFamilies = familiesOf(values.formatFamilies);
    return { ok: true, options: formatFamilies.length > 0 ? { formatFamilies } : {} };
  },
};
