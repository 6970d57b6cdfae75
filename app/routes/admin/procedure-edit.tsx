import { data, Form, redirect } from "react-router";
import {
  DEMARCHE_FILE_KINDS,
  DEMARCHE_FILE_SPECS,
  type DemarcheFileKind,
  isDemarcheFileKind,
} from "../../../server/domain/demarches/presentation-files";
import { formatByteSize } from "../../../server/domain/files/file-ref";
import { storageFor } from "../../../server/integrations/storage";
import { demarcheFilesOf } from "../../../server/lookups/demarche-files";
import { setDemarcheFile } from "../../../server/operations/demarches/set-demarche-file";
import { CsrfInput } from "../../components/csrf-input";
import { UploadField } from "../../components/dsfr/fields";
import { uploadedFileOf } from "../../lib/uploaded-file.server";
import { findAdministrableDemarche } from "../../../server/lookups/administrable-demarche";
import { updateDemarche } from "../../../server/operations/demarches/update-demarche";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/procedure-edit";
import { demarcheIdOf } from "./admin.server";
import { demarcheValuesOf } from "./demarche-form.server";
import { DemarcheForm } from "./ui/demarche-form";
import { Breadcrumb, demarcheCrumb, Notice, PageTitle, useDynamicT } from "./ui/layout";
import { refusalsByField } from "../../../server/refusal";

export const handle = { i18n: ["admin", "fichiers"] };

const FILE_NOTICES = ["file_saved", "file_removed"] as const;

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { db } = services(context);
  const { locale } = requestState(context);
  const demarche = await findAdministrableDemarche(db, admin.administrateurId, demarcheIdOf(params));
  const query = new URL(request.url).searchParams;
  const fileKind = query.get("fichier");
  const fileError = query.get("fichier_erreur");
  const notice = query.get("notice");
  const files = await demarcheFilesOf(db, demarche.id);
  return {
    demarche: { id: demarche.id, libelle: demarche.libelle },
    files: DEMARCHE_FILE_KINDS.map((kind) => ({
      kind,
      max: formatByteSize(DEMARCHE_FILE_SPECS[kind].maxBytes, locale),
      current: files[kind] ? { filename: files[kind].filename, size: formatByteSize(files[kind].byteSize, locale) } : null,
    })),
    fileOutcome: isDemarcheFileKind(fileKind)
      ? {
          kind: fileKind,
          notice: (FILE_NOTICES as readonly string[]).includes(notice ?? "") ? notice : null,
          error: fileError && /^[a-z_]{1,40}$/.test(fileError) ? fileError : null,
        }
      : null,
    values: {
      libelle: demarche.libelle,
      description: demarche.description,
      cadreJuridique: demarche.cadreJuridique ?? "",
      lienDpo: demarche.lienDpo ?? "",
      dureeConservation: String(demarche.dureeConservation),
      opendata: demarche.opendata ? "on" : "",
      descriptionTargetAudience: demarche.descriptionTargetAudience ?? "",
      descriptionPj: demarche.descriptionPj ?? "",
      lienSiteWeb: demarche.lienSiteWeb ?? "",
      lienNotice: demarche.lienNotice ?? "",
      messageFinDepot: demarche.messageFinDepot ?? "",
      estimatedDurationVisible: demarche.estimatedDurationVisible ? "on" : "",
    },
  };
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const demarcheId = demarcheIdOf(params);
  const { db } = services(context);
  // Scope first: another administrateur gets 404 whatever they send.
  await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  const fileKind = new URL(request.url).searchParams.get("fichier");
  if (fileKind !== null) {
    if (!isDemarcheFileKind(fileKind)) throw data({ status: 400 }, { status: 400 });
    return fileAction(context, request, demarcheId, fileKind);
  }
  const form = await readForm(request);
  const values = demarcheValuesOf(form);
  const result = await updateDemarche(db, admin.administrateurId, demarcheId, values);
  if (!result.ok) return data({ values, errors: refusalsByField(result.refusals).errors }, { status: 400 });
  return redirect(`/admin/procedures/${demarcheId}?notice=updated`);
}

/**
 * `POST ?fichier=<logo|notice|deliberation>`: multipart with the file (`file`) to replace it, or
 * urlencoded with `intent=remove` to remove it; the page answers with its message next to the input.
 */
