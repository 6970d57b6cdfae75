/** Builders shared by the champs unit tests (not imported by production code). */
import type { ChampDescriptor, TypeChamp, TypedChampDescriptor } from "./definition";

let nextStableId = 1;

export function descriptor(type: TypeChamp, overrides: Partial<ChampDescriptor> = {}): ChampDescriptor {
  return {
    stableId: nextStableId++,
    type,
    libelle: `Champ ${type}`,
    description: null,
    mandatory: true,
    options: {},
    ...overrides,
  };
}

export function typed<O>(type: TypeChamp, options: O, overrides: Partial<ChampDescriptor> = {}): TypedChampDescriptor<O> {
  return { ...descriptor(type, overrides), options };
}
