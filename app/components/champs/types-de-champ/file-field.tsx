/**
 * The file fields (`piece_justificative`, `titre_identite`): what is already attached (download
 * links), the file input, and the model file to download.
 *
 * Without JavaScript the input is part of the dossier form (multipart): chosen files are sent
 * with "Enregistrer", and a checkbox per file removes it then. With JavaScript (on the dossier
 * pages) each chosen file is sent at once to the field's endpoint with a progress bar, and the
 * "Supprimer" buttons remove files at once; the input then has no name, so the form never sends
 * a file twice. Names and ids come from `ids` only (rows of a block have their own).
 */
import { useEffect, useRef, useState } from "react";
import { useLocation } from "react-router";
import type { FileRef } from "../../../../server/domain/files/file-ref";
import { formatByteSize } from "../../../../server/domain/files/byte-size";
import { type AcceptedFiles, type FormatFamily, acceptAttribute, extensionList } from "../../../../server/domain/files/formats";
import { DELETE_FILE_FIELD, deleteFileValue } from "../../../../server/domain/files/delete-file";
import { deleteFile, fileEndpointsBase, fileFieldEndpoint, uploadFile } from "../../../lib/file-upload";
import { useLocale, useRootData, useT } from "../../../lib/i18n";
import { ChampHint, LabelText, describedBy, hasDescription, useHydrated } from "../field-parts";
import type { ChampIds } from "../types";

const downloadHref = (id: string) => `/pieces-jointes/${id}`;

/** "PDF – 1,2 Mo". */
export function useFileDetail() {
  const t = useT();
  const locale = useLocale();
  return (file: Pick<FileRef, "filename" | "byteSize">) => {
    const dot = file.filename.lastIndexOf(".");
    const format = dot > 0 ? file.filename.slice(dot + 1).toUpperCase() : "";
    const size = formatByteSize(file.byteSize, locale);
    return format === "" ? size : t("fichiers.fileDetail", { format, size });
  };
}

/** A DSFR download link to an attached file. */
export function FileLink({ file, label }: { file: FileRef; label?: string }) {
  const detail = useFileDetail();
  return (
    <a className="fr-link fr-link--download" href={downloadHref(file.id)} download>
      {label ?? file.filename} <span className="fr-link__detail">{detail(file)}</span>
    </a>
  );
}

/** The administrateur's model file, offered above the input. */
export function TemplateLink({ file, label }: { file: FileRef | undefined; label: string }) {
  if (!file) return null;
  return (
    <p className="fr-mt-1w fr-mb-1w">
      <FileLink file={file} label={`${label} : ${file.filename}`} />
    </p>
  );
}

/** "Taille maximale : 200 Mo. Formats acceptés : …" */
export function useAcceptedHint(accepted: AcceptedFiles, families: readonly FormatFamily[] | null) {
  const t = useT();
  const locale = useLocale();
  const formats =
    families === null ? extensionList(accepted.formats) : families.map((family) => t(`fichiers.families.${family}`)).join(", ");
  return `${t("fichiers.hint.maxSize", { max: formatByteSize(accepted.maxBytes, locale) })} ${t("fichiers.hint.formats", { formats })}`;
}

interface Upload {
  id: number;
  filename: string;
  percent: number;
}

