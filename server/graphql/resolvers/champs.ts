/**
 * Fields (ChampDescriptor) and their values (Champ) as the API serves them: one value per public
 * field of the dossier's revision, blank ones included; values are matched by stable id and
 * ignored when stored for another field type (the field changed type between revisions), as the
 * reference does. Per-type behaviour comes from the pure registry in server/domain/champs.
 */
import { isTypeChamp, resolveOptions, TYPES_DE_CHAMP } from "../../domain/champs/registry";
import { isCalendarDate } from "../../domain/champs/types/date";
import { isLocalDatetime } from "../../domain/champs/types/datetime";
import { isValidDecimal } from "../../domain/champs/types/decimal_number";
import { dossierNumberOf } from "../../domain/champs/types/dossier_link";
import {
  linkedDropDownListOptionsSchema,
  linkedLinesOf,
  linkedValueSchema,
} from "../../domain/champs/types/linked_drop_down_list";
import { champId, parseChampId } from "../../domain/form/champ-id";
import { champKey } from "../../domain/form/keys";
import type { DossierRow, RevisionFieldRow } from "../loaders";
import { type ChampView, champView, registeredTypenames } from "./champ-view";
import type { GraphqlContext } from "./context";
import { fileChampResolvers, fileDescriptorResolvers, fileResolvers } from "./file-champs";
import { GEO_FRAGMENT_GATED, geoChampResolvers, geoDescriptorResolvers, geoTextValue } from "./geo-champs";
import { repetitionChampResolvers } from "./repetition-champs";
import { isIsoDate, parisWallTimeToDate } from "./scalars";

/**
 * Types the reference serves under an older type unless the query document names the precise one
 * in a fragment, so that clients written before these types existed keep working.
 */
const FRAGMENT_GATED: Record<string, string> = {
  YesNoChamp: "CheckboxChamp",
  HeaderSectionChamp: "TextChamp",
  DropDownListChamp: "TextChamp",
  DatetimeChamp: "DateChamp",
  ExplicationChamp: "TextChamp",
  ...GEO_FRAGMENT_GATED,
};

/** Concrete Champ types of our schema: each registered type's, and the older types some are served as. */
const CHAMP_TYPENAMES = new Set([
  ...Object.values(TYPES_DE_CHAMP).map((definition) => definition.graphqlTypename),
  ...Object.values(FRAGMENT_GATED),
]);

/** Concrete ChampDescriptor types of our schema: each registered type's. */
const DESCRIPTOR_TYPENAMES = new Set(Object.values(TYPES_DE_CHAMP).map((definition) => definition.graphqlDescriptorTypename));

/** Every value of the API's TypeDeChamp enum. */
const TYPE_DE_CHAMP_VALUES = new Set(
  "address annuaire_education carte checkbox civilite cnaf cojo communes date datetime decimal_number departements dgfip dossier_link drop_down_list email engagement_juridique epci explication formatted header_section iban integer_number linked_drop_down_list mesri multiple_drop_down_list number pays phone piece_justificative pole_emploi referentiel regions repetition rna rnf siret text textarea titre_identite yes_no".split(
    " ",
  ),
);

// ---------------------------------------------------------------- descriptors

export interface DescriptorView {
  typeChamp: string;
  /** Where the field is defined (a repetition block's children are read from its revision). */
  revisionId: number;
  stableId: number;
  id: string;
  label: string;
  description: string | null;
  required: boolean;
  options: Record<string, unknown>;
}

export function descriptorView(field: RevisionFieldRow): DescriptorView {
  return {
    typeChamp: field.typeChamp,
    revisionId: field.revisionId,
    stableId: field.stableId,
    id: champId(field.stableId),
    label: field.libelle,
    description: field.description,
    required: field.mandatory,
    options: field.options,
  };
}

function parsedOptions(typeChamp: string, options: Record<string, unknown>): Record<string, unknown> {
  if (!isTypeChamp(typeChamp)) return options;
  const resolved = resolveOptions({ type: typeChamp, options });
  return resolved.ok && resolved.options && typeof resolved.options === "object"
    ? (resolved.options as Record<string, unknown>)
    : options;
}

