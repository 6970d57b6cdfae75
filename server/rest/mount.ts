import type { RequestHandler } from "express";
import type { AppServices } from "../http/context";
import { DIRECT_UPLOAD_PATH } from "../http/uploads/direct-upload-url";
import { createDirectUploadRouter } from "../http/uploads/direct-upload";
import { createApiV1Router } from "./api-v1";
import { createDemarcheStatsRouter } from "./demarche-stats";
import { createGeoSearchRouter } from "./geo-search";
import { createPrefillDossiersRouter } from "./prefill-dossiers";
import { createPrefillSchemaRouter } from "./prefill-schema";

/**
 * Mount points of the public REST endpoints: the prefill API under /api/public/v1 and the JSON
 * schema of /preremplir/<path>/schema (the page /preremplir/<path> itself is a React Router page:
 * requests this router does not answer go on to it).
 */
export function createRestMounts(services: AppServices): Array<{ path: string; handler: RequestHandler }> {
  return [
    { path: "/api/public/v1", handler: createPrefillDossiersRouter(services) },
    // Statistics of opendata démarches (the reference's stats endpoint).
    { path: "/api/public/v1", handler: createDemarcheStatsRouter(services) },
    { path: "/preremplir", handler: createPrefillSchemaRouter(services) },
    // Autocomplete of the geographic fields (communes, EPCI, addresses).
    { path: "/api/geo", handler: createGeoSearchRouter(services) },
    // The reference's legacy API v1 (procedures and dossiers, read-only).
    { path: "/api/v1", handler: createApiV1Router(services) },
    // Second step of the API's createDirectUpload: the file's bytes (PUT).
    { path: DIRECT_UPLOAD_PATH, handler: createDirectUploadRouter(services) },
  ];
}
