/**
 * The footer's pages about the platform (mentions légales, données personnelles, conditions
 * d'utilisation, aide et contact): a title and sections of paragraphs from the `legal` namespace,
 * with the instance's facts (publisher, hosting, contact address) from its configuration.
 */
import type { TranslationKey } from "../../../common/i18n";
import { useT } from "../../lib/i18n";

export interface LegalFacts {
  publisher: string | null;
  hosting: string | null;
  contactEmail: string | null;
}

export interface LegalSection {
  id: string;
  title: TranslationKey;
  body: TranslationKey;
}

/** A text whose paragraphs are separated by blank lines; `{contact}` becomes a mailto link. */
function Paragraphs({ text, contactEmail }: { text: string; contactEmail: string | null }) {
  return (
    <>
      {text.split("\n\n").map((paragraph) => {
        const [before, after] = paragraph.split("{contact}");
        return (
          <p key={paragraph}>
            {before}
            {after !== undefined && contactEmail ? <a href={`mailto:${contactEmail}`}>{contactEmail}</a> : null}
            {after}
          </p>
        );
      })}
    </>
  );
}

export function LegalPage({
  title,
  intro,
  sections,
  facts,
}: {
  title: TranslationKey;
  intro?: TranslationKey;
  sections: LegalSection[];
  facts: LegalFacts;
}) {
  const t = useT();
  const notGiven = t("legal.notGiven");
  const params = { publisher: facts.publisher ?? notGiven, hosting: facts.hosting ?? notGiven };
  return (
    <div className="fr-grid-row">
      <div className="fr-col-12 fr-col-lg-9">
        <title>{`${t(title)} – Guichet`}</title>
        <h1>{t(title)}</h1>
        {intro ? <p className="fr-text--lead">{t(intro, params)}</p> : null}
        <p className="fr-text--sm">{t("legal.updated")}</p>
        {sections.map((section) => {
          const text = t(section.body, params);
          return (
            <section key={section.id} aria-labelledby={section.id}>
              <h2 id={section.id} className="fr-h4 fr-mt-4w">
                {t(section.title)}
              </h2>
              {text.includes("{contact}") && !facts.contactEmail ? (
                <Paragraphs text={text.replace(/[^.\n]*\{contact\}[^.\n]*\.?/, t("legal.noContact"))} contactEmail={null} />
              ) : (
                <Paragraphs text={text} contactEmail={facts.contactEmail} />
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
