/**
 * A large groupes CSV import's progress (administrateur): state, lines processed out of the total,
 * then the result or why it failed (the file's bad lines, or a platform error). Server-rendered with
 * an « Actualiser » link; with JavaScript the page re-reads itself every 2 s while the import runs.
 */
import { useEffect, useRef } from "react";
import { useRevalidator } from "react-router";
import { getGroupesImport } from "../../../server/queries/admin/groupes-import";
import { useT } from "../../lib/i18n";
import { notFound, services } from "../../lib/request.server";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import type { Route } from "./+types/groupes-import";
import { demarcheIdOf } from "./admin.server";
import { ImportErrors } from "./ui/import-errors";
import { Breadcrumb, demarcheCrumb, Notice, PageTitle, useFormatDate, useFormatNumber } from "./ui/layout";

export const handle = { i18n: ["admin", "groupes"] };

function importIdOf(params: { importId?: string }): number {
  const id = Number.parseInt(params.importId ?? "", 10);
  if (!Number.isSafeInteger(id) || id <= 0 || String(id) !== params.importId) notFound();
  return id;
}

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const found = await getGroupesImport(services(context).db, admin.administrateurId, demarcheIdOf(params), importIdOf(params));
  return { ...found, notice: new URL(request.url).searchParams.get("notice") };
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

export default function GroupesImport({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const formatNumber = useFormatNumber();
  const formatDate = useFormatDate();
  const { demarche, import: job, notice } = loaderData;
  const running = job.state === "pending" || job.state === "running";
  usePolling(running);
  const groupes = `/admin/procedures/${demarche.id}/groupes`;
  const back = job.groupeId !== null ? `${groupes}/${job.groupeId}` : groupes;
  const title = t("groupes.importJob.title");
  const platformFailure = job.state === "failed" && job.errors.every((e) => e.code === "failed");
  // The sweep stopped an import whose job was lost (sweep-stuck-groupes-imports.ts).
  const interrupted = job.state === "failed" ? job.errors.find((e) => e.code === "interrupted") : undefined;
  const self = `${groupes}/imports/${job.id}`;
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={job.state === "failed"} />
      <Breadcrumb segments={[demarcheCrumb(demarche), { label: t("groupes.title"), href: groupes }]} current={title} />
      <h1>{title}</h1>
      <p>
        {t("groupes.importJob.startedAt", { date: formatDate(job.createdAt) })}
        {job.groupeLabel ? ` · ${job.groupeLabel}` : null}
      </p>
      {notice === "queued" && running ? (
        <Notice kind="info" title={t("groupes.importJob.queued", { total: formatNumber(job.total) })} />
      ) : null}
      <div role="status" data-testid="import-progress">
        {running ? (
          <p className="fr-mb-1w">{job.state === "pending" ? t("groupes.importJob.pending") : t("groupes.importJob.running")}</p>
        ) : null}
        <p>
          <progress max={job.total} value={job.processed} aria-label={t("groupes.importJob.progressLabel")} />{" "}
          {t("groupes.importJob.progress", { processed: formatNumber(job.processed), total: formatNumber(job.total) })}
        </p>
        {job.state === "done" ? (
          <Notice
            kind="success"
            title={t("groupes.importJob.done", {
              groupes: formatNumber(job.groupesCreated),
              members: formatNumber(job.membershipsAdded),
              instructeurs: formatNumber(job.instructeursAdded),
            })}
          />
        ) : null}
      </div>
      {job.state === "failed" && platformFailure ? <Notice kind="error" title={t("groupes.importJob.failed")} /> : null}
      {interrupted ? (
        <Notice
          kind="error"
          title={t("groupes.importJob.interrupted", {
            processed: formatNumber(Number(interrupted.params?.processed ?? job.processed)),
            total: formatNumber(Number(interrupted.params?.total ?? job.total)),
          })}
        />
      ) : null}
      {job.state === "failed" && !platformFailure && !interrupted ? <ImportErrors refusals={job.errors} /> : null}
      <ul className="fr-btns-group fr-btns-group--inline">
        {running ? (
          <li>
            <a className="fr-btn fr-btn--secondary fr-icon-refresh-line fr-btn--icon-left" href={self}>
              {t("groupes.importJob.refresh")}
            </a>
          </li>
        ) : null}
        <li>
          <a className="fr-btn fr-btn--tertiary" href={back}>
            {t("groupes.importJob.back")}
          </a>
        </li>
      </ul>
    </>
  );
}