async function fileAction(context: Route.ActionArgs["context"], request: Request, demarcheId: number, kind: DemarcheFileKind) {
  const admin = currentAdministrateur(context);
  const { db, config } = services(context);
  const who = { administrateurId: admin.administrateurId, userId: admin.id };
  const page = `/admin/procedures/${demarcheId}/edit?fichier=${kind}`;
  const multipart = (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
  if (!multipart) {
    if (formString(await readForm(request), "intent") !== "remove") throw data({ status: 400 }, { status: 400 });
    await setDemarcheFile(db, storageFor(config), who, demarcheId, kind, null);
    return redirect(`${page}&notice=file_removed#fichier-${kind}`);
  }
  const read = await uploadedFileOf(request, "file", DEMARCHE_FILE_SPECS[kind].maxBytes);
  const result = read.ok
    ? await setDemarcheFile(db, storageFor(config), who, demarcheId, kind, read.file)
    : { ok: false as const, refusals: [{ code: read.code === "too_big" ? "file_too_big" : "file_missing", field: kind }] };
  if (!result.ok) return redirect(`${page}&fichier_erreur=${result.refusals[0]?.code ?? "file_format"}#fichier-${kind}`);
  return redirect(`${page}&notice=file_saved#fichier-${kind}`);
}

/** The message of a refused file: the format's message names what the kind accepts. */
function fileErrorKey(kind: DemarcheFileKind, code: string): string {
  if (code === "file_format") return `admin.presentationFiles.errors.file_format_${kind === "logo" ? "logo" : "pdf"}`;
  return `admin.presentationFiles.errors.${code}`;
}

function DemarcheFiles({
  files,
  outcome,
}: {
  files: Route.ComponentProps["loaderData"]["files"];
  outcome: Route.ComponentProps["loaderData"]["fileOutcome"];
}) {
  const t = useT();
  const dt = useDynamicT();
  return (
    <section className="fr-mt-6w" aria-labelledby="fichiers-demarche">
      <h2 id="fichiers-demarche">{t("admin.presentationFiles.title")}</h2>
      <p>{t("admin.presentationFiles.lead")}</p>
      {files.map((file) => {
        const label = dt(`admin.presentationFiles.kinds.${file.kind}.label`);
        const mine = outcome?.kind === file.kind ? outcome : null;
        return (
          <div key={file.kind} id={`fichier-${file.kind}`} className="fr-mt-4w" data-demarche-file={file.kind}>
            <h3 className="fr-h6">{label}</h3>
            {mine?.notice === "file_saved" ? <Notice kind="success" title={t("admin.presentationFiles.saved")} /> : null}
            {mine?.notice === "file_removed" ? <Notice kind="success" title={t("admin.presentationFiles.removed")} /> : null}
            <p data-testid={`fichier-${file.kind}-current`}>
              {file.current
                ? t("admin.presentationFiles.current", { filename: file.current.filename, size: file.current.size })
                : t("admin.presentationFiles.none")}
            </p>
            <Form method="post" encType="multipart/form-data" action={`?fichier=${file.kind}`} noValidate>
              <CsrfInput />
              <UploadField
                id={`fichier-${file.kind}-file`}
                name="file"
                label={label}
                hint={dt(`admin.presentationFiles.kinds.${file.kind}.hint`, { max: file.max })}
                accept={file.kind === "logo" ? "image/png,image/jpeg,image/webp" : "application/pdf"}
                required
                error={mine?.error ? dt(fileErrorKey(file.kind, mine.error), { max: file.max }) : null}
                className="fr-mb-2w"
              />
              <button type="submit" className="fr-btn fr-btn--secondary">
                {t("admin.presentationFiles.upload")}
                <span className="fr-sr-only">{` ${label}`}</span>
              </button>
            </Form>
            {file.current ? (
              <Form method="post" action={`?fichier=${file.kind}`} className="fr-mt-1w">
                <CsrfInput />
                <input type="hidden" name="intent" value="remove" />
                <button type="submit" className="fr-btn fr-btn--tertiary">
                  {t("admin.presentationFiles.remove")}
                  <span className="fr-sr-only">{` ${label}`}</span>
                </button>
              </Form>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

export default function ProcedureEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { demarche } = loaderData;
  const title = t("admin.demarcheForm.editTitle");
  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={Boolean(actionData?.errors)} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <DemarcheForm
        values={actionData?.values ?? loaderData.values}
        errors={actionData?.errors}
        submitLabel={t("common.save")}
        cancelHref={`/admin/procedures/${demarche.id}`}
      />
      <DemarcheFiles files={loaderData.files} outcome={loaderData.fileOutcome} />
    </>
  );
}
