/**
 * The démarche's attestations (`/admin/procedures/:id/attestations`): for acceptance and refusal,
 * title, body and footer with tags (checked on save, named when unknown or unavailable), the
 * « République française » layout, logo and signature images, activation, and a PDF preview with
 * a sample or one of the démarche's decided dossiers. Works without JavaScript; with it, the tag
 * list inserts tags at the cursor.
 */
import { useRef, useState } from "react";
import { data, Form, redirect } from "react-router";
import {
  ATTESTATION_BODY_MAX_LENGTH,
  ATTESTATION_FOOTER_MAX_LENGTH,
  ATTESTATION_IMAGE_MAX_BYTES,
  ATTESTATION_TITLE_MAX_LENGTH,
  type AttestationTemplateKind,
  isAttestationTemplateKind,
} from "../../../common/attestations";
import { isAttestationImageKind } from "../../../server/domain/demarches/presentation-files";
import { storageFor } from "../../../server/integrations/storage";
import { findAdministrableDemarche } from "../../../server/lookups/administrable-demarche";
import { setAttestationImage } from "../../../server/operations/attestations/set-attestation-image";
import { uploadedFileOf } from "../../lib/uploaded-file.server";
import { formatByteSize } from "../../../server/domain/files/file-ref";
import { saveAttestationTemplate } from "../../../server/operations/attestations/save-attestation-template";
import { setAttestationActivation } from "../../../server/operations/attestations/set-attestation-activation";
import { attestationTemplatesEditor } from "../../../server/queries/admin/attestation-templates";
import type { Refusal } from "../../../server/refusal";
import { CsrfInput } from "../../components/csrf-input";
import { CheckboxField, InputField, SelectField, TextareaField, UploadField } from "../../components/dsfr/fields";
import { useT } from "../../lib/i18n";
import { currentAdministrateur } from "../../lib/persona-guard.server";
import { formString, readForm, requestState, services } from "../../lib/request.server";
import type { Route } from "./+types/attestations";
import { demarcheIdOf } from "./admin.server";
import { Breadcrumb, demarcheCrumb, ErrorSummary, Notice, PageTitle, useDynamicT } from "./ui/layout";
import { insertAtCursor, TagPicker } from "./ui/tag-picker";

export const handle = { i18n: ["admin", "modeles", "attestations", "dossiers", "fichiers"] };

const NOTICES = ["saved", "activated", "deactivated", "image_added", "image_removed"] as const;

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const admin = currentAdministrateur(context);
  const { db } = services(context);
  const { locale } = requestState(context);
  const editor = await attestationTemplatesEditor(db, admin.administrateurId, demarcheIdOf(params), locale);
  const query = new URL(request.url).searchParams;
  const notice = query.get("notice");
  const imageError = query.get("image_erreur");
  const imageTarget = query.get("image_cible");
  return {
    ...editor,
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? notice : null,
    noticeKind: isAttestationTemplateKind(query.get("kind")) ? query.get("kind") : null,
    imageError: imageError && /^[a-z_]{1,40}$/.test(imageError) ? imageError : null,
    imageTarget: isAttestationImageKind(imageTarget) ? imageTarget : null,
    imageMax: formatByteSize(ATTESTATION_IMAGE_MAX_BYTES, locale),
  };
}

interface ActionData {
  kind: AttestationTemplateKind;
  values: { title: string; body: string; footer: string; officialLayout: boolean };
  refusals: Refusal[];
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const admin = currentAdministrateur(context);
  const { db } = services(context);
  const demarcheId = demarcheIdOf(params);
  const query = new URL(request.url).searchParams;
  const image = query.get("image");
  if (image !== null) return imageUpload(context, request, demarcheId, query.get("kind"), image);
  const form = await readForm(request);
  const kind = formString(form, "kind");
  if (!isAttestationTemplateKind(kind)) throw data({ status: 400 }, { status: 400 });
  const page = `/admin/procedures/${demarcheId}/attestations`;
  const who = { administrateurId: admin.administrateurId, userId: admin.id };
  switch (formString(form, "intent")) {
    case "save": {
      const values = {
        title: formString(form, "title"),
        body: formString(form, "body"),
        footer: formString(form, "footer"),
        officialLayout: form.get("officialLayout") === "on",
      };
      const result = await saveAttestationTemplate(db, who, demarcheId, kind, values);
      if (!result.ok) return data<ActionData>({ kind, values, refusals: result.refusals }, { status: 422 });
      return redirect(`${page}?notice=saved&kind=${kind}#${kind}`);
    }
    case "activate":
    case "deactivate": {
      const activated = formString(form, "intent") === "activate";
      const result = await setAttestationActivation(db, who, demarcheId, kind, activated);
      if (!result.ok) {
        const values = { title: "", body: "", footer: "", officialLayout: true };
        return data<ActionData & { activation: true }>(
          { kind, values, refusals: result.refusals, activation: true },
          { status: 422 },
        );
      }
      return redirect(`${page}?notice=${activated ? "activated" : "deactivated"}&kind=${kind}#${kind}`);
    }
    case "image-remove": {
      const image = formString(form, "image");
      if (!isAttestationImageKind(image)) throw data({ status: 400 }, { status: 400 });
      await setAttestationImage(db, storageFor(services(context).config), who, demarcheId, kind, image, null);
      return redirect(`${page}?notice=image_removed&kind=${kind}#${kind}-${image}`);
    }
    default:
      throw data({ status: 400 }, { status: 400 });
  }
}

