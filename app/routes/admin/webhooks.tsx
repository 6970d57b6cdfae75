/**
 * The démarche's webhooks (`/admin/procedures/:id/webhooks`): subscriptions (create, edit, pause,
 * delete; the secret is shown once, right after creation), the reference's notification address
 * (`web_hook_url`), the delivery log with response codes and « rejouer » for one delivery or a
 * period. Every form works without JavaScript; a refused form comes back with what was typed.
 */
import { data, Form, redirect } from "react-router";
import { MAX_REPLAY, parisLocalToDate, WEBHOOK_EVENT_KINDS } from "../../../server/domain/webhooks/webhooks";
import { replayDeliveriesBetween, replayDelivery } from "../../../server/operations/webhooks/replay-deliveries";
import {
  createSubscription,
  deleteSubscription,
  updateSubscription,
} from "../../../server/operations/webhooks/save-subscription";
import { setWebHookUrl } from "../../../server/operations/webhooks/set-web-hook-url";
import { loadDemarcheWebhooks } from "../../../server/queries/admin/webhooks";
import { refusalsByField } from "../../../server/refusal";
import { CsrfInput } from "../../components/csrf-input";
import { CheckboxField, InputField, SelectField } from "../../components/dsfr/fields";
import { useLocale, useT, useTn } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, notFound, readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/webhooks";
import { demarcheIdOf, intField } from "./admin.server";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT } from "./ui/layout";

export const handle = { i18n: ["admin", "avis", "dossiers", "webhooks"] };

/** A page that may show a secret is never cached. */
export function headers({ actionHeaders }: Route.HeadersArgs) {
  return actionHeaders;
}

const NOTICES = ["created", "updated", "deleted", "legacy", "replayed", "replayedRange"] as const;
type NoticeKey = (typeof NOTICES)[number];
const STATUSES = ["pending", "delivered", "failed"] as const;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const query = new URL(request.url).searchParams;
  const subscription = query.get("abonnement");
  const status = query.get("etat");
  const filter = {
    subscriptionId: subscription && /^\d{1,9}$/.test(subscription) ? Number(subscription) : null,
    status: (STATUSES as readonly string[]).includes(status ?? "") ? (status as (typeof STATUSES)[number]) : null,
  };
  const page = await loadDemarcheWebhooks(services(context).db, admin.administrateurId, demarcheIdOf(params), filter);
  const notice = query.get("notice");
  return {
    ...page,
    filter,
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as NoticeKey) : null,
    count: Math.min(MAX_REPLAY, Number.parseInt(query.get("n") ?? "0", 10) || 0),
  };
}

interface FormValues {
  url: string;
  kinds: string[];
  enabled: boolean;
  from: string;
  to: string;
  subscription: string;
}

type ActionData =
  | { secret: string; subscriptionId: number }
  | {
      /** `new`, `legacy`, `replay`, or the id of the subscription being edited. */
      target: string;
      values: FormValues;
      errors: Record<string, string>;
      errorParams: Record<string, Record<string, string | number>>;
    };

