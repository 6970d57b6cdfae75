/**
 * A local server speaking API Entreprise's documented protocol (v3/v4, https://entreprise.api.gouv.fr),
 * for development and tests: `Authorization: Bearer <token>`, the mandatory `context`, `recipient`
 * (a SIRET) and `object` query parameters, answers `{ data, links, meta }`, errors
 * `{ errors: [{ code, title, detail }] }` (401 bad token, 404 unknown entity, 422 bad parameters).
 * Endpoints served:
 *   GET /v3/insee/sirene/etablissements/:siret
 *   GET /v3/insee/sirene/unites_legales/:siren
 *   GET /v3/insee/sirene/unites_legales/:siren/siege_social
 *   GET /v3/european_commission/unites_legales/:siren/numero_tva
 *   GET /v4/djepva/api-association/associations/:siret_or_rna
 *
 * Demo SIRETs: `DEMO_SIRETS` below (an administration, a company, an association, a closed
 * établissement, one that fails once then answers). `setMode("error")` makes every call answer
 * 500, `setMode("hang")` never answer (until stop): the adapter's timeouts and the degraded mode
 * are tested against that. `POST /__guichet/mode` with `mode=ok|error|hang` does the same over HTTP
 * (only here, for browser journeys). Started by `guichet start` in development (in process: it is
 * small), by tests on a random port, or by hand: `node --import tsx server/dev/api-entreprise-server.ts`.
 * Never in production (config.ts refuses it).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";

export type ApiEntrepriseMode = "ok" | "error" | "hang";

interface DemoEtablissement {
  siret: string;
  siege: boolean;
  ferme: boolean;
  enseigne: string | null;
  naf: { code: string; libelle: string };
  adresse: {
    numero_voie: string | null;
    type_voie: string | null;
    libelle_voie: string | null;
    complement_adresse: string | null;
    code_postal: string;
    libelle_commune: string;
    code_commune: string;
  };
  dateCreation: number;
}

interface DemoUniteLegale {
  siren: string;
  raisonSociale: string;
  sigle: string | null;
  formeJuridique: { code: string; libelle: string };
  tranche: { code: string; intitule: string; de: number; a: number };
  rna: string | null;
  tva: string | null;
  dateCreation: number;
  etablissements: DemoEtablissement[];
  association?: { titre: string; objet: string; date_creation: string; date_declaration: string; date_publication: string };
}

const SEGUR = {
  numero_voie: "20",
  type_voie: "AV",
  libelle_voie: "DE SEGUR",
  complement_adresse: null,
  code_postal: "75007",
  libelle_commune: "PARIS 7",
  code_commune: "75107",
};

const UNITES: DemoUniteLegale[] = [
  {
    siren: "130025265",
    raisonSociale: "DIRECTION INTERMINISTERIELLE DU NUMERIQUE",
    sigle: "DINUM",
    formeJuridique: { code: "7120", libelle: "Service central d'un ministère" },
    tranche: { code: "22", intitule: "100 à 199 salariés", de: 100, a: 199 },
    rna: null,
    tva: "FR32130025265",
    dateCreation: 1500000000,
    etablissements: [
      {
        siret: "13002526500013",
        siege: true,
        ferme: false,
        enseigne: null,
        naf: { code: "84.11Z", libelle: "Administration publique générale" },
        adresse: SEGUR,
        dateCreation: 1500000000,
      },
    ],
  },
  {
    siren: "418166096",
    raisonSociale: "OCTO TECHNOLOGY",
    sigle: null,
    formeJuridique: { code: "5710", libelle: "SAS, société par actions simplifiée" },
    tranche: { code: "41", intitule: "500 à 999 salariés", de: 500, a: 999 },
    rna: null,
    tva: "FR56418166096",
    dateCreation: 883612800,
    etablissements: [
      {
        siret: "41816609600069",
        siege: true,
        ferme: false,
        enseigne: "OCTO",
        naf: { code: "62.02A", libelle: "Conseil en systèmes et logiciels informatiques" },
        adresse: {
          numero_voie: "34",
          type_voie: "AV",
          libelle_voie: "DE L'OPERA",
          complement_adresse: null,
          code_postal: "75002",
          libelle_commune: "PARIS 2",
          code_commune: "75102",
        },
        dateCreation: 1262304000,
      },
    ],
  },
  {
    siren: "784671695",
    raisonSociale: "ASSOCIATION DES AMIS DU GUICHET",
    sigle: "AAG",
    formeJuridique: { code: "9220", libelle: "Association déclarée" },
    tranche: { code: "03", intitule: "6 à 9 salariés", de: 6, a: 9 },
    rna: "W751234567",
    tva: null,
    dateCreation: 946684800,
    etablissements: [
      {
        siret: "78467169500087",
        siege: false,
        ferme: false,
        enseigne: "ANTENNE DE LYON",
        naf: { code: "94.99Z", libelle: "Autres organisations fonctionnant par adhésion volontaire" },
        adresse: {
          numero_voie: "12",
          type_voie: "RUE",
          libelle_voie: "DE LA REPUBLIQUE",
          complement_adresse: "BATIMENT B",
          code_postal: "69002",
          libelle_commune: "LYON 2E ARRONDISSEMENT",
          code_commune: "69382",
        },
        dateCreation: 1262304000,
      },
      {
        siret: "78467169500012",
        siege: true,
        ferme: false,
        enseigne: null,
        naf: { code: "94.99Z", libelle: "Autres organisations fonctionnant par adhésion volontaire" },
        adresse: {
          numero_voie: "5",
          type_voie: "RUE",
          libelle_voie: "DES ARCHIVES",
          complement_adresse: null,
          code_postal: "75004",
          libelle_commune: "PARIS 4",
          code_commune: "75104",
        },
        dateCreation: 946684800,
      },
    ],
    association: {
      titre: "ASSOCIATION DES AMIS DU GUICHET",
      objet: "Promouvoir les démarches en ligne accessibles à tous",
      date_creation: "2000-01-01",
      date_declaration: "2019-06-12",
      date_publication: "2000-01-15",
    },
  },
  {
    siren: "123456789",
    raisonSociale: "ANCIENNE BOULANGERIE DUPONT",
    sigle: null,
    formeJuridique: { code: "5499", libelle: "Société à responsabilité limitée (sans autre indication)" },
    tranche: { code: "00", intitule: "0 salarié", de: 0, a: 0 },
    rna: null,
    tva: null,
    dateCreation: 946684800,
    etablissements: [
      {
        siret: "12345678900015",
        siege: true,
        ferme: true,
        enseigne: null,
        naf: { code: "10.71C", libelle: "Boulangerie et boulangerie-pâtisserie" },
        adresse: {
          numero_voie: "3",
          type_voie: "PL",
          libelle_voie: "DU MARCHE",
          complement_adresse: null,
          code_postal: "35000",
          libelle_commune: "RENNES",
          code_commune: "35238",
        },
        dateCreation: 946684800,
      },
    ],
  },
  {
    siren: "778071056",
    raisonSociale: "COOPERATIVE DES TESTS LENTS",
    sigle: null,
    formeJuridique: { code: "5560", libelle: "SA coopérative de production" },
    tranche: { code: "11", intitule: "10 à 19 salariés", de: 10, a: 19 },
    rna: null,
    tva: "FR12778071056",
    dateCreation: 1104537600,
    etablissements: [
      {
        siret: "77807105600015",
        siege: true,
        ferme: false,
        enseigne: null,
        naf: { code: "71.20B", libelle: "Analyses, essais et inspections techniques" },
        adresse: {
          numero_voie: "8",
          type_voie: "BD",
          libelle_voie: "DE LA LIBERTE",
          complement_adresse: null,
          code_postal: "59000",
          libelle_commune: "LILLE",
          code_commune: "59350",
        },
        dateCreation: 1104537600,
      },
    ],
  },
];

/** The demo SIRETs, for the start banner, the seed and the tests. */
export const DEMO_SIRETS = {
  administration: "13002526500013",
  entreprise: "41816609600069",
  association: "78467169500087",
  ferme: "12345678900015",
  /** Answers 503 the first time it is asked (per server), then normally: the degraded mode, then the data. */
  flaky: "77807105600015",
} as const;

