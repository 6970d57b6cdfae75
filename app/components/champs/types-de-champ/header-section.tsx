/**
 * `header_section` (« Titre de section »): a heading of the form. Level 1 sections use the level
 * the page gives (h2 under the page's h1), deeper levels follow, capped at h6. The heading carries
 * the field's anchor so the section menu can link to it.
 */
import { ChampHint } from "../field-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

export function SectionHeading({ id, libelle, level }: { id?: string; libelle: string; level: number }) {
  const clamped = Math.min(6, Math.max(2, level));
  const Tag = `h${clamped}` as "h2" | "h3" | "h4" | "h5" | "h6";
  return (
    <Tag id={id} className="fr-mt-5w fr-mb-3w">
      {libelle}
    </Tag>
  );
}

export function HeaderSectionInput({ descriptor, ids, headingLevel }: TypedInputProps<"header_section">) {
  return (
    <>
      <SectionHeading id={ids.input} libelle={descriptor.libelle} level={headingLevel} />
      <ChampHint id={ids.hint} description={descriptor.description} />
    </>
  );
}

export function HeaderSectionDisplay({ descriptor, headingLevel }: TypedDisplayProps<"header_section">) {
  return <SectionHeading libelle={descriptor.libelle} level={headingLevel} />;
}
