/**
 * Contracts of the field components. Each type de champ has one input and one display component,
 * typed with its own options and value (inferred from the registry), gathered in `registry.ts`,
 * which must cover every `TypeChamp`: adding a type to the registry does not compile until both exist.
 */
import type {
  ChampDescriptor,
  TypeChamp,
  TypeDeChampDefinition,
  TypedChampDescriptor,
} from "../../../server/domain/champs/definition";
import type { ChampError } from "../../../server/domain/champs/errors";
import type { TYPES_DE_CHAMP } from "../../../server/domain/champs/registry";

/**
 * Props of `<ChampInput>`: the descriptor with its options parsed by its type (`pageDescriptors`),
 * the value to show, read with its type (`pageValues`, or as the action parsed it), and its error if any.
 */
export interface ChampInputProps {
  descriptor: ChampDescriptor;
  /** Stored value (read by `pageValues`: null when not of the type's shape) or value typed in the last submission. */
  value: unknown;
  error?: ChampError | null;
  /** Heading level of a top-level section title (header_section level 1); deeper levels follow. Default 2. */
  headingLevel?: number;
  /** The occurrence (`ChampKey`): a field inside a repetition row carries its row id. Default: the stable id. */
  champKey?: string;
}

/** Props of `<ChampDisplay>`. */
export interface ChampDisplayProps {
  descriptor: ChampDescriptor;
  value: unknown;
  /** The type's `displayValue` of the value in the page's language (`displayTexts`; "" when blank). */
  text: string;
  /** As for ChampInput. Default 2. */
  headingLevel?: number;
}

type Definitions = typeof TYPES_DE_CHAMP;
export type OptionsOf<K extends TypeChamp> = Definitions[K] extends TypeDeChampDefinition<infer O, infer _V, K> ? O : never;
export type ValueOf<K extends TypeChamp> = Definitions[K] extends TypeDeChampDefinition<infer _O, infer V, K> ? V : never;

/** HTML ids and name of one field (see `champIds`). */
export interface ChampIds {
  /** `champ-<stableId>`: the input, or the first radio of a group (the error summary links here). */
  input: string;
  hint: string;
  error: string;
  /** `champ_<stableId>` (`champInputName`). */
  name: string;
}

/** What each type's input component receives once the dispatcher has parsed options and value. */
export interface TypedInputProps<K extends TypeChamp> {
  descriptor: TypedChampDescriptor<OptionsOf<K>>;
  value: ValueOf<K> | null;
  /** Translated message of the field's error, or null. */
  errorMessage: string | null;
  ids: ChampIds;
  /** Heading level for header_section (already offset by its level option). */
  headingLevel: number;
}

export interface TypedDisplayProps<K extends TypeChamp> {
  descriptor: TypedChampDescriptor<OptionsOf<K>>;
  value: ValueOf<K> | null;
  /** `displayValue` of the type in the current language ("" when blank). */
  text: string;
  headingLevel: number;
}
