/**
 * One avis seen by its expert: the request, their answer (text, yes/no when asked, a file; may be
 * changed until the dossier is decided), the dossier read-only (the annotations privées only when
 * the instructeur allowed it), the other answers they may read (never a confidential one), and,
 * when allowed, « demander un autre avis ». An avis not addressed to them, or revoked: 404.
 * Both forms are multipart (optional file), through the upload layer.
 */
import { data, redirect } from "react-router";
import { answerAvis } from "../../../server/operations/avis/answer-avis";
import { requestAvis } from "../../../server/operations/avis/request-avis";
import { loadExpertAvis } from "../../../server/queries/expert/avis";
import { withDisplayTexts } from "../../../server/queries/form-view";
import { AvisFiles } from "../../components/avis/avis-files";
import {
  AvisErrorSummary,
  AvisRequestForm,
  EMPTY_AVIS_REQUEST,
  type AvisRequestFormValues,
} from "../../components/avis/avis-request-form";
import { ChampDisplayList } from "../../components/champs/champ-list";
import { CsrfInput } from "../../components/csrf-input";
import { TextareaField, UploadField } from "../../components/dsfr/fields";
import { avisRefusalMessages, postedFileError, postedFileId, readAvisRequestForm } from "../../lib/avis-form.server";
import { formatDateTime } from "../../lib/dates";
import { useT } from "../../lib/i18n";
import { currentExpert } from "../../lib/persona-guard.server";
import { formString, idParam, readForm, requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/avis";
import { ExpertAvisTabs } from "./avis-tabs";
import expertCss from "./expert.css?url";

export const handle = { i18n: ["avis", "champs", "dossiers", "fichiers", "instructeur", "usager"] };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: expertCss }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const expert = currentExpert(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  const view = await loadExpertAvis(services(context).db, expert.expertId, idParam(params.avisId));
  const when = (value: Date | null) => formatDateTime(value, locale, t);
  const notice = new URL(request.url).searchParams.get("notice");
  const { avis } = view;
  return {
    demarche: view.demarche,
    dossier: view.dossier,
    avis: {
      id: avis.id,
      claimantEmail: avis.claimantEmail,
      createdAt: when(avis.createdAt),
      introduction: avis.introduction,
      confidentiel: avis.confidentiel,
      questionLabel: avis.questionLabel,
      questionAnswer: avis.questionAnswer,
      answer: avis.answer,
      answeredAt: when(avis.answeredAt),
      introductionFiles: avis.introductionFiles.map((f) => ({ id: f.id, filename: f.filename })),
      answerFiles: avis.answerFiles.map((f) => ({ id: f.id, filename: f.filename })),
    },
    canAnswer: view.canAnswer,
    canInvite: view.canInvite,
    canMessage: view.canMessage,
    form: withDisplayTexts(view.form, locale),
    annotations: view.annotations ? withDisplayTexts(view.annotations, locale) : null,
    others: view.others.map((o) => ({
      ...o,
      answeredAt: when(o.answeredAt),
      answerFiles: o.answerFiles.map((f) => ({ id: f.id, filename: f.filename })),
    })),
    notice: notice === "answered" ? ("answered" as const) : notice === "invited" ? ("invited" as const) : null,
  };
}

interface AnswerValues {
  answer: string;
  questionAnswer: string;
  keptFileId: string | null;
}

type ActionData =
  | { intent: "answer"; errors: Record<string, string>; values: AnswerValues }
  | { intent: "request"; errors: Record<string, string>; values: AvisRequestFormValues };

