import { useEffect, useState } from "react";

/**
 * False during server rendering and the first client render, true once the page is interactive:
 * lets a page swap a no-JavaScript control for a richer one without a hydration mismatch.
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
