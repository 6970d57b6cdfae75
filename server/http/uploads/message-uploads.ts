/**
 * The message forms of the messagerie pages (usager `/dossiers/:id/messagerie`, instructeur
 * `/procedures/:pid/dossiers/:id/messagerie`, expert `/avis/:avisId/messagerie`) post multipart/form-data, with or without
 * JavaScript. This middleware runs before React Router for those POSTs and, streaming:
 * 1. checks the `_csrf` field (first in the form); files after an invalid or missing token are discarded;
 * 2. stores each file of the `pieces_jointes` input (sniffed, at most 20 MB, the global format list)
 *    as a pending attachment of the signed-in author on that dossier (`addMessageFile`; not theirs:
 *    nothing stored, the page answers 404);
 * 3. hands the text fields on to React Router as an urlencoded body, plus one `_message_files`
 *    field per stored file and `_message_file_errors` (a JSON list of messages) for the refused ones.
 * The page's action sends the message with those files (`sendMessage` only takes pending files of
 * the same author and dossier), or re-renders the form keeping them when the message is refused.
 */
import type { Request, RequestHandler } from "express";
import { translate } from "../../../common/i18n";
import { formatsOfFamilies } from "../../domain/files/formats";
import { MESSAGE_FILE_MAX_BYTES, MESSAGE_MAX_FILES } from "../../domain/messages/message-body";
import { NotFoundError } from "../../errors";
import { storageFor } from "../../integrations/storage";
import { addMessageFile } from "../../operations/messages/add-message-file";
import { expertAuthor, type MessageAuthor } from "../../operations/messages/message-author";
import { findExpertMessagerieDossier } from "../../lookups/scoped-avis";
import type { AppServices, CurrentUser } from "../context";
import { CSRF_FIELD } from "../csrf";
import { MultipartError, isMultipart, readMultipart } from "./multipart";
import { requestWithBody } from "./replay";
import { type RequestAuth, readRequestAuth, requestLocale } from "./request-auth";
import { failureMessage, storeChecked } from "./store-upload";

export const MESSAGE_FILES_FIELD = "_message_files";
export const MESSAGE_FILE_ERRORS_FIELD = "_message_file_errors";
export const MESSAGE_FILE_INPUT = "pieces_jointes";

const ID = "(\\d{1,10})";
const USAGER = new RegExp(`^/dossiers/${ID}/messagerie(?:\\.data)?$`);
const INSTRUCTEUR = new RegExp(`^/procedures/${ID}/dossiers/${ID}/messagerie(?:\\.data)?$`);
const EXPERT = new RegExp(`^/avis/${ID}/messagerie(?:\\.data)?$`);

/** The expert's page names an avis: its dossier is looked up in the expert's scope. */
type MessagePage =
  | { persona: "usager"; dossierId: number }
  | { persona: "instructeur"; dossierId: number }
  | { persona: "expert"; avisId: number };

export function messagePageOf(path: string): MessagePage | null {
  const usager = USAGER.exec(path);
  if (usager) return { persona: "usager", dossierId: Number(usager[1]) };
  const instructeur = INSTRUCTEUR.exec(path);
  if (instructeur) return { persona: "instructeur", dossierId: Number(instructeur[2]) };
  const expert = EXPERT.exec(path);
  if (expert) return { persona: "expert", avisId: Number(expert[1]) };
  return null;
}

/** Who posts, and on which dossier; null when they may not (the page then answers 404). */
async function targetOf(
  services: AppServices,
  page: MessagePage,
  user: CurrentUser | null,
): Promise<{ author: MessageAuthor; dossierId: number } | null> {
  if (!user) return null;
  const who = { userId: user.id, email: user.email };
  if (page.persona === "usager") return { author: { kind: "usager", ...who }, dossierId: page.dossierId };
  if (page.persona === "instructeur") {
    if (user.instructeurId === null) return null;
    return { author: { kind: "instructeur", ...who, instructeurId: user.instructeurId }, dossierId: page.dossierId };
  }
  if (user.expertId === null) return null;
  try {
    const found = await findExpertMessagerieDossier(services.db, user.expertId, page.avisId);
    return { author: expertAuthor({ ...who, expertId: user.expertId }, page.avisId), dossierId: found.dossier.id };
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}

export function messageUploads(services: AppServices, pages: RequestHandler): RequestHandler {
  return async (req, res, next) => {
    const page = req.method === "POST" && isMultipart(req) ? messagePageOf(req.path) : null;
    if (!page) return next();
    const locale = requestLocale(req);
    const fields = new URLSearchParams();
    const errors: string[] = [];
    const auth: Promise<RequestAuth> = readRequestAuth(services, req);
    const accepted = {
      formats: formatsOfFamilies(undefined),
      maxBytes: Math.min(MESSAGE_FILE_MAX_BYTES, services.config.uploadMaxBytes),
    };
    let csrf: boolean | null = null;
    let stored = 0;
    let target: ReturnType<typeof targetOf> | null = null;

    try {
      await readMultipart(
        req,
        { fields: 100, fieldBytes: services.config.maxFormBytes, files: MESSAGE_MAX_FILES + 1, fileBytes: accepted.maxBytes + 1 },
        {
          async field(name, value) {
            csrf ??= name === CSRF_FIELD && (await auth).isValidCsrf(value);
            if (name !== MESSAGE_FILE_ERRORS_FIELD) fields.append(name, value);
          },
          async file(name, stream, filename) {
            csrf ??= false;
            if (filename === "" || !csrf || name !== MESSAGE_FILE_INPUT) return void stream.resume();
            target ??= auth.then(({ user }) => targetOf(services, page, user));
            const found = await target;
            if (!found) return void stream.resume();
            const { author, dossierId } = found;
            const context = { libelle: translate(locale, "messagerie.form.files"), filename, accepted, locale };
            if (stored >= MESSAGE_MAX_FILES) {
              stream.resume();
              errors.push(translate(locale, "messagerie.errors.too_many_files", { max: MESSAGE_MAX_FILES }));
              return;
            }
            const result = await storeChecked(storageFor(services.config), stream, context, async (file) => {
              try {
                const added = await addMessageFile(services.db, author, {
                  dossierId,
                  file: {
                    storageKey: file.key,
                    filename,
                    contentType: file.contentType,
                    byteSize: file.byteSize,
                    checksum: file.checksum,
                  },
                });
                return added.ok ? { ok: true, value: added.id } : { ok: false, status: 404 };
              } catch (error) {
                if (error instanceof NotFoundError) return { ok: false, status: 404 };
                throw error;
              }
            });
            if (result.ok) {
              stored += 1;
              fields.append(MESSAGE_FILES_FIELD, result.value);
            } else if ("error" in result) errors.push(failureMessage(result, locale));
          },
        },
      );
    } catch (error) {
      if (!(error instanceof MultipartError)) return next(error);
      const key = error.status === 413 ? "fichiers.errors.formTooLarge" : "fichiers.errors.badRequest";
      return res.status(error.status).type("text/plain").send(translate(locale, key));
    }
    if (errors.length > 0) fields.append(MESSAGE_FILE_ERRORS_FIELD, JSON.stringify(errors));
    pages(requestWithBody(req as Request, Buffer.from(fields.toString()), "application/x-www-form-urlencoded"), res, next);
  };
}