export interface ApiEntrepriseServer {
  url: string;
  token: string;
  setMode(mode: ApiEntrepriseMode): void;
  /** How many requests reached the server (any path): tests check a call was or was not made. */
  requestCount(): number;
  stop(): Promise<void>;
}

function findEtablissement(siret: string): { unite: DemoUniteLegale; etablissement: DemoEtablissement } | null {
  for (const unite of UNITES) {
    const etablissement = unite.etablissements.find((e) => e.siret === siret);
    if (etablissement) return { unite, etablissement };
  }
  return null;
}

function uniteLegalePayload(u: DemoUniteLegale) {
  const siege = u.etablissements.find((e) => e.siege) ?? u.etablissements[0];
  return {
    siren: u.siren,
    rna: u.rna,
    siret_siege_social: siege?.siret ?? null,
    type: "personne_morale",
    personne_morale_attributs: { raison_sociale: u.raisonSociale, sigle: u.sigle },
    personne_physique_attributs: { pseudonyme: null, prenom_usuel: null, prenom_1: null, nom_naissance: null, nom_usage: null },
    categorie_entreprise: "PME",
    status_diffusion: "diffusible",
    diffusable_commercialement: true,
    forme_juridique: u.formeJuridique,
    activite_principale: siege ? { code: siege.naf.code, libelle: siege.naf.libelle, nomenclature: "NAFRev2" } : null,
    tranche_effectif_salarie: { ...u.tranche, date_reference: "2023" },
    etat_administratif: u.etablissements.every((e) => e.ferme) ? "C" : "A",
    economie_sociale_et_solidaire: u.rna !== null,
    date_creation: u.dateCreation,
    date_cessation: null,
  };
}

