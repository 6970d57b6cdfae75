/**
 * /preremplir/<path>: what an integrator needs to prefill dossiers of a démarche (published, or in
 * test): each field's prefill key, type, accepted values and example, an example link (with the
 * length warning of the reference above 2,000 characters), API calls and the JSON schema's address.
 * The examples cover the fields chosen with the page's GET form (all prefillable ones at first).
 */
import type { RouterContextProvider } from "react-router";
import type { JsonValue } from "../../../server/domain/champs/definition";
import {
  describePrefillFields,
  examplePrefillParams,
  type PrefillFieldDoc,
  prefillQueryString,
} from "../../../server/domain/prefill/formats";
import { loadRevisionForm } from "../../../server/db/revisions";
import { toGlobalId } from "../../../server/graphql/ids";
import { findDemarcheByPath } from "../../../server/lookups/demarche-by-path";
import type { TranslationKey } from "../../../common/i18n";
import frPrefill from "../../../common/i18n/locales/fr/prefill";
import { notFound, requestState, services, tFor } from "../../lib/request.server";
import { commencerPath } from "../usager/commencer-paths";
import { IDENTITY_KEY } from "./preremplir-form";

/** Browsers and mail programs may cut longer links (the reference warns from this length). */
export const PREFILL_LINK_MAX_LENGTH = 2000;

type Args = { params: { path?: string }; context: Readonly<RouterContextProvider>; request: Request };

export interface PrefillFieldRow {
  stableId: number;
  libelle: string;
  typeLabel: string;
  key: string;
  prefillable: boolean;
  format: string;
  choices: string[] | null;
  otherAccepted: boolean;
  example: string | null;
  included: boolean;
  children: PrefillFieldRow[];
}

function exampleText(example: JsonValue | null): string | null {
  if (example === null) return null;
  return typeof example === "string" ? example : JSON.stringify(example);
}

/** Text for the shell: the JSON goes inside single quotes. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

export async function loadPreremplir({ params, context, request }: Args) {
  const { db, config } = services(context);
  const { locale } = requestState(context);
  const t = tFor(context);
  const demarche = await findDemarcheByPath(db, params.path ?? "");
  if (!demarche?.path || (demarche.state !== "publiee" && demarche.state !== "brouillon")) notFound();
  const test = demarche.state === "brouillon";
  const revisionId = demarche.publishedRevisionId ?? demarche.draftRevisionId;
  const tree = revisionId ? await loadRevisionForm(db, revisionId) : [];
  const docs = describePrefillFields(tree, locale);

  // The GET form sends `examples=1` and the ticked fields; the first visit includes every field.
  const search = new URL(request.url).searchParams;
  const submitted = search.has("examples");
  const ticked = new Set(search.getAll("champ"));
  const chosen = new Set(
    docs.filter((d) => d.prefillable && (!submitted || ticked.has(String(d.stableId)))).map((d) => d.stableId),
  );
  const identityIncluded = demarche.forIndividual && (!submitted || ticked.has(IDENTITY_KEY));

  const typeLabel = (type: string) => {
    const label = t(`champs.types.${type}` as TranslationKey);
    return label === `champs.types.${type}` ? type : label;
  };
  const formatOf = (doc: PrefillFieldDoc) => {
    if (!doc.prefillable) return t("prefill.formats.notPrefillable");
    return doc.type in frPrefill.formats
      ? t(`prefill.formats.${doc.type as keyof typeof frPrefill.formats}`)
      : t("prefill.formats.other");
  };
  const row = (doc: PrefillFieldDoc): PrefillFieldRow => ({
    stableId: doc.stableId,
    libelle: doc.libelle,
    typeLabel: typeLabel(doc.type),
    key: doc.key,
    prefillable: doc.prefillable,
    format: formatOf(doc),
    choices: doc.choices,
    otherAccepted: doc.otherAccepted,
    example: exampleText(doc.example),
    included: chosen.has(doc.stableId),
    children: doc.children.map(row),
  });

  const identity = identityIncluded
    ? { identite_prenom: t("prefill.examples.prenom"), identite_nom: t("prefill.examples.nom"), identite_genre: "M." }
    : null;
  const exampleParams = examplePrefillParams(docs, chosen, identity);
  const query = prefillQueryString(exampleParams);
  const link = `${config.appUrl}${commencerPath(demarche.path, test)}${query === "" ? "" : `?${query}`}`;
  const body = JSON.stringify(exampleParams, null, 2);
  const apiUrl = `${config.appUrl}/api/public/v1/demarches/${demarche.id}/dossiers`;
  const token = t("prefill.page.exampleToken");
  const exampleNumber = 123;
  const response = {
    dossier_url: `${config.appUrl}${commencerPath(demarche.path, test)}?prefill_token=${token}`,
    state: "prefilled",
    dossier_id: toGlobalId("Dossier", exampleNumber),
    dossier_number: exampleNumber,
    dossier_prefill_token: token,
  };

  return {
    libelle: demarche.libelle,
    test,
    forIndividual: demarche.forIndividual,
    identityIncluded,
    fields: docs.map(row),
    link,
    linkLength: link.length,
    linkTooLong: link.length > PREFILL_LINK_MAX_LENGTH,
    curl: `curl --request POST ${shellQuote(apiUrl)} \\\n  --header 'Content-Type: application/json' \\\n  --data ${shellQuote(body)}`,
    response: JSON.stringify(response, null, 2),
    statusCurl: `curl ${shellQuote(`${apiUrl}?prefill_token=${token}1,${token}2`)}`,
    schemaUrl: `${config.appUrl}/preremplir/${encodeURIComponent(demarche.path)}/schema`,
  };
}

export type PreremplirData = Awaited<ReturnType<typeof loadPreremplir>>;
