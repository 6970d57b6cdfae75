/**
 * The démarche's labels (`/admin/procedures/:id/labels`): list in order with move up/down, rename
 * and recolour, delete, add one, or add the five generic labels. Every form works without
 * JavaScript; a refused label comes back with what was typed.
 */
import { data, Form, redirect } from "react-router";
import { LABEL_COLORS, LABEL_NAME_MAX_LENGTH } from "../../../server/domain/labels/labels";
import { createGenericLabels } from "../../../server/operations/labels/create-generic-labels";
import { createLabel } from "../../../server/operations/labels/create-label";
import { deleteLabel } from "../../../server/operations/labels/delete-label";
import { moveLabel } from "../../../server/operations/labels/move-label";
import { updateLabel } from "../../../server/operations/labels/update-label";
import { listDemarcheLabels } from "../../../server/queries/admin/labels";
import { refusalsByField } from "../../../server/refusal";
import { LabelTags } from "../../components/notifications/label-tags";
import { CsrfInput } from "../../components/csrf-input";
import { useT, useTn } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, notFound, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/labels";
import { demarcheIdOf, intField } from "./admin.server";
import { InputField } from "../../components/dsfr/fields";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT } from "./ui/layout";

export const handle = { i18n: ["admin", "notifications"] };

const NOTICES = ["created", "updated", "deleted", "moved", "generic"] as const;
type NoticeKey = (typeof NOTICES)[number];

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const list = await listDemarcheLabels(services(context).db, admin.administrateurId, demarcheIdOf(params));
  const query = new URL(request.url).searchParams;
  const notice = query.get("notice");
  return {
    ...list,
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as NoticeKey) : null,
    created: Math.min(5, Number.parseInt(query.get("n") ?? "0", 10) || 0),
  };
}

