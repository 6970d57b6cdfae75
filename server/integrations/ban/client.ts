/**
 * Adapter of the national address base search (BAN, `GET <url>/search/?q=…&limit=…`, answering a
 * GeoJSON FeatureCollection; https://adresse.data.gouv.fr/outils/api-doc/adresse). Configured by
 * BAN_URL (empty disables it). The service is outside our control, so every call has a short
 * timeout and any failure is reported as `unavailable` — never thrown — for the form to switch to
 * the manual address mode. Features that do not have the documented shape are skipped.
 */
import { z } from "zod";
import { ADDRESS_TYPES, type AddressRecord, type AddressSearch } from "../../domain/geo/reference-data";
import { departementByCode } from "../../domain/geo/territories";

export interface BanClientOptions {
  /** Base URL (`https://api-adresse.data.gouv.fr`), or null when no address service is configured. */
  url: string | null;
  timeoutMs: number;
  /** Told about failures (the form degrades gracefully; operators still want to know). */
  onFailure?: (reason: string) => void;
}

/** The BAN refuses queries shorter than 3 or longer than 200 characters. */
export const BAN_QUERY_MIN = 3;
export const BAN_QUERY_MAX = 200;
export const BAN_MAX_LIMIT = 20;

const propertiesSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  type: z.enum(ADDRESS_TYPES),
  name: z.string().min(1),
  housenumber: z.string().optional(),
  street: z.string().optional(),
  postcode: z.string().regex(/^\d{5}$/),
  citycode: z.string().regex(/^(\d{5}|2[AB]\d{3})$/),
  city: z.string().min(1),
  /** « 75, Paris, Île-de-France »: the département code comes first. */
  context: z.string().min(1),
});

const featureSchema = z.object({
  type: z.literal("Feature"),
  geometry: z
    .object({ type: z.literal("Point"), coordinates: z.tuple([z.number(), z.number()]) })
    .nullable()
    .optional(),
  properties: propertiesSchema,
});

const collectionSchema = z.object({
  type: z.literal("FeatureCollection"),
  features: z.array(z.unknown()),
});

function addressOf(feature: z.infer<typeof featureSchema>): AddressRecord | null {
  const p = feature.properties;
  const departementCode = p.context.split(",")[0]?.trim() ?? "";
  const departement = departementByCode(departementCode);
  if (!departement) return null;
  const coordinates = feature.geometry?.coordinates;
  return {
    banId: p.id,
    label: p.label,
    type: p.type,
    streetAddress: p.name,
    streetNumber: p.housenumber ?? null,
    streetName: p.street ?? (p.type === "street" ? p.name : null),
    postalCode: p.postcode,
    cityCode: p.citycode,
    cityName: p.city,
    departementCode: departement.code,
    regionCode: departement.regionCode,
    coordinates: coordinates ? [coordinates[0], coordinates[1]] : null,
  };
}

/** Parses a BAN answer; features of another shape are left out. */
export function parseBanResponse(body: unknown): AddressRecord[] | null {
  const collection = collectionSchema.safeParse(body);
  if (!collection.success) return null;
  const addresses: AddressRecord[] = [];
  for (const raw of collection.data.features) {
    const feature = featureSchema.safeParse(raw);
    if (!feature.success) continue;
    const address = addressOf(feature.data);
    if (address) addresses.push(address);
  }
  return addresses;
}

export interface BanClient {
  search(query: string, limit: number): Promise<AddressSearch>;
}

export function createBanClient(options: BanClientOptions): BanClient {
  const base = options.url?.replace(/\/+$/, "") ?? null;
  return {
    async search(query, limit) {
      if (base === null) return { ok: false, reason: "disabled" };
      const q = query.trim().replace(/\s+/g, " ");
      if (q.length < BAN_QUERY_MIN) return { ok: true, addresses: [] };
      const url = new URL(`${base}/search/`);
      url.searchParams.set("q", q.slice(0, BAN_QUERY_MAX));
      url.searchParams.set("limit", String(Math.min(Math.max(1, Math.floor(limit)), BAN_MAX_LIMIT)));
      try {
        const response = await fetch(url, {
          headers: { accept: "application/json" },
          signal: AbortSignal.timeout(options.timeoutMs),
          redirect: "error",
        });
        // 400: the BAN judged the query unusable (too short once cleaned…): nothing found, not an outage.
        if (response.status === 400) {
          await response.body?.cancel();
          return { ok: true, addresses: [] };
        }
        if (!response.ok) {
          await response.body?.cancel();
          options.onFailure?.(`HTTP ${response.status}`);
          return { ok: false, reason: "unavailable" };
        }
        const addresses = parseBanResponse(await response.json());
        if (addresses === null) {
          options.onFailure?.("unexpected response shape");
          return { ok: false, reason: "unavailable" };
        }
        return { ok: true, addresses };
      } catch (error) {
        options.onFailure?.(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        return { ok: false, reason: "unavailable" };
      }
    },
  };
}