function headerLevel(typeChamp: string, options: Record<string, unknown>): number {
  const level = parsedOptions(typeChamp, options).level;
  return typeof level === "number" && Number.isInteger(level) && level >= 1 ? level : 1;
}

export const descriptorResolvers = {
  ChampDescriptor: {
    __resolveType(descriptor: DescriptorView) {
      const { descriptor: name } = registeredTypenames(descriptor.typeChamp);
      return DESCRIPTOR_TYPENAMES.has(name) ? name : "TextChampDescriptor";
    },
  },
  // Shared fields of every concrete descriptor type.
  ...Object.fromEntries(
    [...DESCRIPTOR_TYPENAMES].map((typename) => [
      typename,
      {
        type: (d: DescriptorView) => (TYPE_DE_CHAMP_VALUES.has(d.typeChamp) ? d.typeChamp : "text"),
        // Repetition blocks are not exposed yet: no descriptor has children.
        champDescriptors: () => null,
      },
    ]),
  ),
  DropDownListChampDescriptor: {
    type: (d: DescriptorView) => d.typeChamp,
    champDescriptors: () => null,
    options: (d: DescriptorView) => {
      const options = parsedOptions(d.typeChamp, d.options).options;
      return Array.isArray(options) ? options.filter((o): o is string => typeof o === "string") : [];
    },
    otherOption: (d: DescriptorView) => parsedOptions(d.typeChamp, d.options).other === true,
  },
  MultipleDropDownListChampDescriptor: {
    type: (d: DescriptorView) => d.typeChamp,
    champDescriptors: () => null,
    options: (d: DescriptorView) => {
      const options = parsedOptions(d.typeChamp, d.options).options;
      return Array.isArray(options) ? options.filter((o): o is string => typeof o === "string") : [];
    },
  },
  HeaderSectionChampDescriptor: {
    type: (d: DescriptorView) => d.typeChamp,
    champDescriptors: () => null,
    level: (d: DescriptorView) => headerLevel(d.typeChamp, d.options),
  },
  ExplicationChampDescriptor: {
    type: (d: DescriptorView) => d.typeChamp,
    champDescriptors: () => null,
    collapsibleExplanationEnabled: (d: DescriptorView) =>
      parsedOptions(d.typeChamp, d.options).collapsibleExplanationEnabled === true,
    collapsibleExplanationText: (d: DescriptorView) => {
      const text = parsedOptions(d.typeChamp, d.options).collapsibleExplanationText;
      return typeof text === "string" && text !== "" ? text : null;
    },
  },
  LinkedDropDownListChampDescriptor: {
    type: (d: DescriptorView) => d.typeChamp,
    champDescriptors: () => null,
    // The reference's flat list: `--Primary--` then its secondary values.
    options: (d: DescriptorView) => {
      const parsed = linkedDropDownListOptionsSchema.safeParse(d.options);
      return parsed.success ? linkedLinesOf(parsed.data.options) : [];
    },
  },
  ...geoDescriptorResolvers,
  ...fileDescriptorResolvers,
};

/**
 * The public champs of a dossier (or its annotations privées with `private: true`), in form order;
 * only the one with `id` when given.
 */
export async function dossierChamps(
  dossier: DossierRow,
  id: string | null | undefined,
  ctx: GraphqlContext,
  options: { private?: boolean } = {},
): Promise<ChampView[]> {
  const [fields, values] = await Promise.all([
    ctx.loaders.revisionFields.load(dossier.revisionId),
    ctx.loaders.champValues.load(dossier.id),
  ]);
  let listFields = fields.filter((f) => f.private === (options.private ?? false));
  if (id !== null && id !== undefined) {
    const wanted = parseChampId(id);
    if (!wanted || wanted.rowId !== null) return [];
    listFields = listFields.filter((f) => f.stableId === wanted.stableId);
  }
  return listFields.map((field) => champView(field, values.get(champKey(field.stableId)), dossier));
}

/** A stored `YYYY-MM-DDTHH:MM` (Paris wall time) as an instant. */
function localDatetimeToDate(text: string): Date {
  const [day = "", time = ""] = text.split("T");
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  return parisWallTimeToDate(year, month, date, hour, minute);
}

