/**
 * On the usager's dossier pages, after a publication moved the dossier to a newer form: which
 * questions were added, changed and removed since the usager last saw it, and a button to say it
 * has been read (posted to /dossiers/:id/changements-formulaire, with or without JavaScript).
 */
import { Form } from "react-router";
import type { UsagerFormChanges } from "../../../server/domain/revisions/usager-changes";
import { useT } from "../../lib/i18n";
import { CsrfInput } from "../csrf-input";

export type FormChangesReturnPage = "dossier" | "brouillon" | "modifier";

function QuestionList({ title, items }: { title: string; items: Array<{ key: string | number; text: string }> }) {
  if (items.length === 0) return null;
  return (
    <>
      <p className="fr-mt-1w fr-mb-0">{title}</p>
      <ul>
        {items.map((item) => (
          <li key={item.key}>{item.text}</li>
        ))}
      </ul>
    </>
  );
}

export function FormChangesNotice({
  dossierId,
  changes,
  returnPage,
}: {
  dossierId: number;
  changes: UsagerFormChanges;
  returnPage: FormChangesReturnPage;
}) {
  const t = useT();
  const changeDetails = (question: UsagerFormChanges["changed"][number]) =>
    [
      question.previousLibelle !== null ? t("usager.formChanges.previousLibelle", { libelle: question.previousLibelle }) : null,
      question.nowMandatory ? t("usager.formChanges.nowMandatory") : null,
      question.answerLost ? t("usager.formChanges.answerLost") : null,
    ].filter((part) => part !== null);
  return (
    <div className="fr-alert fr-alert--info fr-mb-3w" id="changements-formulaire">
      <h2 className="fr-alert__title">{t("usager.formChanges.title")}</h2>
      <p>{t("usager.formChanges.lead")}</p>
      <QuestionList
        title={t("usager.formChanges.added")}
        items={changes.added.map((q) => ({
          key: q.stableId,
          text: q.mandatory ? `${q.libelle} (${t("usager.formChanges.mandatory")})` : q.libelle,
        }))}
      />
      <QuestionList
        title={t("usager.formChanges.changed")}
        items={changes.changed.map((q) => {
          const details = changeDetails(q);
          return { key: q.stableId, text: details.length > 0 ? `${q.libelle} (${details.join(", ")})` : q.libelle };
        })}
      />
      <QuestionList
        title={t("usager.formChanges.removed")}
        items={changes.removed.map((libelle) => ({ key: libelle, text: libelle }))}
      />
      <Form method="post" action={`/dossiers/${dossierId}/changements-formulaire`} className="fr-mt-2w">
        <CsrfInput />
        <input type="hidden" name="retour" value={returnPage} />
        <button type="submit" className="fr-btn fr-btn--sm fr-btn--secondary">
          {t("usager.formChanges.acknowledge")}
        </button>
      </Form>
    </div>
  );
}
