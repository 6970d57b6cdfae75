/**
 * The gallery of model démarches shipped with Guichet (`models/*.json`): an administrateur clones
 * one into a new brouillon démarche. Each file is checked when loaded: known field types, options
 * valid for their type (merged over the type's defaults), unique keys, conditions on an earlier
 * yes/no or drop-down field with a value it can take. A broken file fails at start, never later.
 */
import { z } from "zod";
import { TYPES_CHAMP, type TypeChamp } from "../champs/definition";
import { defaultOptionsFor, getTypeDeChamp } from "../champs/registry";
import { ZCloneLibelle } from "./clone-options";
import appelAProjets from "./models/appel-a-projets.json";
import demandeAutorisation from "./models/demande-autorisation.json";
import inscription from "./models/inscription.json";
import signalement from "./models/signalement.json";
import subventionAssociation from "./models/subvention-association.json";

const ZModelCondition = z.object({ champ: z.string(), equals: z.union([z.string(), z.boolean()]) }).strict();

interface RawModelChamp {
  key: string;
  type: TypeChamp;
  libelle: string;
  description?: string | undefined;
  mandatory?: boolean | undefined;
  options?: Record<string, unknown> | undefined;
  condition?: z.infer<typeof ZModelCondition> | undefined;
  champs?: RawModelChamp[] | undefined;
}

const ZModelChamp: z.ZodType<RawModelChamp> = z.lazy(() =>
  z
    .object({
      key: z.string().regex(/^[a-z0-9_]+$/),
      type: z.enum(TYPES_CHAMP),
      libelle: z.string().min(1).max(500),
      description: z.string().max(2000).optional(),
      mandatory: z.boolean().optional(),
      options: z.record(z.string(), z.unknown()).optional(),
      condition: ZModelCondition.optional(),
      champs: z.array(ZModelChamp).optional(),
    })
    .strict(),
);

const ZModel = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    libelle: ZCloneLibelle,
    description: z.string().min(1),
    thematique: z.string().min(1),
    cadreJuridique: z.string().min(1),
    forIndividual: z.boolean(),
    champs: z.array(ZModelChamp).min(1),
    annotations: z.array(ZModelChamp),
  })
  .strict();

export interface ModelChamp {
  key: string;
  type: TypeChamp;
  libelle: string;
  description: string | null;
  mandatory: boolean;
  private: boolean;
  options: Record<string, unknown>;
  condition: { champ: string; equals: string | boolean } | null;
  champs: ModelChamp[];
}

export interface DemarcheModel {
  id: string;
  libelle: string;
  description: string;
  thematique: string;
  cadreJuridique: string;
  forIndividual: boolean;
  champs: ModelChamp[];
  annotations: ModelChamp[];
}

/** Checks one model file; throws with the model and field named. */
export function parseDemarcheModel(raw: unknown): DemarcheModel {
  const model = ZModel.parse(raw);
  const keys = new Set<string>();
  const fail = (message: string): never => {
    throw new Error(`model ${model.id}: ${message}`);
  };
  const convert = (list: RawModelChamp[], isPrivate: boolean, inBlock: boolean, seen: Map<string, ModelChamp>): ModelChamp[] =>
    list.map((raw) => {
      if (keys.has(raw.key)) fail(`duplicate key ${raw.key}`);
      keys.add(raw.key);
      if (raw.type === "repetition" && (inBlock || !raw.champs?.length)) fail(`${raw.key}: a block holds fields, never a block`);
      if (raw.type !== "repetition" && raw.champs) fail(`${raw.key}: only a block holds fields`);
      const options = getTypeDeChamp(raw.type).optionsSchema.safeParse({
        ...defaultOptionsFor(raw.type),
        ...(raw.options ?? {}),
      });
      if (!options.success) fail(`${raw.key}: options ${options.error.issues.map((i) => i.message).join(", ")}`);
      if (raw.condition) {
        const target = seen.get(raw.condition.champ);
        if (!target) fail(`${raw.key}: condition on ${raw.condition.champ}, not an earlier field`);
        const value = raw.condition.equals;
        const ok =
          (target?.type === "yes_no" && typeof value === "boolean") ||
          (target?.type === "drop_down_list" &&
            typeof value === "string" &&
            ((target.options.options as string[] | undefined) ?? []).includes(value));
        if (!ok) fail(`${raw.key}: condition value ${String(value)} impossible for ${raw.condition.champ}`);
      }
      const champ: ModelChamp = {
        key: raw.key,
        type: raw.type,
        libelle: raw.libelle,
        description: raw.description ?? null,
        mandatory: raw.mandatory ?? (raw.type !== "header_section" && raw.type !== "explication" && !isPrivate),
        private: isPrivate,
        options: options.success ? (options.data as Record<string, unknown>) : {},
        condition: raw.condition ?? null,
        champs: [],
      };
      seen.set(raw.key, champ);
      champ.champs = raw.champs ? convert(raw.champs, isPrivate, true, seen) : [];
      return champ;
    });
  const publicSeen = new Map<string, ModelChamp>();
  return {
    ...model,
    champs: convert(model.champs, false, false, publicSeen),
    annotations: convert(model.annotations, true, false, new Map(publicSeen)),
  };
}

/** Every model, in gallery order; parsed once, when this module loads. */
export const DEMARCHE_MODELS: readonly DemarcheModel[] = [
  subventionAssociation,
  demandeAutorisation,
  inscription,
  signalement,
  appelAProjets,
].map(parseDemarcheModel);

export function findDemarcheModel(id: string): DemarcheModel | null {
  return DEMARCHE_MODELS.find((m) => m.id === id) ?? null;
}

/** Fields of a model, flat (a block's fields follow it): the gallery shows their count. */
export function modelChampCount(model: DemarcheModel): number {
  const count = (list: ModelChamp[]): number => list.reduce((n, c) => n + 1 + count(c.champs), 0);
  return count(model.champs);
}
