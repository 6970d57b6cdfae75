/**
 * The changes a publication brings, as sentences (« Le champ « Nom » a été ajouté. »), grouped
 * into the usager's form, the annotations privées and the ineligibility criteria. A type change
 * that makes existing answers unreadable carries a warning.
 */
import type { ChampChange, RevisionChange } from "../../../../server/domain/revisions/diff";
import { useT } from "../../../lib/i18n";
import { useDynamicT, useFormatNumber } from "./layout";

type DynamicT = ReturnType<typeof useDynamicT>;

interface Sentence {
  text: string;
  /** Answers already given will no longer show. */
  warning?: string;
}

function formatOptionValue(value: unknown, dt: DynamicT, formatNumber: (n: number) => string): string | null {
  if (value === null || value === undefined) return dt("revisions.diff.valueNone");
  if (typeof value === "boolean") return dt(value ? "revisions.diff.valueYes" : "revisions.diff.valueNo");
  if (typeof value === "number") return formatNumber(value);
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(", ");
  return null;
}

function optionSentences(
  change: Extract<ChampChange, { kind: "update_champ"; attribute: "option" }>,
  dt: DynamicT,
  formatNumber: (n: number) => string,
): Sentence[] {
  const { libelle } = change;
  if (change.added.length > 0 || change.removed.length > 0) {
    return [
      ...change.added.map((option) => ({ text: dt("revisions.diff.optionAdded", { option, libelle }) })),
      ...change.removed.map((option) => ({ text: dt("revisions.diff.optionRemoved", { option, libelle }) })),
    ];
  }
  if (Array.isArray(change.from) && Array.isArray(change.to))
    return [{ text: dt("revisions.diff.optionsReordered", { libelle }) }];
  // Option names are the editor's field labels; an option without one gets the generic sentence.
  const labelKey = `admin.champEditor.fields.${change.option}`;
  const label = dt(labelKey);
  const from = formatOptionValue(change.from, dt, formatNumber);
  const to = formatOptionValue(change.to, dt, formatNumber);
  if (label === labelKey || from === null || to === null) return [{ text: dt("revisions.diff.optionsChanged", { libelle }) }];
  return [{ text: dt("revisions.diff.optionChanged", { libelle, option: label, from, to }) }];
}

function champSentences(change: ChampChange, dt: DynamicT, formatNumber: (n: number) => string): Sentence[] {
  const { libelle } = change;
  switch (change.kind) {
    case "add_champ":
      return [
        {
          text: change.parent
            ? dt("revisions.diff.addChild", { libelle, parent: change.parent.libelle })
            : dt("revisions.diff.addChamp", { libelle }),
        },
      ];
    case "remove_champ":
      return [
        {
          text: change.parent
            ? dt("revisions.diff.removeChild", { libelle, parent: change.parent.libelle })
            : dt("revisions.diff.removeChamp", { libelle }),
        },
      ];
    case "move_champ":
      return [{ text: dt("revisions.diff.moveChamp", { libelle, from: change.fromPosition, to: change.toPosition }) }];
    case "update_champ":
      switch (change.attribute) {
        case "libelle":
          return [{ text: dt("revisions.diff.libelle", { from: change.from, to: change.to }) }];
        case "description":
          return [
            {
              text: dt(
                change.from === null
                  ? "revisions.diff.descriptionAdded"
                  : change.to === null
                    ? "revisions.diff.descriptionRemoved"
                    : "revisions.diff.descriptionChanged",
                { libelle },
              ),
            },
          ];
        case "mandatory":
          return [{ text: dt(change.to ? "revisions.diff.mandatory" : "revisions.diff.optional", { libelle }) }];
        case "type_champ":
          return [
            {
              text: dt("revisions.diff.typeChanged", {
                libelle,
                from: dt(`champs.types.${change.from}`),
                to: dt(`champs.types.${change.to}`),
              }),
              ...(change.valuesKept ? {} : { warning: dt("revisions.diff.typeValuesLost") }),
            },
          ];
        case "condition":
          return [
            {
              text: dt(
                change.from === null
                  ? "revisions.diff.conditionAdded"
                  : change.to === null
                    ? "revisions.diff.conditionRemoved"
                    : "revisions.diff.conditionChanged",
                { libelle },
              ),
            },
          ];
        case "parent":
          return [
            ...(change.from ? [{ text: dt("revisions.diff.parentOut", { libelle, parent: change.from.libelle }) }] : []),
            ...(change.to ? [{ text: dt("revisions.diff.parentIn", { libelle, parent: change.to.libelle }) }] : []),
          ];
        case "option":
          return optionSentences(change, dt, formatNumber);
      }
  }
}