interface ActionData {
  /** `new`, or the id of the label being edited. */
  target: string;
  values: { name: string; color: string };
  errors: Record<string, string>;
  errorParams: Record<string, Record<string, string | number>>;
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  // Scope first: another administrateur gets 404 whatever the form holds.
  await listDemarcheLabels(db, admin.administrateurId, demarcheId);
  const form = await readForm(request);
  const intent = formString(form, "intent");
  const page = `/admin/procedures/${demarcheId}/labels`;
  const labelId = () => intField(form, "labelId") ?? notFound();
  const values = { name: formString(form, "name"), color: formString(form, "color") };
  const refused = (target: string, refusals: Parameters<typeof refusalsByField>[0]) =>
    data<ActionData>({ target, values, ...refusalsByField(refusals) }, { status: 422 });
  switch (intent) {
    case "create": {
      const result = await createLabel(db, admin.administrateurId, demarcheId, values);
      return result.ok ? redirect(`${page}?notice=created`) : refused("new", result.refusals);
    }
    case "update": {
      const id = labelId();
      const result = await updateLabel(db, admin.administrateurId, demarcheId, id, values);
      return result.ok ? redirect(`${page}?notice=updated`) : refused(String(id), result.refusals);
    }
    case "delete":
      await deleteLabel(db, admin.administrateurId, demarcheId, labelId());
      return redirect(`${page}?notice=deleted`);
    case "up":
    case "down":
      await moveLabel(db, admin.administrateurId, demarcheId, labelId(), intent);
      return redirect(`${page}?notice=moved`);
    case "generic": {
      const result = await createGenericLabels(db, admin.administrateurId, demarcheId, requestState(context).locale);
      return redirect(`${page}?notice=generic&n=${result.created}`);
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

function ColorSelect({ id, value, error }: { id: string; value: string; error: string | null }) {
  const t = useT();
  return (
    <div className={`fr-select-group${error ? " fr-select-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {t("notifications.labels.color")}
        <span aria-hidden="true"> *</span>
      </label>
      <select
        className={`fr-select${error ? " fr-select--error" : ""}`}
        id={id}
        name="color"
        defaultValue={value}
        aria-required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {LABEL_COLORS.map((color) => (
          <option key={color} value={color}>
            {t(`notifications.labels.colors.${color}`)}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="fr-error-text">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function LabelFields({
  prefix,
  values,
  errors,
}: {
  prefix: string;
  values: { name: string; color: string };
  errors: Record<string, string | null>;
}) {
  const t = useT();
  return (
    <>
      <InputField
        id={`${prefix}-name`}
        name="name"
        label={t("notifications.labels.name")}
        hint={t("notifications.labels.nameHint")}
        required
        maxLength={LABEL_NAME_MAX_LENGTH * 4}
        defaultValue={values.name}
        error={errors.name}
      />
      <ColorSelect id={`${prefix}-color`} value={values.color} error={errors.color ?? null} />
    </>
  );
}

export default function Labels({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const dt = useDynamicT();
  const { demarche, labels, notice, created } = loaderData;
  const title = t("notifications.labels.title");
  const message = (field: string) => {
    const code = actionData?.errors[field];
    return code ? dt(`notifications.labels.errors.${code}`, actionData?.errorParams[field]) : null;
  };
  const errorsOf = (target: string) =>
    actionData?.target === target
      ? { name: message("name"), color: message("color"), form: message("form") }
      : { name: null, color: null, form: null };
  const summary = actionData
    ? (["name", "color", "form"] as const).flatMap((field) => {
        const text = message(field);
        return text
          ? [
              {
                fieldId: field === "form" ? `${actionData.target}-name` : `${actionData.target}-${field}`,
                label: t(`notifications.labels.${field === "color" ? "color" : "name"}`),
                message: text,
              },
            ]
          : [];
      })
    : [];
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={summary.length > 0} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("notifications.labels.intro")}</p>
      {notice === "generic" ? (
        <Notice kind="success" title={tn("notifications.labels.genericCreated", created)} />
      ) : notice ? (
        <Notice kind="success" title={t(`notifications.labels.${notice}`)} />
      ) : null}
      <ErrorSummary errors={summary} />

      {labels.length === 0 ? (
        <p>{t("notifications.labels.none")}</p>
      ) : (
        <ul className="fr-raw-list fr-mb-4w" id="labels">
          {labels.map((label, index) => {
            const target = String(label.id);
            const errors = errorsOf(target);
            const values = actionData?.target === target ? actionData.values : { name: label.name, color: label.color };
            return (
              <li key={label.id} className="fr-mb-3w" data-label-row={label.id}>
                <LabelTags labels={[label]} />
                <details open={actionData?.target === target}>
                  <summary>{t("notifications.labels.edit", { name: label.name })}</summary>
                  <Form method="post" noValidate className="fr-mt-2w">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="update" />
                    <input type="hidden" name="labelId" value={label.id} />
                    <LabelFields prefix={target} values={values} errors={errors} />
                    <button type="submit" className="fr-btn fr-btn--sm">
                      {t("notifications.labels.save")}
                    </button>
                  </Form>
                </details>
                <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mt-1w">
                  {index > 0 ? (
                    <li>
                      <MoveButton intent="up" labelId={label.id} label={t("notifications.labels.moveUp", { name: label.name })} />
                    </li>
                  ) : null}
                  {index < labels.length - 1 ? (
                    <li>
                      <MoveButton
                        intent="down"
                        labelId={label.id}
                        label={t("notifications.labels.moveDown", { name: label.name })}
                      />
                    </li>
                  ) : null}
                  <li>
                    <Form method="post">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="delete" />
                      <input type="hidden" name="labelId" value={label.id} />
                      <button type="submit" className="fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left">
                        {t("notifications.labels.delete")}
                        <span className="fr-sr-only">{` ${label.name}`}</span>
                      </button>
                    </Form>
                  </li>
                </ul>
              </li>
            );
          })}
        </ul>
      )}

      <h2>{t("notifications.labels.addTitle")}</h2>
      <Form method="post" noValidate className="fr-mb-4w">
        <CsrfInput />
        <input type="hidden" name="intent" value="create" />
        <LabelFields
          prefix="new"
          values={actionData?.target === "new" ? actionData.values : { name: "", color: LABEL_COLORS[0] }}
          errors={errorsOf("new")}
        />
        <button type="submit" className="fr-btn">
          {t("notifications.labels.add")}
        </button>
      </Form>

      <h2>{t("notifications.labels.genericTitle")}</h2>
      <p>{t("notifications.labels.genericBody")}</p>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="generic" />
        <button type="submit" className="fr-btn fr-btn--secondary">
          {t("notifications.labels.genericAdd")}
        </button>
      </Form>
    </>
  );
}

function MoveButton({ intent, labelId, label }: { intent: "up" | "down"; labelId: number; label: string }) {
  return (
    <Form method="post">
      <CsrfInput />
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="labelId" value={labelId} />
      <button
        type="submit"
        className={`fr-btn fr-btn--tertiary-no-outline fr-btn--sm ${intent === "up" ? "fr-icon-arrow-up-line" : "fr-icon-arrow-down-line"}`}
        title={label}
      >
        {label}
      </button>
    </Form>
  );
}