export async function action({ context, request, params }: Route.ActionArgs) {
  const user = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db, config } = services(context);
  const admin = { administrateurId: user.administrateurId, userId: user.id, allowPrivate: config.webhooks.allowPrivateNetworks };
  // Scope first: another administrateur gets 404 whatever the form holds.
  await loadDemarcheWebhooks(db, admin.administrateurId, demarcheId, { subscriptionId: null, status: null });
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const page = `/admin/procedures/${demarcheId}/webhooks`;
  const values: FormValues = {
    url: formString(form, "url"),
    kinds: form.getAll("kinds").filter((v): v is string => typeof v === "string"),
    enabled: form.get("enabled") === "on",
    from: formString(form, "from"),
    to: formString(form, "to"),
    subscription: formString(form, "subscription"),
  };
  const subscriptionId = () => intField(form, "subscriptionId") ?? notFound();
  const refused = (target: string, refusals: Parameters<typeof refusalsByField>[0]) =>
    data<ActionData>({ target, values, ...refusalsByField(refusals) }, { status: 422 });
  switch (intent) {
    case "create": {
      const result = await createSubscription(db, admin, demarcheId, { url: values.url, kinds: values.kinds });
      if (!result.ok) return refused("new", result.refusals);
      return data<ActionData>(
        { secret: result.secret, subscriptionId: result.subscriptionId },
        { headers: { "Cache-Control": "no-store" } },
      );
    }
    case "update": {
      const id = subscriptionId();
      const result = await updateSubscription(db, admin, demarcheId, id, {
        url: values.url,
        kinds: values.kinds,
        enabled: values.enabled,
      });
      return result.ok ? redirect(`${page}?notice=updated`) : refused(String(id), result.refusals);
    }
    case "delete":
      await deleteSubscription(db, admin, demarcheId, subscriptionId());
      return redirect(`${page}?notice=deleted`);
    case "legacy": {
      const result = await setWebHookUrl(db, admin, demarcheId, values.url);
      return result.ok ? redirect(`${page}?notice=legacy`) : refused("legacy", result.refusals);
    }
    case "replay":
      await replayDelivery(db, admin, demarcheId, intField(form, "deliveryId") ?? notFound());
      return redirect(`${page}?notice=replayed`);
    case "replay-range": {
      const result = await replayDeliveriesBetween(db, admin, demarcheId, {
        from: parisLocalToDate(values.from),
        to: parisLocalToDate(values.to),
        subscriptionId: /^\d{1,9}$/.test(values.subscription) ? Number(values.subscription) : null,
      });
      return result.ok ? redirect(`${page}?notice=replayedRange&n=${result.count}`) : refused("replay", result.refusals);
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

const GROUPS = ["dossier", "avis", "message", "label", "demarche"] as const;

function KindsFieldset({ prefix, checked, error }: { prefix: string; checked: readonly string[]; error: string | null }) {
  const t = useT();
  const id = `${prefix}-kinds`;
  return (
    <fieldset
      className={`fr-fieldset${error ? " fr-fieldset--error" : ""}`}
      id={id}
      aria-labelledby={`${id}-legend`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="fr-fieldset__legend" id={`${id}-legend`}>
        {t("webhooks.form.kinds")}
        <span className="fr-hint-text">{t("webhooks.form.kindsHint")}</span>
      </legend>
      {GROUPS.map((group) => (
        <div className="fr-fieldset__element" key={group}>
          <p className="fr-text--bold fr-mb-1w">{t(`webhooks.form.groups.${group}`)}</p>
          <div className="fr-grid-row fr-grid-row--gutters">
            {WEBHOOK_EVENT_KINDS.filter((kind) => kind.startsWith(`${group}.`)).map((kind) => (
              <div className="fr-col-12 fr-col-md-4" key={kind}>
                <CheckboxField
                  id={`${prefix}-kind-${kind}`}
                  name="kinds"
                  value={kind}
                  label={<code className="guichet-code-wrap">{kind}</code>}
                  defaultChecked={checked.includes(kind)}
                />
              </div>
            ))}
          </div>
        </div>
      ))}
      {error ? (
        <p id={`${id}-error`} className="fr-error-text fr-fieldset__element">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function formatDateTime(value: Date | string | null, locale: string) {
  return value
    ? new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" }).format(
        new Date(value),
      )
    : "";
}

export default function Webhooks({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const dt = useDynamicT();
  const { demarche, subscriptions, deliveries, total, notice, count, filter } = loaderData;
  const locale = useLocale() === "fr" ? "fr-FR" : "en-GB";
  const title = t("webhooks.title");
  const failure = actionData && "target" in actionData ? actionData : null;
  const message = (field: string) => {
    const code = failure?.errors[field];
    return code ? dt(`webhooks.errors.${code}`, failure?.errorParams[field]) : null;
  };
  const errorsOf = (target: string, fields: readonly string[]) =>
    Object.fromEntries(fields.map((f) => [f, failure?.target === target ? message(f) : null])) as Record<string, string | null>;
  const summary = failure
    ? Object.keys(failure.errors).map((field) => ({
        fieldId:
          field === "webHookUrl"
            ? "legacy-url"
            : field === "form"
              ? `${failure.target}-url`
              : `${failure.target === "replay" ? "replay" : failure.target}-${field}`,
        label: field,
        message: message(field) ?? "",
      }))
    : [];
  const base = `/admin/procedures/${demarche.id}/webhooks`;
  const subscriptionLabel = (id: number | null) =>
    id === null ? t("webhooks.log.legacy") : (subscriptions.find((s) => s.id === id)?.url ?? String(id));
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={summary.length > 0} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("webhooks.intro")}</p>
      <p>{t("webhooks.docLink")}</p>
      {notice === "replayedRange" ? (
        <Notice kind="success" title={tn("webhooks.notices.replayedRange", count)} />
      ) : notice ? (
        <Notice kind="success" title={t(`webhooks.notices.${notice}`)} />
      ) : null}
      {actionData && "secret" in actionData ? (
        <div className="fr-alert fr-alert--success fr-mb-4w" role="status">
          <h2 className="fr-alert__title">{t("webhooks.secret.title")}</h2>
          <p>{t("webhooks.secret.body")}</p>
          <div className="fr-input-group fr-mt-2w">
            <label className="fr-label" htmlFor="webhook-secret">
              {t("webhooks.secret.label")}
            </label>
            <input
              className="fr-input"
              id="webhook-secret"
              readOnly
              value={actionData.secret}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={summary} />

      <h2>{t("webhooks.subscriptions.title")}</h2>
      {subscriptions.length === 0 ? (
        <p>{t("webhooks.subscriptions.none")}</p>
      ) : (
        <ul className="fr-raw-list fr-mb-4w" id="subscriptions">
          {subscriptions.map((subscription) => {
            const target = String(subscription.id);
            const editing = failure?.target === target;
            const values = editing
              ? failure.values
              : { url: subscription.url, kinds: subscription.kinds, enabled: subscription.enabled };
            const errors = errorsOf(target, ["url", "kinds"]);
            return (
              <li
                key={subscription.id}
                className="fr-card fr-card--no-arrow fr-p-3w fr-mb-3w"
                data-subscription={subscription.id}
              >
                <p className="fr-mb-1w">
                  <code>{subscription.url}</code>{" "}
                  <span className={`fr-badge fr-badge--sm ${subscription.enabled ? "fr-badge--success" : "fr-badge--warning"}`}>
                    {t(subscription.enabled ? "webhooks.subscriptions.enabled" : "webhooks.subscriptions.disabled")}
                  </span>
                </p>
                <p className="fr-text--sm fr-mb-1w">
                  {subscription.kinds.length === 0 ? t("webhooks.subscriptions.allKinds") : subscription.kinds.join(", ")}
                </p>
                <p className="fr-text--sm">
                  {tn("webhooks.subscriptions.waiting", subscription.pending)} ·{" "}
                  {tn("webhooks.subscriptions.failed", subscription.failed)}
                </p>
                <details open={editing}>
                  <summary>{t("webhooks.subscriptions.edit", { url: subscription.url })}</summary>
                  <Form method="post" noValidate className="fr-mt-2w">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="update" />
                    <input type="hidden" name="subscriptionId" value={subscription.id} />
                    <InputField
                      id={`${target}-url`}
                      name="url"
                      type="url"
                      label={t("webhooks.form.url")}
                      hint={t("webhooks.form.urlHint")}
                      required
                      defaultValue={values.url}
                      error={errors.url}
                    />
                    <KindsFieldset prefix={target} checked={values.kinds} error={errors.kinds ?? null} />
                    <CheckboxField
                      id={`${target}-enabled`}
                      name="enabled"
                      label={t("webhooks.form.enabledLabel")}
                      defaultChecked={values.enabled}
                    />
                    <button type="submit" className="fr-btn fr-btn--sm fr-mt-2w">
                      {t("webhooks.subscriptions.save")}
                    </button>
                  </Form>
                </details>
                <Form method="post" className="fr-mt-2w">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="subscriptionId" value={subscription.id} />
                  <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left">
                    {t("webhooks.subscriptions.delete")}
                    <span className="fr-sr-only">{` ${subscription.url}`}</span>
                  </button>
                </Form>
              </li>
            );
          })}
        </ul>
      )}

      <h2>{t("webhooks.form.addTitle")}</h2>
      <Form method="post" noValidate className="fr-mb-6w">
        <CsrfInput />
        <input type="hidden" name="intent" value="create" />
        <InputField
          id="new-url"
          name="url"
          type="url"
          label={t("webhooks.form.url")}
          hint={t("webhooks.form.urlHint")}
          required
          defaultValue={failure?.target === "new" ? failure.values.url : ""}
          error={errorsOf("new", ["url"]).url}
        />
        <KindsFieldset
          prefix="new"
          checked={failure?.target === "new" ? failure.values.kinds : []}
          error={errorsOf("new", ["kinds"]).kinds ?? null}
        />
        {failure?.target === "new" && failure.errors.form ? <p className="fr-error-text">{message("form")}</p> : null}
        <button type="submit" className="fr-btn">
          {t("webhooks.form.add")}
        </button>
      </Form>

      <h2>{t("webhooks.legacy.title")}</h2>
      <p>{t("webhooks.legacy.body")}</p>
      <Form method="post" noValidate className="fr-mb-6w">
        <CsrfInput />
        <input type="hidden" name="intent" value="legacy" />
        <InputField
          id="legacy-url"
          name="url"
          type="url"
          label={t("webhooks.legacy.label")}
          hint={t("webhooks.legacy.hint")}
          defaultValue={failure?.target === "legacy" ? failure.values.url : (demarche.webHookUrl ?? "")}
          error={failure?.target === "legacy" ? message("webHookUrl") : null}
        />
        <button type="submit" className="fr-btn fr-btn--secondary">
          {t("webhooks.legacy.save")}
        </button>
      </Form>

      <h2 id="journal">{t("webhooks.log.title")}</h2>
      <Form method="get" className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-2w">
        <div className="fr-col-12 fr-col-md-5">
          <SelectField
            id="filter-subscription"
            name="abonnement"
            label={t("webhooks.log.subscription")}
            defaultValue={filter.subscriptionId ?? ""}
          >
            <option value="">{t("webhooks.log.allSubscriptions")}</option>
            {subscriptions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.url}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="fr-col-12 fr-col-md-4">
          <SelectField id="filter-status" name="etat" label={t("webhooks.log.status")} defaultValue={filter.status ?? ""}>
            <option value="">{t("webhooks.log.allStatuses")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`webhooks.log.statuses.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <button type="submit" className="fr-btn fr-btn--secondary">
            {t("webhooks.log.filter")}
          </button>
        </div>
      </Form>
      {deliveries.length === 0 ? (
        <p>{t("webhooks.log.none")}</p>
      ) : (
        <div className="fr-table fr-table--no-caption fr-mb-4w" id="deliveries">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>{t("webhooks.log.caption", { shown: deliveries.length, total })}</caption>
                  <thead>
                    <tr>
                      {(["date", "event", "dossier", "status", "code", "duration", "attempts", "error", "actions"] as const).map(
                        (c) => (
                          <th key={c} scope="col">
                            {t(`webhooks.log.columns.${c}`)}
                          </th>
                        ),
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {deliveries.map((d) => (
                      <tr key={d.id} data-delivery={d.id}>
                        <td>{formatDateTime(d.lastAttemptAt ?? d.createdAt, locale)}</td>
                        <td>
                          <code>{d.kind}</code>
                          <br />
                          <span className="fr-text--xs">{subscriptionLabel(d.subscriptionId)}</span>
                          {d.replayOf ? (
                            <span className="fr-text--xs"> · {t("webhooks.log.replayOf", { id: d.replayOf })}</span>
                          ) : null}
                        </td>
                        <td>{d.dossierId ?? "—"}</td>
                        <td>{t(`webhooks.log.statuses.${d.status}`)}</td>
                        <td>{d.responseCode ?? "—"}</td>
                        <td>{d.durationMs === null ? "—" : t("webhooks.log.durationMs", { ms: d.durationMs })}</td>
                        <td>{d.attempts}</td>
                        <td>{d.error ? <ErrorLabel code={d.error} /> : "—"}</td>
                        <td>
                          <Form method="post">
                            <CsrfInput />
                            <input type="hidden" name="intent" value="replay" />
                            <input type="hidden" name="deliveryId" value={d.id} />
                            <button type="submit" className="fr-btn fr-btn--sm fr-btn--tertiary">
                              {t("webhooks.log.replay")}
                              <span className="fr-sr-only">{` ${d.kind} ${d.dossierId ?? ""} (${d.id})`}</span>
                            </button>
                          </Form>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}

      <h2>{t("webhooks.replay.title")}</h2>
      <p>{t("webhooks.replay.body", { max: MAX_REPLAY })}</p>
      <Form method="post" noValidate className="fr-mb-6w">
        <CsrfInput />
        <input type="hidden" name="intent" value="replay-range" />
        {failure?.target === "replay" && failure.errors.form ? <p className="fr-error-text">{message("form")}</p> : null}
        <div className="fr-grid-row fr-grid-row--gutters">
          {(["from", "to"] as const).map((bound) => (
            <div className="fr-col-12 fr-col-md-6" key={bound}>
              <InputField
                id={`replay-${bound}`}
                name={bound}
                type="datetime-local"
                label={t(`webhooks.replay.${bound}`)}
                hint={t("webhooks.replay.hint")}
                required
                defaultValue={failure?.target === "replay" ? failure.values[bound] : ""}
                error={errorsOf("replay", [bound])[bound]}
              />
            </div>
          ))}
        </div>
        <SelectField
          id="replay-subscription"
          name="subscription"
          label={t("webhooks.replay.subscription")}
          defaultValue={failure?.target === "replay" ? failure.values.subscription : ""}
        >
          <option value="">{t("webhooks.replay.all")}</option>
          {subscriptions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.url}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="fr-btn fr-btn--secondary">
          {t("webhooks.replay.submit")}
        </button>
      </Form>
    </>
  );
}

function ErrorLabel({ code }: { code: string }) {
  const t = useT();
  if (code === "timeout" || code === "private_address" || code === "unresolvable") return <>{t(`webhooks.log.errors.${code}`)}</>;
  return <code>{code}</code>;
}