export async function action({ request, context, params }: Route.ActionArgs) {
  const expert = currentExpert(context);
  const avisId = idParam(params.avisId);
  const { db } = services(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const page = `/avis/${avisId}`;
  if (intent === "answer") {
    const values: AnswerValues = {
      answer: formString(form, "answer"),
      questionAnswer: formString(form, "question_answer"),
      keptFileId: postedFileId(form),
    };
    const fileError = postedFileError(form);
    const result = await answerAvis(db, { expertId: expert.expertId, userId: expert.id }, avisId, {
      answer: values.answer,
      questionAnswer: values.questionAnswer,
      attachmentId: values.keptFileId,
      removeAttachment: form.get("remove_file") === "on",
    });
    if (result.ok && !fileError) return redirect(`${page}?notice=answered`);
    const errors = result.ok ? {} : avisRefusalMessages(result.refusals, t, locale);
    if (fileError) errors.file = fileError;
    return data<ActionData>(
      { intent, errors, values: { ...values, keptFileId: result.ok ? null : values.keptFileId } },
      { status: 422 },
    );
  }
  if (intent === "request") {
    const values = readAvisRequestForm(form);
    const fileError = postedFileError(form);
    const result = await requestAvis(
      db,
      { kind: "expert", userId: expert.id, expertId: expert.expertId, avisId },
      { ...values, annotationsVisible: false, attachmentId: values.keptFileId, locale },
    );
    if (result.ok && !fileError) return redirect(`${page}?notice=invited`);
    const errors = result.ok ? {} : avisRefusalMessages(result.refusals, t, locale);
    if (fileError) errors.file = fileError;
    return data<ActionData>({ intent, errors, values: result.ok ? EMPTY_AVIS_REQUEST : values }, { status: 422 });
  }
  throw data({ status: 400 }, { status: 400 });
}

const ANSWER_ANCHORS = { answer: "avis-answer", questionAnswer: "avis-question-oui", file: "avis-answer-file" };
const REQUEST_ANCHORS = {
  emails: "avis-emails",
  introduction: "avis-introduction",
  questionLabel: "avis-question-label",
  file: "avis-introduction-file",
};

export default function ExpertAvis({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { demarche, dossier, avis, canAnswer, canInvite, form, annotations, others, notice } = loaderData;
  const errors = actionData?.errors ?? {};
  const answerErrors = actionData?.intent === "answer" ? errors : {};
  const answerValues: AnswerValues =
    actionData?.intent === "answer"
      ? actionData.values
      : {
          answer: avis.answer ?? "",
          questionAnswer: avis.questionAnswer === null ? "" : avis.questionAnswer ? "oui" : "non",
          keptFileId: null,
        };
  const title = t("avis.expert.avisTitle", { number: dossier.id });
  const page = `/avis/${avis.id}`;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <title>{t(hasErrors ? "avis.errorPageTitle" : "avis.pageTitle", { title: `${title} · ${demarche.libelle}` })}</title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/avis">
          {t("avis.expert.back")}
        </a>
      </p>
      <p className="fr-mb-1v">{t("avis.expert.demarche", { libelle: demarche.libelle })}</p>
      <h1 className="fr-mb-2w">{title}</h1>
      <p>
        <span className="fr-badge fr-badge--no-icon">{t(`dossiers.states.${dossier.state}`)}</span>
      </p>
      {loaderData.canMessage ? <ExpertAvisTabs avisId={avis.id} current="avis" /> : null}
      {notice && !actionData ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t(`avis.expert.notices.${notice}`)}</p>
        </div>
      ) : null}
      <AvisErrorSummary errors={errors} anchors={actionData?.intent === "request" ? REQUEST_ANCHORS : ANSWER_ANCHORS} />

      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-6">
          <section aria-labelledby="avis-request-title" className="fr-mb-4w">
            <h2 id="avis-request-title" className="fr-h4">
              {t("avis.expert.requestTitle")}
            </h2>
            <p className="fr-text--sm">
              {t("avis.expert.requestFrom", { claimant: avis.claimantEmail ?? "—", date: avis.createdAt ?? "" })}
            </p>
            <p className="guichet-multiline">{avis.introduction}</p>
            <AvisFiles files={avis.introductionFiles} label={t("avis.instructeur.introductionFile")} />
            {avis.questionLabel ? <p>{t("avis.instructeur.question", { label: avis.questionLabel })}</p> : null}
          </section>

          <section aria-labelledby="avis-answer-title" className="fr-mb-4w">
            <h2 id="avis-answer-title" className="fr-h4">
              {t("avis.expert.answerTitle")}
            </h2>
            <p className="fr-text--sm">
              {avis.confidentiel ? t("avis.expert.confidentielNotice") : t("avis.expert.sharedNotice")}
            </p>
            {canAnswer ? (
              <AnswerForm page={page} avis={avis} values={answerValues} errors={answerErrors} />
            ) : (
              <>
                <p>{t("avis.expert.termine")}</p>
                {avis.answer !== null ? <p className="guichet-multiline">{avis.answer}</p> : null}
                {avis.questionLabel && avis.questionAnswer !== null ? (
                  <p>
                    {t("avis.instructeur.answer", { answer: avis.questionAnswer ? t("avis.expert.yes") : t("avis.expert.no") })}
                  </p>
                ) : null}
                <AvisFiles files={avis.answerFiles} label={t("avis.instructeur.answerFile")} />
              </>
            )}
          </section>

          <section aria-labelledby="avis-others" className="fr-mb-4w">
            <h2 id="avis-others" className="fr-h4">
              {t("avis.expert.otherAvisTitle")}
            </h2>
            {others.length === 0 ? <p>{t("avis.expert.otherAvisNone")}</p> : null}
            <ul>
              {others.map((o) => (
                <li key={o.id} className="fr-mb-2w">
                  <p className="fr-mb-1v">
                    <strong>{o.expertEmail}</strong> — {t("avis.expert.answeredOn", { date: o.answeredAt ?? "" })}
                  </p>
                  {o.answer === null ? (
                    <p>{t("avis.expert.confidentielAnswer")}</p>
                  ) : (
                    <>
                      <p className="guichet-multiline">{o.answer}</p>
                      {o.questionLabel && o.questionAnswer !== null ? (
                        <p>
                          {t("avis.instructeur.answer", {
                            answer: o.questionAnswer ? t("avis.expert.yes") : t("avis.expert.no"),
                          })}
                        </p>
                      ) : null}
                      <AvisFiles files={o.answerFiles} label={t("avis.instructeur.answerFile")} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>

          {canInvite ? (
            <AvisRequestForm
              action={page}
              values={actionData?.intent === "request" ? actionData.values : EMPTY_AVIS_REQUEST}
              errors={actionData?.intent === "request" ? errors : {}}
              allowAnnotations={false}
              headingId="avis-invite"
              title={t("avis.expert.inviteTitle")}
            />
          ) : null}
        </div>

        <div className="fr-col-12 fr-col-lg-6">
          <section aria-labelledby="avis-dossier" className="fr-mb-4w">
            <h2 id="avis-dossier" className="fr-h4">
              {t("avis.expert.dossierTitle")}
            </h2>
            <ChampDisplayList
              descriptors={form.descriptors}
              values={form.values}
              texts={form.texts}
              hidden={form.hidden}
              headingLevel={3}
            />
          </section>
          {annotations ? (
            <section aria-labelledby="avis-annotations" className="fr-mb-4w">
              <h2 id="avis-annotations" className="fr-h4">
                {t("avis.expert.annotationsTitle")}
              </h2>
              <ChampDisplayList
                descriptors={annotations.descriptors}
                values={annotations.values}
                texts={annotations.texts}
                hidden={annotations.hidden}
                headingLevel={3}
              />
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}

function AnswerForm({
  page,
  avis,
  values,
  errors,
}: {
  page: string;
  avis: Route.ComponentProps["loaderData"]["avis"];
  values: AnswerValues;
  errors: Record<string, string>;
}) {
  const t = useT();
  return (
    <form method="post" action={page} encType="multipart/form-data" noValidate>
      <CsrfInput />
      <input type="hidden" name="intent" value="answer" />
      {values.keptFileId ? <input type="hidden" name="kept_file_id" value={values.keptFileId} /> : null}
      {avis.questionLabel ? (
        <fieldset
          className={errors.questionAnswer ? "fr-fieldset fr-fieldset--error" : "fr-fieldset"}
          aria-describedby={errors.questionAnswer ? "avis-question-answer-error" : undefined}
        >
          <legend className="fr-fieldset__legend">{t("avis.expert.questionAnswer", { label: avis.questionLabel })}</legend>
          {(["oui", "non"] as const).map((choice) => (
            <div key={choice} className="fr-fieldset__element fr-fieldset__element--inline">
              <div className="fr-radio-group">
                <input
                  type="radio"
                  id={`avis-question-${choice}`}
                  name="question_answer"
                  value={choice}
                  defaultChecked={values.questionAnswer === choice}
                />
                <label className="fr-label" htmlFor={`avis-question-${choice}`}>
                  {choice === "oui" ? t("avis.expert.yes") : t("avis.expert.no")}
                </label>
              </div>
            </div>
          ))}
          {errors.questionAnswer ? (
            <div className="fr-messages-group" id="avis-question-answer-error">
              <p className="fr-message fr-message--error">{errors.questionAnswer}</p>
            </div>
          ) : null}
        </fieldset>
      ) : null}
      <TextareaField
        id="avis-answer"
        name="answer"
        rows={8}
        label={t("avis.expert.answer")}
        error={errors.answer}
        defaultValue={values.answer}
      />
      {avis.answerFiles.length > 0 ? (
        <div className="fr-checkbox-group fr-mb-2w">
          <input type="checkbox" id="avis-remove-file" name="remove_file" />
          <label className="fr-label" htmlFor="avis-remove-file">
            {t("avis.expert.removeFile")} ({avis.answerFiles.map((f) => f.filename).join(", ")})
          </label>
        </div>
      ) : null}
      <UploadField
        id="avis-answer-file"
        name="answer_file"
        className="fr-mb-3w"
        label={t("avis.expert.file")}
        hint={values.keptFileId ? t("avis.instructeur.fileKept") : t("avis.expert.fileHint")}
        error={errors.file}
      />
      <AvisFiles files={avis.answerFiles} label={t("avis.instructeur.answerFile")} />
      <button type="submit" className="fr-btn">
        {avis.answeredAt ? t("avis.expert.update") : t("avis.expert.submit")}
      </button>
    </form>
  );
}