function etablissementPayload(unite: DemoUniteLegale, e: DemoEtablissement) {
  return {
    siret: e.siret,
    siege_social: e.siege,
    etat_administratif: e.ferme ? "F" : "A",
    date_fermeture: e.ferme ? 1672531200 : null,
    enseigne: e.enseigne,
    activite_principale: { code: e.naf.code, libelle: e.naf.libelle, nomenclature: "NAFRev2" },
    tranche_effectif_salarie: { ...unite.tranche, date_reference: "2023" },
    status_diffusion: "diffusible",
    diffusable_commercialement: true,
    date_creation: e.dateCreation,
    unite_legale: uniteLegalePayload(unite),
    adresse: {
      status_diffusion: "diffusible",
      ...e.adresse,
      indice_repetition_voie: null,
      distribution_speciale: null,
      code_cedex: null,
      libelle_cedex: null,
      libelle_commune_etranger: null,
      code_pays_etranger: null,
      libelle_pays_etranger: null,
      acheminement_postal: {
        l1: unite.raisonSociale,
        l4: [e.adresse.numero_voie, e.adresse.type_voie, e.adresse.libelle_voie].filter(Boolean).join(" "),
        l6: `${e.adresse.code_postal} ${e.adresse.libelle_commune}`,
        l7: "FRANCE",
      },
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function error(res: ServerResponse, status: number, code: string, title: string, detail: string) {
  send(res, status, { errors: [{ code, title, detail, meta: {} }] });
}

/** Starts the server on `host:port` (port 0: a free one). */
export async function startApiEntrepriseServer(
  options: { port?: number; host?: string; token?: string; mode?: ApiEntrepriseMode } = {},
): Promise<ApiEntrepriseServer> {
  const token = options.token ?? "local-api-entreprise-token";
  let mode: ApiEntrepriseMode = options.mode ?? "ok";
  let requests = 0;
  const flakyServed = new Set<string>();
  const hanging = new Set<ServerResponse>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    requests += 1;
    const url = new URL(req.url ?? "/", "http://local");
    if (req.method === "POST" && url.pathname === "/__guichet/mode") {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const wanted = new URLSearchParams(Buffer.concat(chunks).toString("utf8")).get("mode");
      if (wanted !== "ok" && wanted !== "error" && wanted !== "hang") return error(res, 422, "00000", "Mode", "ok|error|hang");
      mode = wanted;
      return send(res, 200, { mode });
    }
    if (req.method !== "GET") return error(res, 405, "00000", "Méthode non autorisée", "GET only");
    if (mode === "hang") {
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
      return;
    }
    if (mode === "error") return error(res, 500, "00500", "Erreur interne", "Erreur de fournisseur (local)");
    if (req.headers.authorization !== `Bearer ${token}`) {
      return error(res, 401, "00101", "Interdit", "Votre token n'est pas valide ou n'est pas renseigné");
    }
    for (const param of ["context", "recipient", "object"]) {
      if (!url.searchParams.get(param)) {
        return error(res, 422, "00208", "Paramètre manquant", `Le paramètre '${param}' est obligatoire`);
      }
    }
    if (!/^\d{14}$/.test(url.searchParams.get("recipient") ?? "")) {
      return error(res, 422, "00210", "Paramètre invalide", "Le paramètre recipient doit être un numéro de SIRET valide");
    }
    const links = {};
    const meta = { date_derniere_mise_a_jour: 1700000000 };
    let match = url.pathname.match(/^\/v3\/insee\/sirene\/etablissements\/(\d{14})$/);
    if (match) {
      const siret = match[1] as string;
      if (siret === DEMO_SIRETS.flaky && !flakyServed.has(siret)) {
        flakyServed.add(siret);
        return error(res, 503, "27501", "Service indisponible", "Le fournisseur INSEE est temporairement indisponible");
      }
      const found = findEtablissement(siret);
      if (!found) return error(res, 404, "27003", "Entité non trouvée", "Le SIRET n'existe pas dans le répertoire Sirene");
      return send(res, 200, { data: etablissementPayload(found.unite, found.etablissement), links, meta });
    }
    match = url.pathname.match(/^\/v3\/insee\/sirene\/unites_legales\/(\d{9})(\/siege_social)?$/);
    if (match) {
      const unite = UNITES.find((u) => u.siren === match?.[1]);
      if (!unite) return error(res, 404, "27003", "Entité non trouvée", "Le SIREN n'existe pas dans le répertoire Sirene");
      if (match[2]) {
        const siege = unite.etablissements.find((e) => e.siege) ?? unite.etablissements[0];
        return send(res, 200, { data: siege ? etablissementPayload(unite, siege) : null, links, meta });
      }
      return send(res, 200, { data: uniteLegalePayload(unite), links, meta });
    }
    match = url.pathname.match(/^\/v3\/european_commission\/unites_legales\/(\d{9})\/numero_tva$/);
    if (match) {
      const unite = UNITES.find((u) => u.siren === match?.[1]);
      if (!unite?.tva) return error(res, 404, "14003", "Entité non trouvée", "Aucun numéro de TVA pour ce SIREN");
      return send(res, 200, { data: { tva_number: unite.tva }, links, meta });
    }
    match = url.pathname.match(/^\/v4\/djepva\/api-association\/associations\/([0-9A-Z]+)$/);
    if (match) {
      const key = match[1] as string;
      const unite = UNITES.find(
        (u) => u.association && (u.rna === key || u.siren === key || u.etablissements.some((e) => e.siret === key)),
      );
      if (!unite?.association || !unite.rna) return error(res, 404, "24003", "Entité non trouvée", "Association inconnue");
      return send(res, 200, {
        data: {
          rna: unite.rna,
          siren: unite.siren,
          nom: unite.association.titre,
          objet: unite.association.objet,
          date_creation: unite.association.date_creation,
          date_declaration: unite.association.date_declaration,
          date_publication_journal_officiel: unite.association.date_publication,
          etat: true,
        },
        links,
        meta,
      });
    }
    return error(res, 404, "00404", "Route inconnue", url.pathname);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => error(res, 500, "00500", "Erreur interne", "local"));
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    token,
    setMode(next) {
      mode = next;
    },
    requestCount: () => requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// Started by hand: `node --import tsx server/dev/api-entreprise-server.ts` (API_ENTREPRISE_PORT, API_ENTREPRISE_TOKEN).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = await startApiEntrepriseServer({
    port: Number(process.env.API_ENTREPRISE_PORT ?? 4020),
    token: process.env.API_ENTREPRISE_TOKEN,
  });
  console.log(`API Entreprise (local) at ${started.url}, token ${started.token}`);
}
