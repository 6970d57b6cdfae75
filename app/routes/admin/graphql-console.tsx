/**
 * The administrateur's GraphQL console (/graphql): a query and its variables, « Exécuter », the
 * answer, and the schema's documentation (server-rendered, `?type=<Name>`). It runs as the
 * signed-in administrateur on the démarches they administer, through the token API's executor
 * (server/graphql/console/run-console-request.ts); a mutation asks for a confirmation first,
 * unless it only touches démarches en test (the sandbox). Without JavaScript: a form POST renders
 * the answer (typed text kept). With JavaScript: the same form through a fetcher, and the
 * documentation links navigate without losing the editor's text.
 */
import { data, Link, useFetcher } from "react-router";
import type { GraphqlBody } from "../../../server/graphql/execute";
import type { MutationTarget } from "../../../server/graphql/console/mutation-targets";
import { type ConsoleOutcome, runConsoleRequest } from "../../../server/graphql/console/run-console-request";
import {
  schemaIndex,
  schemaType,
  type DocField,
  type DocArgument,
  type DocType,
} from "../../../server/graphql/console/schema-docs";
import { sharedGraphqlSchema } from "../../../server/graphql/execute";
import { CsrfInput } from "../../components/csrf-input";
import { useT, useTn } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { readForm, services } from "../../lib/request.server";
import type { Route } from "./+types/graphql-console";
import { Breadcrumb, Notice, PageTitle } from "./ui/layout";

export const handle = { i18n: ["admin", "equipe", "console"] };

const DEFAULT_QUERY = `query getDemarche($number: Int!) {
  demarche(number: $number) {
    id
    number
    title
    state
  }
}`;

/** Answers hold personal data: never cached. */
export function headers({ actionHeaders }: Route.HeadersArgs) {
  return actionHeaders;
}

export function loader({ context, request }: Route.LoaderArgs) {
  currentAdministrateur(context);
  const schema = sharedGraphqlSchema();
  const requested = new URL(request.url).searchParams.get("type");
  const name = requested && requested.length <= 100 ? requested : "Query";
  return { index: schemaIndex(schema), type: schemaType(schema, name), requested: name };
}

interface Values {
  query: string;
  variables: string;
  operationName: string;
}

type ActionData = { values: Values; outcome: ConsoleOutcome };

export async function action({ context, request }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const form = await readForm(request);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const values: Values = { query: text("query"), variables: text("variables"), operationName: text("operationName") };
  const confirmation = form.get("confirmation");
  const outcome = await runConsoleRequest(services(context), admin.administrateurId, {
    ...values,
    confirmation: typeof confirmation === "string" ? confirmation : null,
  });
  const status = outcome.kind === "invalid" ? 422 : outcome.kind === "rate_limited" ? 429 : 200;
  return data<ActionData>({ values, outcome }, { status, headers: { "Cache-Control": "no-store" } });
}

export default function GraphqlConsole({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const fetcher = useFetcher<ActionData>({ key: "graphql-console" });
  const current = fetcher.data ?? actionData ?? null;
  const values = actionData?.values ?? { query: DEFAULT_QUERY, variables: '{\n  "number": 1\n}', operationName: "" };
  const outcome = current?.outcome ?? null;
  const refusals = outcome?.kind === "invalid" ? outcome.refusals : [];
  const errorOf = (field: string) => refusals.find((r) => r.field === field)?.code ?? null;
  const title = t("console.title");
  const busy = fetcher.state !== "idle";
  return (
    <>
      <PageTitle title={title} error={refusals.length > 0} />
      <Breadcrumb segments={[{ label: t("equipe.jetons.title"), href: "/admin/jetons" }]} current={title} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("console.lead")}</p>
      <p>{t("console.sandboxInfo")}</p>
      <p>
        <a className="fr-link" href="/admin/jetons">
          {t("console.tokensLink")}
        </a>
      </p>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-7">
          <h2>{t("console.editorTitle")}</h2>
          <fetcher.Form method="post" noValidate>
            <CsrfInput />
            <ConsoleField
              name="query"
              label={t("console.query")}
              hint={t("console.queryHint")}
              defaultValue={values.query}
              error={errorOf("query")}
              rows={14}
            />
            <ConsoleField
              name="variables"
              label={t("console.variables")}
              hint={t("console.variablesHint")}
              defaultValue={values.variables}
              error={errorOf("variables")}
              rows={5}
            />
            <ConsoleField
              name="operationName"
              label={t("console.operationName")}
              hint={t("console.operationNameHint")}
              defaultValue={values.operationName}
              error={errorOf("operationName")}
            />
            <button type="submit" className="fr-btn" disabled={busy}>
              {busy ? t("console.running") : t("console.run")}
            </button>
          </fetcher.Form>
          {outcome?.kind === "confirm" && current ? (
            <Confirmation values={current.values} digest={outcome.digest} targets={outcome.targets} fetcher={fetcher} />
          ) : null}
          <Result outcome={outcome} />
        </div>
        <div className="fr-col-12 fr-col-lg-5">
          <SchemaDocs index={loaderData.index} type={loaderData.type} requested={loaderData.requested} />
        </div>
      </div>
    </>
  );
}

