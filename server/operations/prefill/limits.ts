/**
 * Rate limits of prefill, per IP address: creating a prefilled dossier (prefill link or API) writes
 * rows for an anonymous caller; reading (API, schema) is cheaper. The reference meant 15 creations
 * per 15 seconds but its rule never matched its route, so integrators there create in bulk without
 * limit: the budget here is wide enough for batch imports spread over time (2 per second).
 */
import { rateLimitKey, type RateLimitRule } from "../../security/rate-limit";

export const PREFILL_CREATE_LIMIT = { limit: 120, windowSeconds: 60 } as const;
export const PREFILL_READ_LIMIT = { limit: 600, windowSeconds: 60 } as const;

export function prefillCreateRule(ip: string): RateLimitRule {
  return { key: rateLimitKey("prefill_create", "ip", ip), ...PREFILL_CREATE_LIMIT };
}

export function prefillReadRule(ip: string): RateLimitRule {
  return { key: rateLimitKey("prefill_read", "ip", ip), ...PREFILL_READ_LIMIT };
}
