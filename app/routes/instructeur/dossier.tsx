import { data, Form, redirect } from "react-router";
import type { Db } from "../../../server/db/client";
import type { TraitementEvent, TransitionErrorCode } from "../../../server/domain/dossier/transitions";
import { MOTIVATION_MAX_LENGTH } from "../../../server/domain/dossier/transitions";
import { accepterDossier } from "../../../server/operations/dossiers/accepter-dossier";
import type { TransitionResult } from "../../../server/operations/dossiers/apply-transition";
import { classerSansSuite } from "../../../server/operations/dossiers/classer-sans-suite";
import { followDossier } from "../../../server/operations/dossiers/follow-dossier";
import type { InstructeurActor } from "../../../server/operations/dossiers/instructeur-transition";
import { passerEnInstruction } from "../../../server/operations/dossiers/passer-en-instruction";
import { refuserDossier } from "../../../server/operations/dossiers/refuser-dossier";
import { saveAnnotations } from "../../../server/operations/dossiers/save-annotations";
import { type Refusal, refusalsByField } from "../../../server/refusal";
import { parseRowIntent } from "../../../server/domain/form/row-intent";
import { readUploadErrors } from "../../../server/domain/files/upload-errors";
import { repasserEnConstruction } from "../../../server/operations/dossiers/repasser-en-construction";
import { repasserEnInstruction } from "../../../server/operations/dossiers/repasser-en-instruction";
import { findInstructeurDossierOfDemarche, loadInstructeurDossier } from "../../../server/queries/instructeur/dossier";
import { ChampDisplayList } from "../../components/champs/champ-list";
import { CsrfInput } from "../../components/csrf-input";
import { annotationsActionData } from "./annotations-action.server";
import { AnnotationsSection, type AnnotationsActionData } from "./annotations-section";
import type { TranslationKey } from "../../../common/i18n";
import { useT } from "../../lib/i18n";
import { currentInstructeur } from "../../lib/persona-guard.server";
import { formFieldReader, formString, idParam, readForm, requestState, services, tFor } from "../../lib/request.server";
import type { Route } from "./+types/dossier";
import { formatDateTime } from "../../lib/dates";
import instructeurCss from "./instructeur.css?url";
import { DossierStateBadge, useDemandeurName } from "./ui";
import { quotedLibelles } from "../../../server/domain/form/libelles";

export const handle = { i18n: ["champs", "dossiers", "fichiers", "instructeur", "usager"] };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: instructeurCss }];

const NOTICES = [
  "suivi",
  "plus_suivi",
  "passe_en_instruction",
  "repasse_en_construction",
  "accepte",
  "refuse",
  "sans_suite",
  "repasse_en_instruction",
  "annotations",
] as const;
type Notice = (typeof NOTICES)[number];

type Operation = (db: Db, actor: InstructeurActor, dossierId: number, motivation?: string | null) => Promise<TransitionResult>;

/** The three decisions of the decision form (radio `decision`), and the notice each one shows. */
const DECISION_NAMES = ["accepter", "refuser", "classer_sans_suite"] as const;
type Decision = (typeof DECISION_NAMES)[number];
// The component uses only the names: the operations stay out of the browser's bundle.
const DECISIONS = {
  accepter: { run: accepterDossier, notice: "accepte" },
  refuser: { run: refuserDossier, notice: "refuse" },
  classer_sans_suite: { run: classerSansSuite, notice: "sans_suite" },
} as const satisfies Record<Decision, { run: Operation; notice: Notice }>;

/** The single-button actions (hidden field `intent`). */
const TRANSITIONS = {
  passer_en_instruction: { run: passerEnInstruction, notice: "passe_en_instruction" },
  repasser_en_construction: { run: repasserEnConstruction, notice: "repasse_en_construction" },
  repasser_en_instruction: { run: repasserEnInstruction, notice: "repasse_en_instruction" },
} as const satisfies Record<string, { run: Operation; notice: Notice }>;

interface ActionError {
  /** The field the message belongs to (the summary links to it), or "form". */
  field: "decision" | "motivation" | "form";
  key: TranslationKey;
  params?: Record<string, string | number>;
}

