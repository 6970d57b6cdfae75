/**
 * Global ids of the reference platform: standard base64 (with padding) of `<Type>-<id>`, e.g.
 * `Dossier-12` → `RG9zc2llci0xMg==`. The API v2 serves them, and field ids built on them
 * (`form/champ-id.ts`) also name prefill parameters. Pure functions, no I/O.
 */

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes standard base64, with or without padding; null when the text is not base64 of UTF-8. */
function decodeBase64(text: string): string | null {
  if (text === "" || !BASE64.test(text)) return null;
  const unpadded = text.replace(/=+$/, "");
  if (unpadded.length % 4 === 1) return null;
  const decoded = Buffer.from(unpadded, "base64").toString("utf8");
  // Reject anything that does not survive a round trip (stray bits, invalid UTF-8).
  if (Buffer.from(decoded, "utf8").toString("base64").replace(/=+$/, "") !== unpadded) return null;
  return decoded;
}

/** `toGlobalId("Dossier", 12)` → base64 of `Dossier-12`, with padding. */
export function toGlobalId(type: string, id: number | string): string {
  return Buffer.from(`${type}-${id}`, "utf8").toString("base64");
}

/** The type and id of a global id; null when it is not one (never throws). */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  const decoded = decodeBase64(globalId);
  if (decoded === null) return null;
  const dash = decoded.indexOf("-");
  if (dash <= 0 || dash === decoded.length - 1) return null;
  const type = decoded.slice(0, dash);
  if (!/^[A-Za-z][A-Za-z0-9]*$/.test(type)) return null;
  return { type, id: decoded.slice(dash + 1) };
}
