import { useEffect, useState } from "react";

/** Name of the hidden field that marks a submission made by the enhanced (hydrated) page. */
export const ENHANCED_FIELD = "_js";

/** False during server rendering and the first client render, true once React has hydrated. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** Rendered in forms submitted through fetchers: tells the action to answer with data, not a redirect. */
export function EnhancedMarker() {
  return useHydrated() ? <input type="hidden" name={ENHANCED_FIELD} value="1" /> : null;
}
