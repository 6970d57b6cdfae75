/**
 * React side of the brouillon autosave (`autosave.ts`): listens to the form's changes, posts the
 * form's fields with intent=autosave through a fetcher to the page's own action (lenient save, no
 * validation, never the "Déposer" intent), reports the status, and warns before leaving the page
 * with unsaved changes. The route must catch network errors in a `clientAction` (so a failed
 * autosave is a retry, not the error page) and skip revalidation after an autosave: export
 * `autosaveClientAction` and `skipRevalidationAfterAutosave` from it.
 */
import { type RefObject, startTransition, useEffect, useRef, useState } from "react";
import { type ShouldRevalidateFunctionArgs, useFetcher } from "react-router";
import { type AutosaveStatus, createAutosaver, formatSavedTime } from "./autosave";

/** What the action answers to intent=autosave. */
export interface AutosaveResult {
  intent: "autosave";
  ok: boolean;
}

export const AUTOSAVE_INTENT = "autosave";
/** A save with no answer after this long counts as failed (and is retried). */
const SAVE_TIMEOUT_MS = 20_000;

/** A failed autosave (network, server) is reported by the hook and retried, never shown as the error page. */
export async function autosaveClientAction<T>({
  request,
  serverAction,
}: {
  request: Request;
  serverAction: () => Promise<T>;
}): Promise<T | AutosaveResult> {
  const intent = (await request.clone().formData()).get("intent");
  if (intent !== AUTOSAVE_INTENT) return serverAction();
  try {
    return await serverAction();
  } catch {
    return { intent: "autosave" as const, ok: false };
  }
}

/** An autosave changes nothing the page shows: no need to reload its data. */
export function skipRevalidationAfterAutosave({ formData, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return formData?.get("intent") === AUTOSAVE_INTENT ? false : defaultShouldRevalidate;
}

/** The status line under the form, from the three messages of the page's wording. */
export function autosaveMessage(
  status: AutosaveStatus,
  locale: "fr" | "en",
  messages: { saving: string; saved: (time: string) => string; failed: string },
) {
  if (status.state === "saving") return messages.saving;
  if (status.state === "saved") return messages.saved(formatSavedTime(status.at, locale));
  if (status.state === "failed") return messages.failed;
  return "";
}

export function isAutosaveResult(data: unknown): data is AutosaveResult {
  return typeof data === "object" && data !== null && (data as { intent?: unknown }).intent === AUTOSAVE_INTENT;
}

export function useAutosave(formRef: RefObject<HTMLFormElement | null>, options: { enabled: boolean }): AutosaveStatus {
  const fetcher = useFetcher<AutosaveResult>();
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const [status, setStatus] = useState<AutosaveStatus>({ state: "idle" });
  /** The save waiting for the fetcher, and the fetcher's data when it was sent (to recognise the new answer). */
  const pending = useRef<{ resolve: (ok: boolean) => void; previous: unknown } | null>(null);

  useEffect(() => {
    const waiting = pending.current;
    if (!waiting || fetcher.state !== "idle" || fetcher.data === waiting.previous) return;
    pending.current = null;
    waiting.resolve(isAutosaveResult(fetcher.data) && fetcher.data.ok);
  }, [fetcher.state, fetcher.data]);

  useEffect(() => {
    const form = formRef.current;
    if (!options.enabled || !form) return;
    const saver = createAutosaver({
      // The form's listeners run before React's own (at the document): a synchronous re-render here
      // would put back the old value of a controlled input before React reads what was typed (the
      // drop-down combobox lost every keystroke). As a transition, the status renders afterwards.
      onStatus: (next) => startTransition(() => setStatus(next)),
      save: () =>
        new Promise<boolean>((resolve) => {
          const fields = new FormData(form);
          fields.set("intent", AUTOSAVE_INTENT);
          const timeout = setTimeout(() => {
            if (pending.current?.resolve === done) pending.current = null;
            resolve(false);
          }, SAVE_TIMEOUT_MS);
          const done = (ok: boolean) => {
            clearTimeout(timeout);
            resolve(ok);
          };
          pending.current = { resolve: done, previous: fetcherRef.current.data };
          void fetcherRef.current.submit(fields, { method: "post" });
        }),
    });
    const onChange = () => saver.changed();
    const onSubmit = () => saver.cancel();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsavedChanges()) return;
      event.preventDefault();
      // Older browsers need returnValue set to show their (generic) warning.
      event.returnValue = "";
    };
    form.addEventListener("input", onChange);
    form.addEventListener("change", onChange);
    form.addEventListener("submit", onSubmit);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      form.removeEventListener("input", onChange);
      form.removeEventListener("change", onChange);
      form.removeEventListener("submit", onSubmit);
      window.removeEventListener("beforeunload", onBeforeUnload);
      saver.dispose();
    };
  }, [formRef, options.enabled]);

  return status;
}
