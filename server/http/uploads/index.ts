/**
 * Everything about files over HTTP, mounted before the pages (server/http/app.ts): the JSON
 * endpoints of the file fields, the no-JavaScript dossier form, the messagerie's message forms, the
 * editor's model files, and downloads. `pages` is React Router's handler, to which the dossier form is handed on.
 */
import { type RequestHandler, Router } from "express";
import type { AppServices } from "../context";
import { avisFormUploads } from "./avis-form-uploads";
import { batchFormUploads } from "./batch-form-uploads";
import { dossierFileEndpoints } from "./dossier-file-endpoints";
import { dossierFormUploads } from "./dossier-form-uploads";
import { demarcheFileHandler } from "./demarche-files";
import { downloadHandler } from "./download";
import { archiveDownloadHandler } from "./archive-download";
import { exportDownloadHandler } from "./export-download";
import { messageUploads } from "./message-uploads";
import { templateEndpoints } from "./template-endpoints";

export function fileRoutes(services: AppServices, options: { pages: RequestHandler }): Router {
  const router = Router();
  router.use(dossierFormUploads(services, options.pages));
  router.use(avisFormUploads(services, options.pages));
  router.use(messageUploads(services, options.pages));
  router.use(batchFormUploads(services, options.pages));
  router.use(dossierFileEndpoints(services));
  router.use(templateEndpoints(services, options.pages));
  const download = downloadHandler(services);
  router.get("/pieces-jointes/:id", download);
  router.head("/pieces-jointes/:id", download);
  const demarcheFile = demarcheFileHandler(services);
  router.get("/demarches/:id/:kind", demarcheFile);
  router.head("/demarches/:id/:kind", demarcheFile);
  const exportDownload = exportDownloadHandler(services);
  router.get("/procedures/:id/exports/:exportId/fichier", exportDownload);
  router.head("/procedures/:id/exports/:exportId/fichier", exportDownload);
  const archiveDownload = archiveDownloadHandler(services, "administrateur");
  router.get("/admin/procedures/:id/archives/:archiveId/fichier", archiveDownload);
  router.head("/admin/procedures/:id/archives/:archiveId/fichier", archiveDownload);
  const instructeurArchiveDownload = archiveDownloadHandler(services, "instructeur");
  router.get("/procedures/:id/archives/:archiveId/fichier", instructeurArchiveDownload);
  router.head("/procedures/:id/archives/:archiveId/fichier", instructeurArchiveDownload);
  return router;
}
