/**
 * Autosave of a brouillon, as a small state machine independent of React and of the transport:
 * changes are debounced (1 s after the last one), one save runs at a time, changes made during a
 * save trigger another one, and a failed save is retried with a growing delay. Only `save` knows
 * how to send the form; it must never submit the dossier (it sends intent=autosave).
 */

export type AutosaveStatus =
  | { state: "idle" }
  /** Changes wait for the debounce delay. */
  | { state: "pending" }
  | { state: "saving" }
  | { state: "saved"; at: Date }
  /** The last attempt failed; another one is scheduled in `retryInMs`. */
  | { state: "failed"; retryInMs: number; attempt: number };

export interface AutosaveOptions {
  /** Sends the current form; resolves true when the server stored it. A rejection counts as a failure. */
  save: () => Promise<boolean>;
  onStatus?: (status: AutosaveStatus) => void;
  debounceMs?: number;
  /** Delays before successive retries; the last one repeats. */
  retryDelaysMs?: readonly number[];
  now?: () => Date;
}

export interface Autosaver {
  /** A field changed. */
  changed(): void;
  /** The user submits the form themselves: drop the scheduled save, the submission carries everything. */
  cancel(): void;
  /** True while some change has not been confirmed as saved (for the beforeunload warning). */
  hasUnsavedChanges(): boolean;
  /** Stops timers; results of a save still running are ignored. */
  dispose(): void;
}

export const AUTOSAVE_DEBOUNCE_MS = 1000;
export const AUTOSAVE_RETRY_DELAYS_MS = [2000, 5000, 10_000, 30_000] as const;

export function createAutosaver(options: AutosaveOptions): Autosaver {
  const debounceMs = options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS;
  const retryDelays = options.retryDelaysMs ?? AUTOSAVE_RETRY_DELAYS_MS;
  const now = options.now ?? (() => new Date());
  const emit = (status: AutosaveStatus) => options.onStatus?.(status);

  let changeVersion = 0;
  let savedVersion = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving = false;
  /** A change arrived (or its timer fired) while a save was running. */
  let runAgain = false;
  let failures = 0;
  let disposed = false;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = (ms: number) => {
    clearTimer();
    timer = setTimeout(() => {
      timer = null;
      void run();
    }, ms);
  };

  async function run(): Promise<void> {
    if (disposed || changeVersion === savedVersion) return;
    if (saving) {
      runAgain = true;
      return;
    }
    saving = true;
    const version = changeVersion;
    emit({ state: "saving" });
    let ok: boolean;
    try {
      ok = await options.save();
    } catch {
      ok = false;
    }
    saving = false;
    if (disposed) return;
    if (ok) {
      failures = 0;
      savedVersion = Math.max(savedVersion, version);
      if (changeVersion === savedVersion) {
        runAgain = false;
        emit({ state: "saved", at: now() });
      } else if (runAgain && timer === null) {
        runAgain = false;
        void run();
      } else {
        emit({ state: "pending" });
      }
      return;
    }
    // Cancelled meanwhile (the user submitted the form): nothing left to retry.
    if (changeVersion === savedVersion) {
      emit({ state: "idle" });
      return;
    }
    const retryInMs = retryDelays[Math.min(failures, retryDelays.length - 1)] ?? debounceMs;
    failures++;
    runAgain = false;
    emit({ state: "failed", retryInMs, attempt: failures });
    // A newer change already waits for its own (shorter) debounce: let it carry the retry.
    if (timer === null) schedule(retryInMs);
  }

  return {
    changed() {
      if (disposed) return;
      changeVersion++;
      schedule(debounceMs);
      if (!saving) emit({ state: "pending" });
    },
    cancel() {
      clearTimer();
      runAgain = false;
      savedVersion = changeVersion;
    },
    hasUnsavedChanges() {
      return changeVersion !== savedVersion;
    },
    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}

/** "14 h 32" in French, "14:32" in English: the time a draft was saved, in the user's own time zone. */
export function formatSavedTime(date: Date, locale: "fr" | "en"): string {
  const hours = date.getHours();
  const minutes = String(date.getMinutes()).padStart(2, "0");
  return locale === "fr" ? `${hours} h ${minutes}` : `${String(hours).padStart(2, "0")}:${minutes}`;
}
