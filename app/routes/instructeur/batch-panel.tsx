/**
 * Batch operations on the instructeur's list: the reports of the instructeur's batches on this
 * démarche (progress « 12 / 30 », then each dossier's success or refusal with its reason; hidden
 * once read) and the action bar of the list's form (motivation, label, one submit button per
 * kind). Without JavaScript: plain POSTs and an « Actualiser » link; with it, the page revalidates
 * every 2 seconds while a batch runs.
 */
import { useEffect, useRef } from "react";
import { Form, useRevalidator } from "react-router";
import type { TranslationKey } from "../../../common/i18n";
import { BATCH_KINDS, type BatchKind } from "../../../server/domain/batch/batch";
import { CsrfInput } from "../../components/csrf-input";
import { useT, useTn } from "../../lib/i18n";

export interface BatchReportView {
  id: number;
  kind: string;
  state: "running" | "finished" | "failed";
  total: number;
  done: number;
  succeeded: number[];
  refused: Array<{ dossierId: number; refusalCode: string | null; refusalParams: Record<string, string | number> | null }>;
}

export interface BatchFormState {
  errors: Array<{ field: string; code: string; params: Record<string, string | number> }>;
  values: BatchFormValues;
}

export interface BatchFormValues {
  intent: string;
  dossierIds: number[];
  motivation: string;
  labelId: string;
  body?: string;
  emails?: string;
  introduction?: string;
  confidentiel?: boolean;
}

const DECISION_KINDS: BatchKind[] = [
  "passer_en_instruction",
  "repasser_en_construction",
  "accepter",
  "refuser",
  "classer_sans_suite",
  "repasser_en_instruction",
];
const MESSAGE_KINDS: BatchKind[] = ["envoyer_message", "demander_avis"];
const OTHER_KINDS = BATCH_KINDS.filter((k) => !DECISION_KINDS.includes(k) && !MESSAGE_KINDS.includes(k));