/** The images' refusals as the page's messages (`attestations.errors.*`). */
const IMAGE_ERRORS: Record<string, string> = {
  file_missing: "image_empty",
  file_too_big: "image_too_large",
  file_format: "image_invalid",
  image_corrupted: "image_corrupted",
};

/** `POST ?image=<logo|signature>&kind=<kind>`, multipart: the template's logo or signature. */
async function imageUpload(
  context: Route.ActionArgs["context"],
  request: Request,
  demarcheId: number,
  kind: string | null,
  image: string,
) {
  const admin = currentAdministrateur(context);
  const { db, config } = services(context);
  if (!isAttestationTemplateKind(kind) || !isAttestationImageKind(image)) throw data({ status: 400 }, { status: 400 });
  const page = `/admin/procedures/${demarcheId}/attestations`;
  // Scope first: another administrateur gets 404 whatever they send.
  await findAdministrableDemarche(db, admin.administrateurId, demarcheId);
  const read = await uploadedFileOf(request, "file", ATTESTATION_IMAGE_MAX_BYTES);
  const result = read.ok
    ? await setAttestationImage(
        db,
        storageFor(config),
        { administrateurId: admin.administrateurId, userId: admin.id },
        demarcheId,
        kind,
        image,
        read.file,
      )
    : { ok: false as const, refusals: [{ code: read.code === "too_big" ? "file_too_big" : "file_missing", field: image }] };
  if (!result.ok) {
    const code = IMAGE_ERRORS[result.refusals[0]?.code ?? ""] ?? "image_invalid";
    return redirect(`${page}?image_erreur=${code}&image_cible=${image}&kind=${kind}#${kind}-${image}`);
  }
  return redirect(`${page}?notice=image_added&kind=${kind}#${kind}-${image}`);
}

type Field = "title" | "body" | "footer";