const INELIGIBILITE_KEYS = {
  ineligibilite_enabled: "revisions.diff.ineligibiliteEnabled",
  ineligibilite_disabled: "revisions.diff.ineligibiliteDisabled",
  add_ineligibilite_rules: "revisions.diff.ineligibiliteRulesAdded",
  remove_ineligibilite_rules: "revisions.diff.ineligibiliteRulesRemoved",
  update_ineligibilite_rules: "revisions.diff.ineligibiliteRulesChanged",
  update_ineligibilite_message: "revisions.diff.ineligibiliteMessageChanged",
} as const;

const isChampChange = (change: RevisionChange): change is ChampChange =>
  change.kind === "add_champ" || change.kind === "remove_champ" || change.kind === "move_champ" || change.kind === "update_champ";

function SentenceList({ sentences }: { sentences: Sentence[] }) {
  return (
    <ul>
      {sentences.map((sentence, index) => (
        // Sentences have no identity of their own; their order is stable for a given diff.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <li key={index}>
          {sentence.text}
          {sentence.warning ? <p className="fr-message fr-message--warning fr-mb-1w">{sentence.warning}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function RevisionDiff({ changes, headingLevel = 3 }: { changes: RevisionChange[]; headingLevel?: 2 | 3 | 4 }) {
  const t = useT();
  const dt = useDynamicT();
  const formatNumber = useFormatNumber();
  const Heading = `h${headingLevel}` as const;
  const champChanges = changes.filter(isChampChange);
  const sections = [
    {
      id: "changes-public",
      title: t("revisions.diff.publicTitle"),
      sentences: champChanges.filter((c) => !c.private).flatMap((c) => champSentences(c, dt, formatNumber)),
    },
    {
      id: "changes-private",
      title: t("revisions.diff.privateTitle"),
      sentences: champChanges.filter((c) => c.private).flatMap((c) => champSentences(c, dt, formatNumber)),
    },
    {
      id: "changes-ineligibilite",
      title: t("revisions.diff.ineligibiliteTitle"),
      sentences: changes.flatMap((c) =>
        c.kind in INELIGIBILITE_KEYS ? [{ text: t(INELIGIBILITE_KEYS[c.kind as keyof typeof INELIGIBILITE_KEYS]) }] : [],
      ),
    },
  ].filter((section) => section.sentences.length > 0);
  return (
    <>
      {sections.map((section) => (
        <div key={section.id} id={section.id}>
          <Heading className="fr-h6 fr-mb-1w">{section.title}</Heading>
          <SentenceList sentences={section.sentences} />
        </div>
      ))}
    </>
  );
}

export interface PublishedField {
  stableId: number;
  type: string;
  libelle: string;
  mandatory: boolean;
  private: boolean;
  parentLibelle: string | null;
}

function FieldList({ fields }: { fields: PublishedField[] }) {
  const t = useT();
  const dt = useDynamicT();
  return (
    <ul>
      {fields.map((field) => (
        <li key={field.stableId}>
          {[
            `${field.libelle.trim() === "" ? t("admin.champEditor.untitled") : field.libelle} — ${dt(`champs.types.${field.type}`)}`,
            field.mandatory ? t("revisions.publication.mandatory") : null,
            field.parentLibelle !== null ? t("revisions.publication.inBlock", { parent: field.parentLibelle }) : null,
          ]
            .filter((part) => part !== null)
            .join(", ")}
        </li>
      ))}
    </ul>
  );
}

/** First publication: the fields that will go online (nothing to compare with yet). */
export function PublishedFields({ fields }: { fields: PublishedField[] }) {
  const t = useT();
  const publicFields = fields.filter((f) => !f.private);
  const annotations = fields.filter((f) => f.private);
  return (
    <div id="published-fields" className="fr-mb-3w">
      <h3 className="fr-h5">{t("revisions.publication.fieldsTitle", { count: publicFields.length })}</h3>
      <FieldList fields={publicFields} />
      {annotations.length > 0 ? (
        <>
          <h3 className="fr-h6">{t("revisions.publication.annotationsTitle", { count: annotations.length })}</h3>
          <FieldList fields={annotations} />
        </>
      ) : null}
    </div>
  );
}