/** A text box of the action bar, with its refusal linked by aria-describedby. */
function BatchTextField({
  id,
  name,
  label,
  hint,
  error,
  value,
  rows,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error: string | null;
  value: string;
  rows?: number;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const className = `fr-input${error ? " fr-input--error" : ""}`;
  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        {hint ? (
          <span className="fr-hint-text" id={`${id}-hint`}>
            {hint}
          </span>
        ) : null}
      </label>
      {rows ? (
        <textarea className={className} id={id} name={name} rows={rows} defaultValue={value} aria-describedby={describedBy} />
      ) : (
        <input className={className} id={id} name={name} defaultValue={value} aria-describedby={describedBy} />
      )}
      {error ? (
        <p className="fr-error-text" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function kindLabel(t: ReturnType<typeof useT>, kind: string) {
  return (BATCH_KINDS as readonly string[]).includes(kind) ? t(`liste.batch.kinds.${kind as BatchKind}`) : kind;
}

/** Revalidates the page every 2 s while `active` (one request at a time). */
function usePolling(active: boolean) {
  const revalidator = useRevalidator();
  const latest = useRef(revalidator);
  latest.current = revalidator;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (latest.current.state === "idle") void latest.current.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [active]);
}

export function BatchReports({ batches, refreshHref }: { batches: BatchReportView[]; refreshHref: string }) {
  const t = useT();
  const tn = useTn();
  const running = batches.some((b) => b.state === "running");
  usePolling(running);
  if (batches.length === 0) return null;
  return (
    <section aria-labelledby="lots-titre" className="fr-mb-3w" data-testid="batch-reports">
      <h2 id="lots-titre" className="fr-h6 fr-mb-1w">
        {t("liste.batch.listTitle")}
      </h2>
      {running ? (
        <p className="fr-mb-1w">
          <a className="fr-link fr-icon-refresh-line fr-link--icon-left" href={refreshHref}>
            {t("liste.batch.refresh")}
          </a>
        </p>
      ) : null}
      {batches.map((batch) => {
        const label = kindLabel(t, batch.kind);
        return (
          <div
            key={batch.id}
            className={`fr-alert fr-alert--sm fr-mb-2w ${batch.state === "running" ? "fr-alert--info" : batch.state === "failed" || batch.refused.length > 0 ? "fr-alert--warning" : "fr-alert--success"}`}
            data-batch-id={batch.id}
            data-batch-state={batch.state}
          >
            <h3 className="fr-alert__title">
              {label} ·{" "}
              {batch.state === "running"
                ? t("liste.batch.running")
                : batch.state === "failed"
                  ? t("liste.batch.failed")
                  : t("liste.batch.finished")}
            </h3>
            <p role="status" data-testid="batch-progress">
              <progress
                max={batch.total}
                value={batch.done}
                aria-label={t("liste.batch.progressLabel", { kind: label, done: batch.done, total: batch.total })}
              />{" "}
              {t("liste.batch.progress", { done: batch.done, total: batch.total })}
            </p>
            {batch.succeeded.length > 0 ? (
              <p data-testid="batch-succeeded">
                {tn("liste.batch.succeeded", batch.succeeded.length, { numbers: batch.succeeded.join(", ") })}
              </p>
            ) : null}
            {batch.refused.length > 0 ? (
              <>
                <p>{tn("liste.batch.refusedTitle", batch.refused.length)}</p>
                <ul data-testid="batch-refused">
                  {batch.refused.map((item) => (
                    <li key={item.dossierId}>
                      {t("liste.batch.refusedItem", {
                        number: item.dossierId,
                        reason: t(
                          `liste.batch.itemRefusals.${item.refusalCode ?? "refused"}` as TranslationKey,
                          item.refusalParams ?? {},
                        ),
                      })}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {batch.state !== "running" ? (
              <Form method="post" className="fr-mt-1w">
                <CsrfInput />
                <input type="hidden" name="lot" value={batch.id} />
                <button
                  type="submit"
                  name="intent"
                  value="lot_masquer"
                  className="fr-btn fr-btn--sm fr-btn--tertiary"
                  aria-label={`${t("liste.batch.dismiss")} (${label})`}
                >
                  {t("liste.batch.dismiss")}
                </button>
              </Form>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

/** The action bar inside the list's form (the table's checkboxes are its `dossiers`). */
export function BatchActionBar({ labels, state }: { labels: Array<{ id: number; name: string }>; state: BatchFormState | null }) {
  const t = useT();
  const tn = useTn();
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const form = details.current?.closest("form");
    if (!form) return;
    const open = (event: Event) => {
      const box = event.target as HTMLInputElement;
      if (box.type === "checkbox" && box.checked && details.current) details.current.open = true;
    };
    form.addEventListener("change", open);
    return () => form.removeEventListener("change", open);
  }, []);
  const motivationError = state?.errors.find((e) => e.field === "motivation");
  const labelError = state?.errors.find((e) => e.field === "label");
  const fieldError = (field: string) => state?.errors.find((e) => e.field === field) ?? null;
  const messageFields = ["body", "emails", "introduction"];
  const justificatifError = state?.errors.find((e) => e.field === "justificatif");
  const otherErrors =
    state?.errors.filter(
      (e) => e !== motivationError && e !== labelError && e !== justificatifError && !messageFields.includes(e.field),
    ) ?? [];
  const refusal = (e: { code: string; params: Record<string, string | number> }) =>
    e.code === "already_in_batch"
      ? tn("liste.batch.refusals.already_in_batch", Number(e.params.count ?? 1), e.params)
      : t(`liste.batch.refusals.${e.code}` as TranslationKey, e.params);
  const button = (kind: BatchKind) => (
    <li key={kind}>
      <button
        type="submit"
        name="intent"
        value={kind}
        className={`fr-btn fr-btn--sm ${kind === "accepter" ? "" : "fr-btn--secondary"}`}
        data-batch-kind={kind}
      >
        {t(`liste.batch.kinds.${kind}`)}
      </button>
    </li>
  );
  return (
    <details
      ref={details}
      className="instructeur-list__batch fr-mb-3w"
      data-testid="batch-details"
      // Folded until needed, so that the list starts at the top of the page; open again when the
      // answer carries errors, and (with JavaScript) as soon as a dossier is ticked.
      open={state !== null ? true : undefined}
    >
      <summary className="fr-btn fr-btn--secondary fr-btn--sm fr-btn--icon-left fr-icon-list-ordered">
        {t("liste.batch.title")}
      </summary>
      <fieldset className="fr-fieldset fr-mt-2w" aria-labelledby="lot-legend" data-testid="batch-bar">
        <legend className="fr-fieldset__legend fr-text--md" id="lot-legend">
          <span className="fr-sr-only">{t("liste.batch.title")}</span>
          <span className="fr-hint-text">{t("liste.batch.selectionHint")}</span>
        </legend>
        {otherErrors.length > 0 ? (
          <div className="fr-fieldset__element">
            <div className="fr-alert fr-alert--error fr-alert--sm" role="alert" data-testid="batch-errors">
              <h3 className="fr-alert__title">{t("liste.batch.errorTitle")}</h3>
              {otherErrors.map((e) => (
                <p key={e.code}>{refusal(e)}</p>
              ))}
            </div>
          </div>
        ) : null}
        <div className="fr-fieldset__element">
          <div className={`fr-input-group${motivationError ? " fr-input-group--error" : ""}`}>
            <label className="fr-label" htmlFor="lot-motivation">
              {t("liste.batch.motivation")}
              <span className="fr-hint-text" id="lot-motivation-hint">
                {t("liste.batch.motivationHint")}
              </span>
            </label>
            <textarea
              className={`fr-input${motivationError ? " fr-input--error" : ""}`}
              id="lot-motivation"
              name="motivation"
              rows={2}
              defaultValue={state?.values.motivation ?? ""}
              aria-describedby={motivationError ? "lot-motivation-hint lot-motivation-error" : "lot-motivation-hint"}
            />
            {motivationError ? (
              <p className="fr-error-text" id="lot-motivation-error">
                {refusal(motivationError)}
              </p>
            ) : null}
          </div>
        </div>
        <div className="fr-fieldset__element">
          {/* Kept by the browser only: a refused form asks for the file again (as every file input). */}
          <div className={`fr-upload-group${justificatifError ? " fr-upload-group--error" : ""}`}>
            <label className="fr-label" htmlFor="lot-justificatif">
              {t("liste.batch.justificatif")}
              <span className="fr-hint-text" id="lot-justificatif-hint">
                {t("liste.batch.justificatifHint")}
              </span>
            </label>
            <input
              className="fr-upload"
              type="file"
              id="lot-justificatif"
              name="justificatif"
              aria-invalid={justificatifError ? true : undefined}
              aria-describedby={justificatifError ? "lot-justificatif-hint lot-justificatif-error" : "lot-justificatif-hint"}
            />
            {justificatifError ? (
              <p className="fr-error-text" id="lot-justificatif-error">
                {refusal(justificatifError)}
              </p>
            ) : null}
          </div>
        </div>
        <div className="fr-fieldset__element">
          <p className="fr-text--sm fr-text--bold fr-mb-1v">{t("liste.batch.decisions")}</p>
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">{DECISION_KINDS.map(button)}</ul>
        </div>
        <div className="fr-fieldset__element">
          <p className="fr-text--sm fr-text--bold fr-mb-1v">{t("liste.batch.other")}</p>
          {labels.length > 0 ? (
            <div className={`fr-select-group${labelError ? " fr-select-group--error" : ""}`}>
              <label className="fr-label" htmlFor="lot-label">
                {t("liste.batch.label")}
              </label>
              <select
                className={`fr-select${labelError ? " fr-select--error" : ""}`}
                id="lot-label"
                name="label"
                defaultValue={state?.values.labelId ?? ""}
                aria-describedby={labelError ? "lot-label-error" : undefined}
              >
                <option value="">{t("liste.batch.noLabel")}</option>
                {labels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </select>
              {labelError ? (
                <p className="fr-error-text" id="lot-label-error">
                  {refusal(labelError)}
                </p>
              ) : null}
            </div>
          ) : null}
          <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
            {OTHER_KINDS.filter((k) => labels.length > 0 || (k !== "ajouter_label" && k !== "retirer_label")).map(button)}
          </ul>
        </div>
        <div className="fr-fieldset__element" data-testid="batch-messages">
          <p className="fr-text--sm fr-text--bold fr-mb-1v">{t("liste.batch.messages")}</p>
          {(() => {
            const error = (field: string) => {
              const e = fieldError(field);
              return e ? refusal(e) : null;
            };
            return (
              <>
                <BatchTextField
                  id="lot-message"
                  name="body"
                  label={t("liste.batch.body")}
                  hint={t("liste.batch.bodyHint")}
                  error={error("body")}
                  value={state?.values.body ?? ""}
                  rows={3}
                />
                <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">{button("envoyer_message")}</ul>
                <BatchTextField
                  id="lot-avis-emails"
                  name="emails"
                  label={t("liste.batch.emails")}
                  hint={t("liste.batch.emailsHint")}
                  error={error("emails")}
                  value={state?.values.emails ?? ""}
                />
                <BatchTextField
                  id="lot-avis-introduction"
                  name="introduction"
                  label={t("liste.batch.introduction")}
                  error={error("introduction")}
                  value={state?.values.introduction ?? ""}
                  rows={2}
                />
                <div className="fr-checkbox-group fr-checkbox-group--sm fr-mb-2w">
                  <input
                    type="checkbox"
                    id="lot-avis-confidentiel"
                    name="confidentiel"
                    value="1"
                    defaultChecked={state?.values.confidentiel ?? false}
                  />
                  <label className="fr-label" htmlFor="lot-avis-confidentiel">
                    {t("liste.batch.confidentiel")}
                  </label>
                </div>
                <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">{button("demander_avis")}</ul>
              </>
            );
          })()}
        </div>
      </fieldset>
    </details>
  );
}
