/** In the browser bundle in place of dictionaries.ts: no translations built in (they come with the page). */
export const dictionaries: Record<string, Record<string, unknown>> | null = null;