export default function Attestations({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const dt = useDynamicT();
  const { demarche, templates, notice, noticeKind, imageError, imageTarget, imageMax } = loaderData;
  const title = t("attestations.title");
  const base = `/admin/procedures/${demarche.id}/attestations`;
  const activation = actionData && "activation" in actionData;
  const refusals = actionData?.refusals ?? [];
  const message = (kind: AttestationTemplateKind, field: string) =>
    actionData?.kind === kind
      ? refusals
          .filter((r) => r.field === field)
          .map((r) => dt(`attestations.errors.${r.code}`, r.params))
          .join(" ") || null
      : null;
  const summary = actionData
    ? (activation ? (["activated"] as const) : (["title", "body", "footer"] as const)).flatMap((field) => {
        const text = message(actionData.kind, field);
        const id = field === "activated" ? `${actionData.kind}-activation` : `${actionData.kind}-${field}`;
        const label = field === "activated" ? dt(`attestations.kinds.${actionData.kind}.name`) : t(`attestations.form.${field}`);
        return text ? [{ fieldId: id, label, message: text }] : [];
      })
    : [];

  const lastTarget = useRef<string>("acceptation-body");
  const [announce, setAnnounce] = useState("");
  const insert = (text: string) => {
    if (insertAtCursor(lastTarget.current, text)) setAnnounce(t("modeles.tags.inserted", { tag: text }));
  };
  const focus = (id: string) => () => {
    lastTarget.current = id;
  };

  return (
    <>
      <PageTitle title={`${title} – ${demarche.libelle}`} error={summary.length > 0} />
      <Breadcrumb segments={[demarcheCrumb(demarche)]} current={title} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{t("attestations.lead")}</p>
      <ErrorSummary errors={summary} />
      {templates.map((template) => {
        const kind = template.kind;
        const name = dt(`attestations.kinds.${kind}.name`);
        const own = actionData?.kind === kind && !activation ? actionData.values : null;
        const values = own ?? template;
        const decision = dt(`attestations.form.decision.${kind}`);
        const id = (field: string) => `${kind}-${field}`;
        return (
          <section key={kind} id={kind} className="fr-mb-6w" data-attestation={kind} aria-labelledby={`${kind}-heading`}>
            <h2 id={`${kind}-heading`}>{name}</h2>
            <p>
              {dt(`attestations.kinds.${kind}.when`)}{" "}
              {template.activated ? (
                <span className="fr-badge fr-badge--sm fr-badge--success">{t("attestations.status.activated")}</span>
              ) : template.saved ? (
                <span className="fr-badge fr-badge--sm">{t("attestations.status.deactivated")}</span>
              ) : (
                <span className="fr-badge fr-badge--sm">{t("attestations.status.notSaved")}</span>
              )}
            </p>
            {noticeKind === kind && notice === "saved" ? <Notice kind="success" title={t("attestations.form.saved")} /> : null}
            {noticeKind === kind && notice === "activated" ? (
              <Notice kind="success" title={t("attestations.form.activated", { decision })} />
            ) : null}
            {noticeKind === kind && notice === "deactivated" ? (
              <Notice kind="success" title={t("attestations.form.deactivated")} />
            ) : null}
            {noticeKind === kind && notice === "image_added" ? (
              <Notice kind="success" title={t("attestations.images.uploaded")} />
            ) : null}
            {noticeKind === kind && notice === "image_removed" ? (
              <Notice kind="success" title={t("attestations.images.removed")} />
            ) : null}
            {template.problems.length > 0 && !own ? (
              <Notice kind="warning">
                <ul>
                  {template.problems.map((p) => (
                    <li key={p.tag}>{dt(`attestations.errors.${p.code}`, { tag: p.tag })}</li>
                  ))}
                </ul>
              </Notice>
            ) : null}
            {template.activated && !template.mailHasLink ? (
              <Notice kind="warning">
                <p>
                  {t("attestations.form.mailWarning", {
                    tag: "--lien attestation--",
                    mail: dt(`modeles.kinds.${template.mailKind}.name`),
                  })}{" "}
                  <a href={`/admin/procedures/${demarche.id}/emails/${template.mailKind}`}>
                    {dt(`modeles.kinds.${template.mailKind}.name`)}
                  </a>
                </p>
              </Notice>
            ) : null}

            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-lg-7">
                <Form method="post" noValidate action={`${base}#${kind}`}>
                  <CsrfInput />
                  <input type="hidden" name="intent" value="save" />
                  <input type="hidden" name="kind" value={kind} />
                  <InputField
                    id={id("title")}
                    name="title"
                    label={t("attestations.form.title")}
                    hint={t("attestations.form.titleHint")}
                    required
                    maxLength={ATTESTATION_TITLE_MAX_LENGTH * 4}
                    defaultValue={values.title}
                    error={message(kind, "title")}
                    onFocus={focus(id("title"))}
                  />
                  <TextareaField
                    id={id("body")}
                    name="body"
                    label={t("attestations.form.body")}
                    hint={t("attestations.form.bodyHint")}
                    required
                    rows={10}
                    maxLength={ATTESTATION_BODY_MAX_LENGTH * 2}
                    defaultValue={values.body}
                    error={message(kind, "body")}
                    onFocus={focus(id("body"))}
                  />
                  <InputField
                    id={id("footer")}
                    name="footer"
                    label={t("attestations.form.footer")}
                    hint={t("attestations.form.footerHint", { max: ATTESTATION_FOOTER_MAX_LENGTH })}
                    maxLength={ATTESTATION_FOOTER_MAX_LENGTH * 4}
                    defaultValue={values.footer}
                    error={message(kind, "footer")}
                    onFocus={focus(id("footer"))}
                  />
                  <CheckboxField
                    id={id("officialLayout")}
                    name="officialLayout"
                    label={t("attestations.form.officialLayout")}
                    hint={t("attestations.form.officialLayoutHint")}
                    defaultChecked={values.officialLayout}
                  />
                  <button type="submit" className="fr-btn fr-mt-2w">
                    {t("attestations.form.save")}
                  </button>
                </Form>

                <Form method="post" className="fr-mt-3w" action={`${base}#${kind}`}>
                  <CsrfInput />
                  <input type="hidden" name="kind" value={kind} />
                  <input type="hidden" name="intent" value={template.activated ? "deactivate" : "activate"} />
                  <p className="fr-hint-text" id={id("activation")}>
                    {template.activated ? t("attestations.form.activeHint", { decision }) : t("attestations.form.inactiveHint")}
                  </p>
                  {activation && actionData?.kind === kind ? (
                    <p className="fr-error-text" id={id("activation-error")}>
                      {message(kind, "activated")}
                    </p>
                  ) : null}
                  <button
                    type="submit"
                    className={`fr-btn ${template.activated ? "fr-btn--secondary" : ""}`}
                    aria-describedby={
                      activation && actionData?.kind === kind ? `${id("activation")} ${id("activation-error")}` : id("activation")
                    }
                  >
                    {template.activated ? t("attestations.form.deactivate") : t("attestations.form.activate")}
                    <span className="fr-sr-only">{` ${name}`}</span>
                  </button>
                </Form>

                {(["logo", "signature"] as const).map((image) => {
                  const present = image === "logo" ? template.hasLogo : template.hasSignature;
                  return (
                    <div key={image} className="fr-mt-4w" id={`${kind}-${image}`} data-attestation-image={image}>
                      <h3 className="fr-h6">{t(`attestations.images.${image}`)}</h3>
                      <p>{present ? t("attestations.images.current") : t("attestations.images.none")}</p>
                      {image === "signature" ? <p className="fr-hint-text">{t("attestations.images.groupeSignature")}</p> : null}
                      <Form method="post" encType="multipart/form-data" action={`?image=${image}&kind=${kind}`} noValidate>
                        <CsrfInput />
                        <UploadField
                          id={id(`${image}-file`)}
                          name="file"
                          label={t(`attestations.images.${image}`)}
                          hint={t("attestations.images.hint", { max: imageMax })}
                          accept="image/png,image/jpeg,image/webp"
                          required
                          error={
                            noticeKind === kind && imageTarget === image && imageError
                              ? dt(`attestations.errors.${imageError}`, { max: imageMax })
                              : null
                          }
                          className="fr-mb-2w"
                        />
                        <button type="submit" className="fr-btn fr-btn--secondary">
                          {t("attestations.images.upload")}
                          <span className="fr-sr-only">{` ${t(`attestations.images.${image}`)} – ${name}`}</span>
                        </button>
                      </Form>
                      {present ? (
                        <Form method="post" className="fr-mt-1w">
                          <CsrfInput />
                          <input type="hidden" name="kind" value={kind} />
                          <input type="hidden" name="intent" value="image-remove" />
                          <input type="hidden" name="image" value={image} />
                          <button type="submit" className="fr-btn fr-btn--tertiary">
                            {t("attestations.images.remove")}
                            <span className="fr-sr-only">{` ${t(`attestations.images.${image}`)} – ${name}`}</span>
                          </button>
                        </Form>
                      ) : null}
                    </div>
                  );
                })}

                <h3 className="fr-mt-4w">{t("attestations.preview.title")}</h3>
                <p>{t("attestations.preview.lead")}</p>
                <form method="get" action={`${base}/${kind}/apercu`}>
                  <SelectField id={id("apercu")} name="dossier" label={t("attestations.preview.dossier")} defaultValue="exemple">
                    <option value="exemple">{t("attestations.preview.sample")}</option>
                    {template.previewDossiers.map((d) => {
                      const label = t("modeles.preview.dossierOption", { number: d.id, state: dt(`dossiers.states.${d.state}`) });
                      return (
                        <option key={d.id} value={d.id}>
                          {d.forTest ? t("modeles.preview.testDossier", { label }) : label}
                        </option>
                      );
                    })}
                  </SelectField>
                  <button type="submit" className="fr-btn fr-btn--secondary">
                    {t("attestations.preview.show")}
                  </button>
                </form>
              </div>
              <div className="fr-col-12 fr-col-lg-5">
                <TagPicker tags={template.tags} insert={insert} announce={announce} headingLevel={3} />
              </div>
            </div>
          </section>
        );
      })}
    </>
  );
}