const asText = (raw: unknown): string | null => (typeof raw === "string" && raw.trim() !== "" ? raw : null);

export const champResolvers = {
  Champ: {
    __resolveType(champ: ChampView, ctx: GraphqlContext) {
      let name = registeredTypenames(champ.typeChamp).champ;
      const fallback = FRAGMENT_GATED[name];
      if (fallback && !ctx.fragmentTypes.has(name)) name = fallback;
      return CHAMP_TYPENAMES.has(name) ? name : "TextChamp";
    },
  },
  TextChamp: {
    // Geographic values served as TextChamp give their name or label (the reference's `value`).
    value: (c: ChampView) => {
      const geo = geoTextValue(c.typeChamp, c.raw);
      // Blank: null (the reference's `value`), though `stringValue` is "".
      return geo !== undefined ? geo : (asText(c.raw) ?? (c.stringValue || null));
    },
  },
  IntegerNumberChamp: {
    value: (c: ChampView) => {
      const text = asText(c.raw);
      return text !== null && /^-?\d+$/.test(text) ? BigInt(text).toString() : null;
    },
  },
  DateChamp: {
    // A datetime served as DateChamp (query without a DatetimeChamp fragment) gives its day and instant.
    date: (c: ChampView) => {
      const text = asText(c.raw);
      if (text !== null && isLocalDatetime(text)) return text.slice(0, 10);
      return text !== null && isCalendarDate(text) && isIsoDate(text) ? text : null;
    },
    value: (c: ChampView) => {
      const text = asText(c.raw);
      if (text !== null && isLocalDatetime(text)) return localDatetimeToDate(text);
      if (text === null || !isIsoDate(text)) return null;
      const [year, month, day] = text.split("-").map(Number) as [number, number, number];
      return parisWallTimeToDate(year, month, day);
    },
  },
  YesNoChamp: {
    value: (c: ChampView) => (c.raw === "true" ? true : c.raw === "false" ? false : null),
  },
  CheckboxChamp: {
    value: (c: ChampView) => c.raw === "true" || c.raw === true,
  },
  DropDownListChamp: {
    value: (c: ChampView) => asText(c.raw),
  },
  DecimalNumberChamp: {
    value: (c: ChampView) => {
      const text = asText(c.raw);
      return text !== null && isValidDecimal(text) ? Number(text) : null;
    },
  },
  DatetimeChamp: {
    datetime: (c: ChampView) => {
      const text = asText(c.raw);
      return text !== null && isLocalDatetime(text) ? localDatetimeToDate(text) : null;
    },
  },
  CiviliteChamp: {
    // The API's enum names: "M." is served as M.
    value: (c: ChampView) => (c.raw === "M." ? "M" : c.raw === "Mme" ? "Mme" : null),
  },
  MultipleDropDownListChamp: {
    values: (c: ChampView) => (Array.isArray(c.raw) ? c.raw.filter((v): v is string => typeof v === "string") : []),
  },
  HeaderSectionChamp: {
    level: (c: ChampView) => headerLevel(c.typeChamp, c.options),
  },
  LinkedDropDownListChamp: {
    primaryValue: (c: ChampView) => linkedPart(c.raw, "primary"),
    secondaryValue: (c: ChampView) => linkedPart(c.raw, "secondary"),
  },
  ...geoChampResolvers,
  ...fileChampResolvers,
  ...repetitionChampResolvers,
  ...fileResolvers,
  DossierLinkChamp: {
    // Only a submitted dossier of a démarche the token may read; anything else reads as null.
    async dossier(c: ChampView, _: unknown, ctx: GraphqlContext) {
      const number = dossierNumberOf(asText(c.raw));
      if (number === null) return null;
      const dossier = await ctx.loaders.apiDossier.load(number);
      if (!dossier || !(await ctx.loaders.demarcheAccess.load(dossier.demarcheId))) return null;
      return dossier;
    },
  },
};

function linkedPart(raw: unknown, part: "primary" | "secondary"): string | null {
  const parsed = linkedValueSchema.safeParse(raw);
  if (!parsed.success) return null;
  const text = parsed.data[part];
  return text.trim() === "" ? null : text;
}
