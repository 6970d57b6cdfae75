/**
 * Development: `guichet start` runs the local API Entreprise server (api-entreprise-server.ts) in
 * process and points the adapter at it; the variables go into this process's environment too, which
 * the cluster's web workers inherit (they do not start their own).
 */
import type { ApiEntrepriseSettings } from "../integrations/api-entreprise/client";
import { DEMO_SIRETS, startApiEntrepriseServer } from "./api-entreprise-server";

const LOCAL_RECIPIENT = "13002526500013";

export async function startLocalApiEntreprise(): Promise<{
  settings: ApiEntrepriseSettings;
  description: string;
  stop(): Promise<void>;
}> {
  const server = await startApiEntrepriseServer();
  const settings = { url: server.url, token: server.token, recipient: LOCAL_RECIPIENT, timeoutMs: 5000 };
  process.env.API_ENTREPRISE_URL = settings.url;
  process.env.API_ENTREPRISE_TOKEN = settings.token;
  process.env.API_ENTREPRISE_RECIPIENT = settings.recipient;
  process.env.API_ENTREPRISE_LOCAL_SERVER = "false";
  const description = [
    `  API Entreprise local (développement) : ${server.url} — SIRET de démonstration :`,
    `    ${DEMO_SIRETS.administration}  administration (DINUM)`,
    `    ${DEMO_SIRETS.entreprise}  entreprise (SAS)`,
    `    ${DEMO_SIRETS.association}  association (RNA), établissement secondaire`,
    `    ${DEMO_SIRETS.ferme}  établissement fermé (refusé)`,
    `    ${DEMO_SIRETS.flaky}  API indisponible au premier appel : mode dégradé, puis données récupérées par le job`,
    "",
  ].join("\n");
  return { settings, description, stop: () => server.stop() };
}