/** What a refused POST answers: the decision's errors and what was typed, or the annotations' ones. */
interface ActionData {
  intent: string;
  errors: ActionError[];
  values: { decision: string; motivation: string };
  annotations?: AnnotationsActionData;
}

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const dossierId = idParam(params.dossierId);
  const { db } = services(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  const loaded = await loadInstructeurDossier(db, { instructeurId: instructeur.instructeurId, demarcheId, dossierId });
  const notice = new URL(request.url).searchParams.get("notice");
  const when = (value: Date | string | null) => formatDateTime(value, locale, t);
  const { dossier } = loaded;
  return {
    demarche: loaded.demarche,
    dossier: {
      ...dossier,
      createdAt: when(dossier.createdAt),
      deposeAt: when(dossier.deposeAt),
      enConstructionAt: when(dossier.enConstructionAt),
      enInstructionAt: when(dossier.enInstructionAt),
      processedAt: when(dossier.processedAt),
      updatedAt: when(dossier.updatedAt),
    },
    form: loaded.form,
    history: loaded.history.map((h) => ({ ...h, event: h.event as TraitementEvent, processedAt: when(h.processedAt) })),
    followers: loaded.followers,
    followedByMe: loaded.followedByMe,
    events: loaded.events,
    annotations: loaded.annotations,
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as Notice) : null,
    motivationMax: MOTIVATION_MAX_LENGTH,
  };
}

/**
 * Every POST names its `intent`; the dossier is first looked up in the instructeur's scope and in
 * this démarche (404 otherwise, nothing changes), then the matching operation runs. Refusals of
 * the state machine come back as errors with what was typed; success redirects with a notice.
 */
export async function action({ request, context, params }: Route.ActionArgs) {
  const instructeur = currentInstructeur(context);
  const demarcheId = idParam(params.id);
  const dossierId = idParam(params.dossierId);
  const { db } = services(context);
  await findInstructeurDossierOfDemarche(db, instructeur.instructeurId, demarcheId, dossierId);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const actor: InstructeurActor = { userId: instructeur.id, instructeurId: instructeur.instructeurId, email: instructeur.email };
  const done = (notice: Notice) => redirect(`/procedures/${demarcheId}/dossiers/${dossierId}?notice=${notice}`);
  const refused = (errors: ActionError[], values: { decision: string; motivation: string } = { decision: "", motivation: "" }) =>
    data<ActionData>({ intent, errors, values }, { status: 422 });
  // The state machine's refusals, one per field (`motivation` or the whole `form`).
  const transitionErrors = (refusals: readonly Refusal[]): ActionError[] => {
    const { errors, errorParams } = refusalsByField(refusals);
    return Object.entries(errors).map(([field, code]) => ({
      field: field === "motivation" ? "motivation" : "form",
      key: `dossiers.transitionErrors.${code as TransitionErrorCode}`,
      params: errorParams[field],
    }));
  };

  if (intent === "follow" || intent === "unfollow") {
    await followDossier(db, { instructeurId: instructeur.instructeurId, userId: instructeur.id }, dossierId, intent === "follow");
    return done(intent === "follow" ? "suivi" : "plus_suivi");
  }
  if (intent in TRANSITIONS) {
    const transition = TRANSITIONS[intent as keyof typeof TRANSITIONS];
    const result = await transition.run(db, actor, dossierId);
    return result.ok ? done(transition.notice) : refused(transitionErrors(result.refusals));
  }
  if (intent === "annotations") {
    // A repetition block's « Ajouter » / « Supprimer » button posts its own intent after this one.
    const rowIntent = form.getAll("intent").flatMap((value) => (typeof value === "string" ? [parseRowIntent(value)] : []));
    const row = rowIntent.find((r) => r !== null) ?? null;
    const result = await saveAnnotations(db, instructeur.instructeurId, dossierId, formFieldReader(form), row);
    // Files refused by the upload layer (no JavaScript): shown on their fields, the rest is saved.
    const uploadErrors = readUploadErrors(form);
    const uploadRefused = Object.keys(uploadErrors).length > 0;
    if (result.ok && !row && !uploadRefused) {
      return redirect(`/procedures/${demarcheId}/dossiers/${dossierId}?notice=annotations#annotations`);
    }
    return data<ActionData>(
      { intent, errors: [], values: { decision: "", motivation: "" }, annotations: annotationsActionData(result, uploadErrors) },
      { status: result.ok && !uploadRefused ? 200 : 422 },
    );
  }
  if (intent === "decision") {
    const decision = formString(form, "decision");
    const motivation = formString(form, "motivation");
    const values = { decision, motivation };
    if (!(DECISION_NAMES as readonly string[]).includes(decision)) {
      return refused([{ field: "decision", key: "instructeur.dossier.decision.required" }], values);
    }
    const chosen = DECISIONS[decision as Decision];
    const result = await chosen.run(db, actor, dossierId, motivation);
    return result.ok ? done(chosen.notice) : refused(transitionErrors(result.refusals), values);
  }
  throw data({ status: 400 }, { status: 400 });
}

