/**
 * Saves through one fetcher, one request at a time and in order. Without it, a blur-save still in
 * flight could reach the server after a newer save (a checkbox, the "Enregistrer" button) and
 * overwrite it. While a save is in flight, only the latest payload is kept; it is sent as soon as
 * the one in flight has returned, so the last thing the administrateur did is what stays saved.
 */
import { useCallback, useRef } from "react";
import type { FetcherWithComponents } from "react-router";

export function useSerialSave(
  fetcher: Pick<FetcherWithComponents<unknown>, "submit">,
  options: { action?: string; onDrained?: () => void } = {},
) {
  const { action } = options;
  const submitRef = useRef(fetcher.submit);
  submitRef.current = fetcher.submit;
  const onDrainedRef = useRef(options.onDrained);
  onDrainedRef.current = options.onDrained;
  const inFlight = useRef(false);
  const pending = useRef<FormData | null>(null);

  return useCallback(
    async (payload: FormData | HTMLFormElement) => {
      // Read the form now: what counts is what it holds when this save was asked for.
      pending.current = payload instanceof FormData ? payload : new FormData(payload);
      if (inFlight.current) return;
      inFlight.current = true;
      try {
        while (pending.current) {
          const next = pending.current;
          pending.current = null;
          await submitRef.current(next, { method: "post", ...(action ? { action } : {}) });
        }
      } finally {
        inFlight.current = false;
        onDrainedRef.current?.();
      }
    },
    [action],
  );
}
