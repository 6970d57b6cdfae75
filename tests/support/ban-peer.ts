/**
 * A small real HTTP server speaking the national address base's search protocol
 * (`GET /search/?q=…&limit=…` → GeoJSON FeatureCollection), answering from a few fixture addresses,
 * so that tests exercise our BAN adapter over HTTP without reaching the internet. Modes:
 * - "up": answers like the BAN (400 for a query under 3 characters);
 * - "error": HTTP 500; "timeout": never answers (the adapter must give up); "garbage": 200 with
 *   something that is not a FeatureCollection.
 *
 * Also runnable by hand for the browser tests: `node --import tsx tests/support/ban-peer.ts [port]`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import { searchKey } from "../../server/domain/geo/search-text";

export type BanPeerMode = "up" | "error" | "timeout" | "garbage";

interface FixtureAddress {
  id: string;
  label: string;
  type: "housenumber" | "street" | "locality" | "municipality";
  name: string;
  housenumber?: string;
  street?: string;
  postcode: string;
  citycode: string;
  city: string;
  context: string;
  coordinates: [number, number];
}

/** Real BAN entries (labels, ids and codes as the service gives them). */
export const BAN_FIXTURES: readonly FixtureAddress[] = [
  {
    id: "75107_8909_00020",
    label: "20 Avenue de Ségur 75007 Paris",
    type: "housenumber",
    name: "20 Avenue de Ségur",
    housenumber: "20",
    street: "Avenue de Ségur",
    postcode: "75007",
    citycode: "75107",
    city: "Paris",
    context: "75, Paris, Île-de-France",
    coordinates: [2.308628, 48.850699],
  },
  {
    id: "80021_6590_00008",
    label: "8 Boulevard du Port 80000 Amiens",
    type: "housenumber",
    name: "8 Boulevard du Port",
    housenumber: "8",
    street: "Boulevard du Port",
    postcode: "80000",
    citycode: "80021",
    city: "Amiens",
    context: "80, Somme, Hauts-de-France",
    coordinates: [2.290084, 49.897443],
  },
  {
    id: "80021_6590",
    label: "Boulevard du Port 80000 Amiens",
    type: "street",
    name: "Boulevard du Port",
    postcode: "80000",
    citycode: "80021",
    city: "Amiens",
    context: "80, Somme, Hauts-de-France",
    coordinates: [2.289409, 49.897868],
  },
  {
    id: "13201_4370_00008",
    label: "8 Boulevard du Port 13001 Marseille",
    type: "housenumber",
    name: "8 Boulevard du Port",
    housenumber: "8",
    street: "Boulevard du Port",
    postcode: "13001",
    citycode: "13201",
    city: "Marseille",
    context: "13, Bouches-du-Rhône, Provence-Alpes-Côte d'Azur",
    coordinates: [5.370926, 43.297836],
  },
  {
    id: "97411_0320_00012",
    label: "12 Rue de Paris 97400 Saint-Denis",
    type: "housenumber",
    name: "12 Rue de Paris",
    housenumber: "12",
    street: "Rue de Paris",
    postcode: "97400",
    citycode: "97411",
    city: "Saint-Denis",
    context: "974, La Réunion",
    coordinates: [55.451496, -20.87997],
  },
];

function feature(address: FixtureAddress, score: number) {
  const { coordinates, ...properties } = address;
  return {
    type: "Feature",
    geometry: { type: "Point", coordinates },
    properties: { ...properties, score, importance: 0.6, x: 0, y: 0 },
  };
}

const ABBREVIATIONS: Record<string, string> = { bd: "boulevard", av: "avenue", pl: "place" };

/** Every word of the query must start a word of the label (accents, case and « bd », « av » aside), as a loose BAN. */
function matches(address: FixtureAddress, query: string): boolean {
  const words = searchKey(address.label).split(" ");
  return (
    searchKey(query)
      .split(" ")
      .filter((word) => word !== "")
      .map((word) => ABBREVIATIONS[word] ?? word)
      // A number (house number, postal code) must be whole; words may be beginnings.
      .every((word) => words.some((w) => (/^\d+$/.test(word) ? w === word : w.startsWith(word))))
  );
}

export interface BanPeer {
  url: string;
  mode: BanPeerMode;
  /** Queries received, in order (the `q` parameter). */
  readonly queries: string[];
  stop(): Promise<void>;
}

function answer(req: IncomingMessage, res: ServerResponse, peer: BanPeer) {
  const url = new URL(req.url ?? "/", "http://ban.invalid");
  if (url.pathname !== "/search/" && url.pathname !== "/search") {
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ code: 404, message: "Not found" }));
    return;
  }
  const q = url.searchParams.get("q") ?? "";
  peer.queries.push(q);
  if (peer.mode === "timeout") return; // never answers; the socket is closed by stop()
  if (peer.mode === "error") {
    res.writeHead(500, { "content-type": "text/plain" }).end("Internal Server Error");
    return;
  }
  if (peer.mode === "garbage") {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ hello: "world" }));
    return;
  }
  if (q.trim().length < 3 || q.length > 200) {
    res
      .writeHead(400, { "content-type": "application/json" })
      .end(JSON.stringify({ code: 400, message: "q must contain between 3 and 200 chars and start with a number or a letter" }));
    return;
  }
  const limit = Math.min(Number(url.searchParams.get("limit") ?? 5) || 5, 20);
  const found = BAN_FIXTURES.filter((address) => matches(address, q)).slice(0, limit);
  res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(
    JSON.stringify({
      type: "FeatureCollection",
      version: "draft",
      features: found.map((address, i) => feature(address, 0.9 - i * 0.1)),
      attribution: "BAN",
      licence: "ETALAB-2.0",
      query: q,
      limit,
    }),
  );
}

export async function startBanPeer(mode: BanPeerMode = "up", port = 0): Promise<BanPeer> {
  const peer: BanPeer = { url: "", mode, queries: [], stop: async () => {} };
  const server: Server = createServer((req, res) => answer(req, res, peer));
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  peer.url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : port}`;
  peer.stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return peer;
}

// `node --import tsx tests/support/ban-peer.ts [port]`: a peer for manual or browser testing.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const peer = await startBanPeer("up", Number(process.argv[2] ?? 4010));
  console.log(`BAN peer listening on ${peer.url} (BAN_URL=${peer.url})`);
}