export default function InstructeurDossier({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const demandeur = useDemandeurName();
  const { demarche, dossier, form, history, followers, followedByMe, events, notice, motivationMax, annotations } = loaderData;
  const errors = actionData?.errors ?? [];
  const values = actionData?.intent === "decision" ? actionData.values : { decision: "", motivation: "" };
  const errorFor = (field: ActionError["field"]) => errors.find((e) => e.field === field);
  const message = (e: ActionError) => t(e.key, e.params);
  const decisionError = errorFor("decision");
  const motivationError = errorFor("motivation");
  const canDecide = events.includes("accepter");
  const title = t("instructeur.dossier.title", { number: dossier.id });
  const identity = demandeur(dossier);

  return (
    <>
      <title>
        {t(
          errors.length > 0 || hasKeys(actionData?.annotations?.errors) ? "instructeur.errorPageTitle" : "instructeur.pageTitle",
          {
            title: `${title} · ${demarche.libelle}`,
          },
        )}
      </title>
      <p className="fr-mb-2w">
        <a className="fr-link fr-icon-arrow-left-line fr-link--icon-left" href={`/procedures/${demarche.id}`}>
          {t("instructeur.dossier.breadcrumb")}
        </a>
      </p>
      <p className="fr-mb-1v">{demarche.libelle}</p>
      <h1 className="fr-mb-2w">{title}</h1>
      <div className="fr-mb-3w">
        <DossierStateBadge state={dossier.state} small={false} />
      </div>

      {notice && notice !== "annotations" && errors.length === 0 ? (
        <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
          <p>{t(`instructeur.dossier.notices.${notice}`)}</p>
        </div>
      ) : null}

      {errors.length > 0 ? (
        <div className="fr-alert fr-alert--error fr-mb-3w" role="alert" id="erreurs">
          <h2 className="fr-alert__title">{t("instructeur.dossier.errorSummary")}</h2>
          <ul>
            {errors.map((e) => (
              <li key={e.key}>
                {e.field === "form" ? (
                  message(e)
                ) : (
                  <a href={e.field === "decision" ? `#decision-${DECISION_NAMES[0]}` : "#motivation"}>{message(e)}</a>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-8">
          <section aria-labelledby="identite" className="fr-mb-4w">
            <h2 id="identite">{t("instructeur.dossier.identity")}</h2>
            <p className="fr-mb-1v">
              <span className="fr-text--bold">{identity || t("instructeur.notFilled")}</span>
            </p>
            <p>
              {dossier.usagerEmail ? (
                <a href={`mailto:${dossier.usagerEmail}`}>{dossier.usagerEmail}</a>
              ) : (
                t("instructeur.notFilled")
              )}
            </p>
          </section>

          <section aria-labelledby="dates" className="fr-mb-4w">
            <h2 id="dates">{t("instructeur.dossier.dates")}</h2>
            <ul>
              {(
                [
                  ["deposeAt", dossier.deposeAt],
                  ["enConstructionAt", dossier.state === "en_construction" ? dossier.enConstructionAt : null],
                  [
                    "enInstructionAt",
                    dossier.state === "brouillon" || dossier.state === "en_construction" ? null : dossier.enInstructionAt,
                  ],
                  ["processedAt", dossier.processedAt],
                  ["updatedAt", dossier.updatedAt],
                ] as const
              )
                .filter(([, value]) => value)
                .map(([key, value]) => (
                  <li key={key}>
                    {t(`instructeur.dossier.${key}`)} {value}
                  </li>
                ))}
            </ul>
            {dossier.motivation ? (
              <>
                <h3 className="fr-h6 fr-mb-1v">{t("instructeur.dossier.motivation")}</h3>
                <blockquote className="guichet-multiline fr-mb-0">{dossier.motivation}</blockquote>
              </>
            ) : null}
          </section>

          <section aria-labelledby="formulaire" className="fr-mb-4w">
            <h2 id="formulaire">{t("instructeur.dossier.form")}</h2>
            {form.descriptors.length === 0 ? <p>{t("instructeur.dossier.noFields")}</p> : null}
            <ChampDisplayList
              descriptors={form.descriptors}
              values={form.values}
              hidden={form.hidden}
              dossierLinks={form.dossierLinks}
              headingLevel={3}
            />
          </section>

          <AnnotationsSection
            dossierId={dossier.id}
            annotations={annotations}
            posted={actionData?.annotations}
            saved={notice === "annotations" && !actionData}
          />

          <section aria-labelledby="historique" className="fr-mb-4w">
            <h2 id="historique">{t("instructeur.dossier.history.title")}</h2>
            {history.length === 0 ? (
              <p>{t("instructeur.dossier.history.empty")}</p>
            ) : (
              <div className="fr-table">
                <div className="fr-table__wrapper">
                  <div className="fr-table__container">
                    <div className="fr-table__content">
                      <table>
                        <caption className="guichet-visually-hidden">{t("instructeur.dossier.history.caption")}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t("instructeur.dossier.history.date")}</th>
                            <th scope="col">{t("instructeur.dossier.history.event")}</th>
                            <th scope="col">{t("instructeur.dossier.history.by")}</th>
                            <th scope="col">{t("instructeur.dossier.history.motivation")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {history.map((h) => (
                            <tr key={h.id}>
                              <td>{h.processedAt}</td>
                              <td>{t(`instructeur.dossier.history.events.${h.event}`)}</td>
                              <td>
                                {h.instructeurEmail ??
                                  (h.event === "depose" || h.event === "depose_correction_usager"
                                    ? t("instructeur.dossier.history.usager")
                                    : t("instructeur.dossier.history.system"))}
                              </td>
                              <td className="fr-cell--multiline guichet-multiline">{h.motivation ?? ""}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  </div>
                </div>
              </div>
            )}
          </section>
        </div>

        <div className="fr-col-12 fr-col-lg-4">
          <section aria-labelledby="suivi" className="fr-mb-4w">
            <h2 id="suivi" className="fr-h4">
              {t("instructeur.dossier.followers")}
            </h2>
            {followers.length === 0 ? (
              <p>{t("instructeur.dossier.noFollowers")}</p>
            ) : (
              <ul>
                {followers.map((email) => (
                  <li key={email}>{email}</li>
                ))}
              </ul>
            )}
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value={followedByMe ? "unfollow" : "follow"} />
              <button type="submit" className={followedByMe ? "fr-btn fr-btn--secondary" : "fr-btn"}>
                {followedByMe ? t("instructeur.dossier.unfollow") : t("instructeur.dossier.follow")}
              </button>
            </Form>
          </section>

          <section aria-labelledby="instruction" className="fr-mb-4w">
            <h2 id="instruction" className="fr-h4">
              {t("instructeur.dossier.actions")}
            </h2>
            {events.length === 0 ? <p>{t("instructeur.dossier.noActions")}</p> : null}

            {events.includes("passer_en_instruction") ? (
              <Form method="post" className="fr-mb-2w">
                <CsrfInput />
                <input type="hidden" name="intent" value="passer_en_instruction" />
                <button type="submit" className="fr-btn">
                  {t("dossiers.events.passer_en_instruction")}
                </button>
              </Form>
            ) : null}

            {events.includes("repasser_en_construction") ? (
              <Form method="post" className="fr-mb-3w">
                <CsrfInput />
                <input type="hidden" name="intent" value="repasser_en_construction" />
                <p className="fr-hint-text fr-mb-1v" id="repasser-en-construction-hint">
                  {t("instructeur.dossier.repasserEnConstructionHint")}
                </p>
                <button type="submit" className="fr-btn fr-btn--secondary" aria-describedby="repasser-en-construction-hint">
                  {t("dossiers.events.repasser_en_construction")}
                </button>
              </Form>
            ) : null}

            {canDecide && annotations.incomplete.length > 0 ? (
              <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="annotations-a-completer">
                <p>
                  {t("instructeur.dossier.decision.annotationsIncompletes", {
                    champs: quotedLibelles(annotations.incomplete),
                  })}{" "}
                  <a href="#annotations">{t("instructeur.dossier.decision.annotationsLink")}</a>
                </p>
              </div>
            ) : null}
            {canDecide ? (
              <Form method="post" key={actionData ? JSON.stringify(actionData.values) : "decision"} noValidate>
                <CsrfInput />
                <input type="hidden" name="intent" value="decision" />
                <fieldset
                  className={`fr-fieldset${decisionError ? " fr-fieldset--error" : ""}`}
                  aria-labelledby={`decision-legend${decisionError ? " decision-error" : ""}`}
                  role={decisionError ? "group" : undefined}
                >
                  <legend className="fr-fieldset__legend fr-text--regular" id="decision-legend">
                    {t("instructeur.dossier.decision.legend")}
                    <span className="fr-hint-text">{t("instructeur.dossier.decision.hint")}</span>
                  </legend>
                  {DECISION_NAMES.map((name) => (
                    <div className="fr-fieldset__element" key={name}>
                      <div className="fr-radio-group">
                        <input
                          type="radio"
                          id={`decision-${name}`}
                          name="decision"
                          value={name}
                          defaultChecked={values.decision === name}
                        />
                        <label className="fr-label" htmlFor={`decision-${name}`}>
                          {t(`instructeur.dossier.decision.${name}`)}
                        </label>
                      </div>
                    </div>
                  ))}
                  {decisionError ? (
                    <div className="fr-messages-group" id="decision-error" aria-live="polite">
                      <p className="fr-message fr-message--error">{message(decisionError)}</p>
                    </div>
                  ) : null}
                </fieldset>
                <div className={`fr-input-group${motivationError ? " fr-input-group--error" : ""}`}>
                  <label className="fr-label" htmlFor="motivation">
                    {t("instructeur.dossier.decision.motivation")}
                    <span className="fr-hint-text" id="motivation-hint">
                      {t("instructeur.dossier.decision.motivationHint")}
                    </span>
                  </label>
                  <textarea
                    className={`fr-input${motivationError ? " fr-input--error" : ""}`}
                    id="motivation"
                    name="motivation"
                    rows={6}
                    maxLength={motivationMax}
                    defaultValue={values.motivation}
                    aria-invalid={motivationError ? true : undefined}
                    aria-describedby={motivationError ? "motivation-hint motivation-error" : "motivation-hint"}
                  />
                  {motivationError ? (
                    <p className="fr-error-text" id="motivation-error">
                      {message(motivationError)}
                    </p>
                  ) : null}
                </div>
                <button type="submit" className="fr-btn">
                  {t("instructeur.dossier.decision.submit")}
                </button>
              </Form>
            ) : null}

            {events.includes("repasser_en_instruction") ? (
              <Form method="post">
                <CsrfInput />
                <input type="hidden" name="intent" value="repasser_en_instruction" />
                <p className="fr-hint-text fr-mb-1v" id="repasser-en-instruction-hint">
                  {t("instructeur.dossier.repasserEnInstructionHint")}
                </p>
                <button type="submit" className="fr-btn fr-btn--secondary" aria-describedby="repasser-en-instruction-hint">
                  {t("dossiers.events.repasser_en_instruction")}
                </button>
              </Form>
            ) : null}
          </section>
        </div>
      </div>
    </>
  );
}

function hasKeys(record: Record<string, unknown> | undefined): boolean {
  return record !== undefined && Object.keys(record).length > 0;
}
