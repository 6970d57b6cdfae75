/**
 * « Groupes instructeurs » of a démarche (administrateur): the groupes (searched and paginated by
 * label: a démarche may have thousands), with their rule problems; add a groupe, simple routing on
 * a field, the CSV import and re-routing of the dossiers in progress. One groupe's page manages its
 * instructeurs, state and rule. Every form works without JavaScript (POST, then redirect).
 */
import { data, Form, redirect } from "react-router";
import type { Refusal } from "../../../server/refusal";
import { configureSimpleRouting } from "../../../server/operations/groupes/configure-simple-routing";
import { createGroupe } from "../../../server/operations/groupes/create-groupe";
import { requestRerouting } from "../../../server/operations/groupes/reroute-dossiers";
import { setInstructeursSelfManagement } from "../../../server/operations/groupes/set-self-management";
import { storageFor } from "../../../server/integrations/storage";
import { listGroupes } from "../../../server/queries/admin/groupes";
import { CsrfInput } from "../../components/csrf-input";
import { DsfrTable } from "../../components/dsfr/table";
import { useT, useTn } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import { GroupesImportForm } from "./ui/groupes-import-form";
import type { Route } from "./+types/groupes";
import { demarcheIdOf } from "./admin.server";
import { groupesImportAction, isGroupesImport } from "./groupes.server";
import { ImportErrors } from "./ui/import-errors";
import { InputField, SelectField } from "../../components/dsfr/fields";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT, useFormatNumber } from "./ui/layout";

export const handle = { i18n: ["admin", "groupes"] };

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const query = new URL(request.url).searchParams;
  const q = query.get("q") ?? "";
  const list = await listGroupes(services(context).db, admin.administrateurId, demarcheIdOf(params), {
    q,
    after: query.get("apres") ?? undefined,
  });
  const n = (name: string) => Math.max(0, Number.parseInt(query.get(name) ?? "0", 10) || 0);
  return { ...list, q, notice: query.get("notice"), counts: { a: n("a"), b: n("b") } };
}