function ConsoleField({
  name,
  label,
  hint,
  defaultValue,
  error,
  rows,
}: {
  name: string;
  label: string;
  hint: string;
  defaultValue: string;
  error: string | null;
  rows?: number;
}) {
  const t = useT();
  const id = `console-${name}`;
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  const common = {
    id,
    name,
    defaultValue,
    className: "fr-input",
    "aria-describedby": describedBy,
    "aria-invalid": error ? true : undefined,
    spellCheck: false,
    autoCapitalize: "off",
    autoComplete: "off",
  } as const;
  return (
    <div className={`fr-input-group${error ? " fr-input-group--error" : ""}`}>
      <label className="fr-label" htmlFor={id}>
        {label}
        <span className="fr-hint-text" id={`${id}-hint`}>
          {hint}
        </span>
      </label>
      {rows ? <textarea {...common} rows={rows} style={{ fontFamily: "monospace" }} /> : <input {...common} type="text" />}
      {error ? (
        <p className="fr-error-text" id={`${id}-error`}>
          {t(`console.errors.${error}` as "console.errors.query_required")}
        </p>
      ) : null}
    </div>
  );
}

function targetText(t: ReturnType<typeof useT>, target: MutationTarget): string {
  if (!target.demarche || !target.kind || target.id === null)
    return t("console.confirm.unknownTarget", { mutation: target.field });
  const demarche = t("console.confirm.demarche", {
    number: target.demarche.id,
    libelle: target.demarche.libelle,
    state: t(`admin.states.${target.demarche.state}`),
  });
  const object =
    target.kind === "demarche"
      ? demarche
      : t("console.confirm.inDemarche", { object: t(`console.confirm.objects.${target.kind}`, { id: target.id }), demarche });
  return t("console.confirm.target", { mutation: target.field, object });
}

function Confirmation({
  values,
  digest,
  targets,
  fetcher,
}: {
  values: Values;
  digest: string;
  targets: MutationTarget[];
  fetcher: ReturnType<typeof useFetcher<ActionData>>;
}) {
  const t = useT();
  return (
    <div className="fr-alert fr-alert--warning fr-my-4w" id="console-confirmation">
      <h2 className="fr-alert__title">{t("console.confirm.title")}</h2>
      <p>{t("console.confirm.body")}</p>
      <ul>
        {targets.map((target, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same mutation may appear twice, in document order.
          <li key={i}>{targetText(t, target)}</li>
        ))}
      </ul>
      <p className="fr-mb-1w">{t("console.confirm.queryLabel")}</p>
      <pre className="fr-mb-2w">
        <code>{values.query}</code>
      </pre>
      {values.variables.trim() ? (
        <>
          <p className="fr-mb-1w">{t("console.confirm.variablesLabel")}</p>
          <pre className="fr-mb-2w">
            <code>{values.variables}</code>
          </pre>
        </>
      ) : null}
      <fetcher.Form method="post">
        <CsrfInput />
        <input type="hidden" name="query" value={values.query} />
        <input type="hidden" name="variables" value={values.variables} />
        <input type="hidden" name="operationName" value={values.operationName} />
        <input type="hidden" name="confirmation" value={digest} />
        <ul className="fr-btns-group fr-btns-group--inline">
          <li>
            <button type="submit" className="fr-btn">
              {t("console.confirm.submit")}
            </button>
          </li>
          <li>
            <a className="fr-btn fr-btn--secondary" href="/graphql">
              {t("console.confirm.cancel")}
            </a>
          </li>
        </ul>
      </fetcher.Form>
    </div>
  );
}

function summaryOf(t: ReturnType<typeof useT>, tn: ReturnType<typeof useTn>, outcome: ConsoleOutcome | null): string {
  if (!outcome) return "";
  switch (outcome.kind) {
    case "invalid":
      return outcome.refusals.map((r) => t(`console.errors.${r.code}`)).join(" ");
    case "rate_limited":
      return t("console.rateLimited", { seconds: outcome.retryAfterSeconds });
    case "confirm":
      return t("console.confirm.title");
    case "result": {
      const count = outcome.body.errors?.length ?? 0;
      const head = count > 0 ? tn("console.resultErrors", count, { count }) : t("console.resultOk");
      const mode = outcome.mutation ? ` ${outcome.sandbox ? t("console.resultSandbox") : t("console.resultMutation")}` : "";
      return `${head}${mode}`;
    }
  }
}

function Result({ outcome }: { outcome: ConsoleOutcome | null }) {
  const t = useT();
  const tn = useTn();
  const body: GraphqlBody | null = outcome?.kind === "result" ? outcome.body : null;
  return (
    <section className="fr-mt-4w" aria-labelledby="console-result-title">
      <h2 id="console-result-title">{t("console.resultTitle")}</h2>
      <p role="status" aria-live="polite" id="console-result-status">
        {outcome ? summaryOf(t, tn, outcome) : t("console.resultEmpty")}
      </p>
      {body && outcome?.kind === "result" ? (
        <>
          <p className="fr-text--sm">{t("console.resultStatus", { status: outcome.status })}</p>
          <pre id="console-result">
            <code>{JSON.stringify(body, null, 2)}</code>
          </pre>
        </>
      ) : null}
    </section>
  );
}