export function FileInputField(props: {
  libelle: string;
  description: string | null;
  mandatory: boolean;
  value: FileRef[] | null;
  errorMessage: string | null;
  ids: ChampIds;
  accepted: AcceptedFiles;
  /** First line of the hint (formats, size…). */
  hint: string;
  multiple: boolean;
  template?: FileRef;
}) {
  const { ids, accepted } = props;
  const t = useT();
  const locale = useLocale();
  const csrfToken = useRootData()?.csrfToken ?? "";
  const hydrated = useHydrated();
  // The dossier form pages have endpoints (the usager's, and the instructeur's annotations).
  const base = fileEndpointsBase(useLocation().pathname);
  const enhanced = hydrated && base !== null;
  const key = ids.name.replace(/^champ_/, "");
  const endpoint = base ? fileFieldEndpoint(base, key) : "";

  const [files, setFiles] = useState<FileRef[]>(props.value ?? []);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState("");
  const nextUpload = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  // New data from the server (after a save) replaces the list; local changes are already in it.
  const stored = JSON.stringify(props.value ?? []);
  useEffect(() => {
    setFiles(JSON.parse(stored) as FileRef[]);
  }, [stored]);

  async function send(file: File) {
    if (file.size > accepted.maxBytes) {
      setErrors((list) => [
        ...list,
        t("champs.errors.file_too_large", {
          libelle: props.libelle,
          filename: file.name,
          max: formatByteSize(accepted.maxBytes, locale),
        }),
      ]);
      return;
    }
    const id = nextUpload.current++;
    setUploads((list) => [...list, { id, filename: file.name, percent: 0 }]);
    const outcome = await uploadFile(endpoint, csrfToken, file, (percent) =>
      setUploads((list) => list.map((u) => (u.id === id ? { ...u, percent } : u))),
    );
    setUploads((list) => list.filter((u) => u.id !== id));
    if (outcome.ok) {
      const { url: _url, ...ref } = outcome.file;
      setFiles((list) => [...list, ref]);
      setStatus(t("fichiers.uploaded", { filename: ref.filename }));
    } else {
      setErrors((list) => [...list, outcome.message ?? t("fichiers.errors.network", { filename: file.name })]);
    }
  }

  async function onSelect(event: React.ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.target.files ?? [])];
    // Emptied at once: the same file can be chosen again, and the form never carries it.
    event.target.value = "";
    setErrors([]);
    for (const file of chosen) await send(file);
  }

  async function remove(file: FileRef) {
    setErrors([]);
    const outcome = await deleteFile(endpoint, csrfToken, file.id);
    if (outcome.ok) {
      setFiles((list) => list.filter((f) => f.id !== file.id));
      setStatus(t("fichiers.removed", { filename: file.filename }));
      input.current?.focus();
    } else {
      setErrors([
        ("message" in outcome ? outcome.message : null) ?? t("fichiers.errors.removeFailed", { filename: file.filename }),
      ]);
    }
  }

  const allErrors = [...new Set([...(props.errorMessage ? [props.errorMessage] : []), ...errors])];
  const hasError = allErrors.length > 0;
  const listId = `${ids.input}-files`;
  return (
    <div className={hasError ? "fr-upload-group fr-upload-group--error fr-input-group--error" : "fr-upload-group"}>
      <label className="fr-label" htmlFor={ids.input}>
        <LabelText libelle={props.libelle} mandatory={props.mandatory} />
        <span className="fr-hint-text">
          {props.hint}
          {props.multiple ? ` ${t("fichiers.hint.several")}` : ""}
          {enhanced ? "" : ` ${t("fichiers.hint.noJavascript")}`}
        </span>
      </label>
      <ChampHint id={ids.hint} description={props.description} />
      <TemplateLink file={props.template} label={t("fichiers.template")} />
      <input
        ref={input}
        className="fr-upload"
        type="file"
        id={ids.input}
        name={enhanced ? undefined : ids.name}
        multiple={props.multiple}
        accept={acceptAttribute(accepted.formats)}
        onChange={enhanced ? onSelect : undefined}
        aria-describedby={describedBy(
          hasDescription(props.description) && ids.hint,
          hasError && ids.error,
          files.length > 0 && listId,
        )}
        aria-invalid={hasError || undefined}
      />
      {hasError ? (
        <div id={ids.error}>
          {allErrors.map((message) => (
            <p key={message} className="fr-error-text">
              {message}
            </p>
          ))}
        </div>
      ) : null}
      {uploads.map((upload) => (
        <div key={upload.id} className="fr-mt-1w">
          <label className="fr-hint-text" htmlFor={`${ids.input}-upload-${upload.id}`}>
            {t("fichiers.uploadProgress", { filename: upload.filename, percent: upload.percent })}
          </label>
          <progress
            id={`${ids.input}-upload-${upload.id}`}
            max={100}
            value={upload.percent}
            className="guichet-upload-progress"
          />
        </div>
      ))}
      {files.length > 0 ? (
        <ul className="fr-mt-2w guichet-file-list" id={listId} aria-label={t("fichiers.list", { libelle: props.libelle })}>
          {files.map((file) => (
            <li key={file.id} className="guichet-file-list__item">
              <FileLink file={file} />
              {enhanced ? (
                <button
                  type="button"
                  className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm fr-icon-delete-line fr-btn--icon-left"
                  onClick={() => void remove(file)}
                >
                  {t("fichiers.remove")}{" "}
                  <span className="fr-sr-only">{t("fichiers.removeFile", { filename: file.filename })}</span>
                </button>
              ) : (
                <div className="fr-checkbox-group fr-checkbox-group--sm">
                  <input
                    type="checkbox"
                    id={`${ids.input}-remove-${file.id}`}
                    name={DELETE_FILE_FIELD}
                    value={deleteFileValue(key, file.id)}
                  />
                  <label className="fr-label" htmlFor={`${ids.input}-remove-${file.id}`}>
                    {t("fichiers.removeOnSave", { filename: file.filename })}
                  </label>
                </div>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="fr-sr-only" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

/** Read-only: the files as download links (instructeurs and the usager's dossier page). */
export function FileListDisplay({ libelle, files }: { libelle: string; files: FileRef[] | null }) {
  const t = useT();
  const list = files ?? [];
  return (
    <div className="fr-mb-3w guichet-champ-display">
      <p className="fr-text--bold fr-mb-1v">{libelle}</p>
      {list.length === 0 ? (
        <p className="fr-mb-0 fr-text-mention--grey">{t("usager.champ.empty")}</p>
      ) : (
        <ul className="fr-mb-0 guichet-file-list">
          {list.map((file) => (
            <li key={file.id} className="guichet-file-list__item">
              <FileLink file={file} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