interface ActionData {
  intent: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  importRefusals?: Refusal[];
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  const actor = { administrateurId: admin.administrateurId, userId: admin.id };
  // Scope first: another administrateur gets 404 whatever the form holds.
  await listGroupes(db, admin.administrateurId, demarcheId);
  const page = `/admin/procedures/${demarcheId}/groupes`;
  if (isGroupesImport(request)) {
    const result = await groupesImportAction({
      request,
      db,
      storage: storageFor(services(context).config),
      admin: { ...actor, email: admin.email },
      demarcheId,
      locale: requestState(context).locale,
    });
    if (!result.ok) return data<ActionData>({ intent: "import", importRefusals: result.refusals }, { status: 400 });
    if (result.mode === "queued") return redirect(`${page}/imports/${result.importId}?notice=queued`);
    return redirect(`${page}?notice=imported&a=${result.groupesCreated}&b=${result.membershipsAdded}`);
  }
  const form = await readForm(request);
  const intent = formString(form, "intent");
  switch (intent) {
    case "create": {
      const label = formString(form, "label");
      const result = await createGroupe(db, actor, demarcheId, { label });
      if (!result.ok)
        return data<ActionData>(
          { intent, values: { label }, errors: { label: result.refusals[0]?.code ?? "" } },
          { status: 400 },
        );
      return redirect(`${page}/${result.groupeId}?notice=created`);
    }
    case "simple-routing": {
      const stableId = Number.parseInt(formString(form, "stableId"), 10);
      const result = await configureSimpleRouting(db, actor, demarcheId, stableId);
      if (!result.ok) return data<ActionData>({ intent, errors: { stableId: result.refusals[0]?.code ?? "" } }, { status: 400 });
      return redirect(`${page}?notice=simple&a=${result.count}`);
    }
    case "self-management": {
      await setInstructeursSelfManagement(db, actor, demarcheId, formString(form, "enabled") === "on");
      return redirect(`${page}?notice=selfManagement#self-management`);
    }
    case "reroute": {
      await requestRerouting(db, actor, demarcheId);
      return redirect(`${page}?notice=rerouted`);
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

export default function Groupes({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const tn = useTn();
  const dt = useDynamicT();
  const formatNumber = useFormatNumber();
  const { demarche, groupes, total, next, q, notice, counts, problemCount, simpleRoutingFields, runningImports } = loaderData;
  const page = `/admin/procedures/${demarche.id}/groupes`;
  const title = t("groupes.title");
  const labelError = actionData?.errors?.label ? dt(`groupes.errors.${actionData.errors.label}`) : null;
  const fieldError = actionData?.errors?.stableId ? dt(`groupes.errors.${actionData.errors.stableId}`) : null;
  const summary = [
    ...(labelError ? [{ fieldId: "label", label: t("groupes.create.label"), message: labelError }] : []),
    ...(fieldError ? [{ fieldId: "stableId", label: t("groupes.simple.field"), message: fieldError }] : []),
  ];
  const single = total === 1 && q === "";
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={summary.length > 0 || Boolean(actionData?.importRefusals)} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("groupes.lead")}</p>
      {notice === "imported" ? (
        <Notice
          kind="success"
          title={t("groupes.notices.imported", { groupes: formatNumber(counts.a), members: formatNumber(counts.b) })}
        />
      ) : null}
      {notice === "simple" ? (
        <Notice kind="success" title={tn("groupes.notices.simple", counts.a, { count: formatNumber(counts.a) })} />
      ) : null}
      {notice === "rerouted" ? <Notice kind="success" title={t("groupes.notices.rerouted")} /> : null}
      {notice === "deleted" ? <Notice kind="success" title={t("groupes.notices.deleted")} /> : null}
      {notice === "selfManagement" ? <Notice kind="success" title={t("groupes.notices.selfManagement")} /> : null}
      {problemCount > 0 ? (
        <Notice kind="warning" title={tn("groupes.problems.summary", problemCount, { count: formatNumber(problemCount) })} />
      ) : null}
      {runningImports.length > 0 ? (
        <Notice kind="info">
          <p>
            {tn("groupes.importJob.running", runningImports.length, {
              count: formatNumber(runningImports.length),
              processed: formatNumber(runningImports[0]?.processed ?? 0),
              total: formatNumber(runningImports[0]?.total ?? 0),
            })}{" "}
            <a className="fr-link" href={`${page}/imports/${runningImports[0]?.id}`}>
              {t("groupes.importJob.see")}
            </a>
          </p>
        </Notice>
      ) : null}
      <ErrorSummary errors={summary} />
      {actionData?.importRefusals ? <ImportErrors refusals={actionData.importRefusals} /> : null}

      {single ? (
        <p>
          {t("groupes.singleLead")}{" "}
          <a className="fr-link" href={`/admin/procedures/${demarche.id}/instructeurs`}>
            {t("groupes.manageSingle")}
          </a>
        </p>
      ) : null}

      <h2>{tn("groupes.count", total, { count: formatNumber(total) })}</h2>
      {/* The label sits outside .fr-search-bar, which would hide it: it stays visible. */}
      <form method="get" className="fr-mb-3w" action={page}>
        <label className="fr-label fr-mb-1w" htmlFor="q">
          {t("groupes.search")}
        </label>
        <div className="fr-search-bar">
          <input className="fr-input" type="search" id="q" name="q" defaultValue={q} />
          <button type="submit" className="fr-btn">
            {t("groupes.searchSubmit")}
          </button>
        </div>
      </form>
      {groupes.length === 0 ? (
        <p>{t("groupes.empty")}</p>
      ) : (
        <DsfrTable caption={t("groupes.caption")} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t("groupes.columns.label")}</th>
              <th scope="col">{t("groupes.columns.state")}</th>
              <th scope="col">{t("groupes.columns.rule")}</th>
              <th scope="col">{t("groupes.columns.instructeurs")}</th>
              <th scope="col">{t("groupes.columns.dossiers")}</th>
            </tr>
          </thead>
          <tbody>
            {groupes.map((g) => (
              <tr key={g.id}>
                <th scope="row">
                  <a href={`${page}/${g.id}`}>{g.label}</a>
                  {g.isDefault ? (
                    <p className="fr-badge fr-badge--sm fr-badge--info fr-ml-1w">{t("groupes.defaultBadge")}</p>
                  ) : null}
                </th>
                <td>{g.closed ? t("groupes.closedBadge") : t("groupes.openBadge")}</td>
                <td>
                  {g.hasRule ? t("groupes.hasRule") : t("groupes.noRule")}
                  {g.problems.map((p) => (
                    <p key={p} className="fr-error-text fr-mt-1v">
                      {dt(`groupes.problems.${p}`)}
                    </p>
                  ))}
                </td>
                <td>{formatNumber(g.instructeurs)}</td>
                <td>{formatNumber(g.dossiers)}</td>
              </tr>
            ))}
          </tbody>
        </DsfrTable>
      )}
      {next !== null ? (
        <p>
          <a
            className="fr-link fr-icon-arrow-right-line fr-link--icon-right"
            href={`${page}?${new URLSearchParams({ q, apres: next })}`}
          >
            {t("groupes.next")}
          </a>
        </p>
      ) : null}

      <h2 className="fr-mt-6w" id="self-management">
        {t("groupes.self.adminTitle")}
      </h2>
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="self-management" />
        <div className="fr-checkbox-group fr-mb-2w">
          <input
            type="checkbox"
            id="self-management-enabled"
            name="enabled"
            defaultChecked={demarche.instructeursSelfManagement}
            aria-describedby="self-management-hint"
          />
          <label className="fr-label" htmlFor="self-management-enabled">
            {t("groupes.self.adminLabel")}
            <span className="fr-hint-text" id="self-management-hint">
              {t("groupes.self.adminHint")}
            </span>
          </label>
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          {t("groupes.self.adminSubmit")}
        </button>
      </Form>

      <h2 className="fr-mt-6w">{t("groupes.create.title")}</h2>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="create" />
        <InputField
          id="label"
          name="label"
          label={t("groupes.create.label")}
          required
          defaultValue={actionData?.values?.label ?? ""}
          error={labelError}
        />
        <button type="submit" className="fr-btn">
          {t("groupes.create.submit")}
        </button>
      </Form>

      <h2 className="fr-mt-6w">{t("groupes.simple.title")}</h2>
      <p>{t("groupes.simple.lead")}</p>
      {simpleRoutingFields.length === 0 ? (
        <p>{t("groupes.simple.none")}</p>
      ) : (
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="simple-routing" />
          <SelectField id="stableId" name="stableId" label={t("groupes.simple.field")} required error={fieldError}>
            {simpleRoutingFields.map((f) => (
              <option key={f.stableId} value={f.stableId}>
                {f.libelle}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="fr-btn">
            {t("groupes.simple.submit")}
          </button>
        </Form>
      )}

      <h2 className="fr-mt-6w">{t("groupes.import.title")}</h2>
      <p>{t("groupes.import.lead")}</p>
      <GroupesImportForm action={`${page}?import`} />

      {total > 1 ? (
        <>
          <h2 className="fr-mt-6w">{t("groupes.reroute.title")}</h2>
          <p>{t("groupes.reroute.lead")}</p>
          <Form method="post">
            <CsrfInput />
            <input type="hidden" name="intent" value="reroute" />
            <button type="submit" className="fr-btn fr-btn--secondary">
              {t("groupes.reroute.submit")}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