function TypeLink({ name, children }: { name: string; children?: React.ReactNode }) {
  return (
    <Link to={`/graphql?type=${encodeURIComponent(name)}#schema-type`} preventScrollReset>
      {children ?? name}
    </Link>
  );
}

function TypeRef({ type }: { type: DocArgument["type"] }) {
  const [before, after] = type.text.split(type.named) as [string, string];
  return (
    <code>
      {before}
      <TypeLink name={type.named} />
      {after}
    </code>
  );
}

function Deprecation({ reason }: { reason: string | null }) {
  const t = useT();
  return reason ? <p className="fr-badge fr-badge--warning fr-badge--sm">{t("console.docs.deprecated", { reason })}</p> : null;
}

function Arguments({ args, title }: { args: DocArgument[]; title: string }) {
  const t = useT();
  if (args.length === 0) return null;
  return (
    <>
      <p className="fr-text--sm fr-mb-0">{title}</p>
      <ul className="fr-text--sm">
        {args.map((arg) => (
          <li key={arg.name}>
            <code>{arg.name}</code>: <TypeRef type={arg.type} />
            {arg.defaultValue ? ` (${t("console.docs.defaultValue", { value: arg.defaultValue })})` : null}
            {arg.description ? ` — ${arg.description}` : null}
            <Deprecation reason={arg.deprecationReason} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Field({ field }: { field: DocField }) {
  const t = useT();
  return (
    <li className="fr-mb-2w" id={`field-${field.name}`}>
      <code>{field.name}</code>: <TypeRef type={field.type} />
      <Deprecation reason={field.deprecationReason} />
      {field.description ? <p className="fr-text--sm fr-mb-0">{field.description}</p> : null}
      <Arguments args={field.args} title={t("console.docs.arguments")} />
    </li>
  );
}

function TypeDoc({ type }: { type: DocType }) {
  const t = useT();
  return (
    <section id="schema-type" aria-labelledby="schema-type-title">
      <h3 id="schema-type-title">
        {type.name} <span className="fr-text--sm">({t(`console.docs.kindLabel.${type.kind}`)})</span>
      </h3>
      {type.description ? <p>{type.description}</p> : null}
      {type.interfaces.length > 0 ? (
        <p>
          {t("console.docs.implements")}{" "}
          {type.interfaces.map((name, i) => (
            <span key={name}>
              {i > 0 ? ", " : null}
              <TypeLink name={name} />
            </span>
          ))}
        </p>
      ) : null}
      {type.possibleTypes.length > 0 ? (
        <>
          <h4>{t("console.docs.possibleTypes")}</h4>
          <ul>
            {type.possibleTypes.map((name) => (
              <li key={name}>
                <TypeLink name={name} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {type.fields.length > 0 ? (
        <>
          <h4>{t("console.docs.fields")}</h4>
          <ul>
            {type.fields.map((field) => (
              <Field key={field.name} field={field} />
            ))}
          </ul>
        </>
      ) : null}
      {type.inputFields.length > 0 ? (
        <>
          <h4>{t("console.docs.inputFields")}</h4>
          <Arguments args={type.inputFields} title="" />
        </>
      ) : null}
      {type.enumValues.length > 0 ? (
        <>
          <h4>{t("console.docs.values")}</h4>
          <ul>
            {type.enumValues.map((value) => (
              <li key={value.name}>
                <code>{value.name}</code>
                {value.description ? ` — ${value.description}` : null}
                <Deprecation reason={value.deprecationReason} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function SchemaDocs({
  index,
  type,
  requested,
}: {
  index: ReturnType<typeof schemaIndex>;
  type: DocType | null;
  requested: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby="schema-docs-title">
      <h2 id="schema-docs-title">{t("console.docs.title")}</h2>
      <p className="fr-text--sm">{t("console.docs.intro")}</p>
      <p>
        {t("console.docs.roots")} :{" "}
        {index.roots.map((name, i) => (
          <span key={name}>
            {i > 0 ? ", " : null}
            <TypeLink name={name} />
          </span>
        ))}
      </p>
      {type ? <TypeDoc type={type} /> : <Notice kind="error" title={t("console.docs.unknownType", { name: requested })} />}
      <details className="fr-mt-4w">
        <summary>{t("console.docs.typeIndex")}</summary>
        {index.groups.map((group) => (
          <div key={group.kind}>
            <h3 className="fr-h6 fr-mt-2w">{t(`console.docs.kinds.${group.kind}`)}</h3>
            <ul className="fr-text--sm">
              {group.names.map((name) => (
                <li key={name}>
                  <TypeLink name={name} />
                </li>
              ))}
            </ul>
          </div>
        ))}
      </details>
    </section>
  );
}
