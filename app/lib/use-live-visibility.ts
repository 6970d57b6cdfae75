/**
 * Live conditions in the usager's form: as fields change, the same pure code the server runs
 * (`parseDraftValues` → `hiddenKeys`, `isIneligible`) decides which field occurrences show, and the
 * wrappers marked with `data-champ-key` get or lose `hidden`. Without JavaScript the server does it
 * at every save, so the page is right after each reload; with it, the page is right as one types.
 *
 * That code needs the type modules and zod: it is loaded (`live-visibility-evaluator.ts`) only when
 * the form has conditions or ineligibility rules, at the first focus, input or change in the form.
 */
import { type RefObject, useEffect, useRef, useState } from "react";
import type { ChampDescriptor } from "../../server/domain/champs/definition";
import type { IneligibilityRules } from "../../server/domain/form/ineligibility";
import { CHAMP_KEY_ATTRIBUTE } from "../components/champs/champ-list";

/** Wait for a pause in typing before re-evaluating (conditions read whole values). */
const DELAY_MS = 150;

type Evaluator = typeof import("./live-visibility-evaluator");

/** True when something in the form can change what shows: a condition on a field (or a row's field), or rules. */
export function hasLiveRules(descriptors: readonly ChampDescriptor[], ineligibility: IneligibilityRules | null): boolean {
  const conditioned = (list: readonly ChampDescriptor[]): boolean =>
    list.some((d) => (d.condition !== null && d.condition !== undefined) || conditioned(d.children ?? []));
  return Boolean(ineligibility?.enabled) || conditioned(descriptors);
}

export function useLiveVisibility(
  formRef: RefObject<HTMLFormElement | null>,
  options: {
    descriptors: readonly ChampDescriptor[];
    values: Readonly<Record<string, unknown>>;
    ineligibility: IneligibilityRules | null;
  },
): { ineligible: boolean | null } {
  // Null until the usager changes something: the server's verdict stands until then.
  const [ineligible, setIneligible] = useState<boolean | null>(null);
  // The page re-renders while the usager types (autosave status…) with new objects each time: read
  // the latest through a ref, so that re-subscribing never cancels a pending evaluation.
  const latest = useRef(options);
  latest.current = options;
  const live = hasLiveRules(options.descriptors, options.ineligibility);

  useEffect(() => {
    const form = formRef.current;
    if (!form || !live) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let evaluator: Promise<Evaluator> | undefined;
    let cancelled = false;
    const load = () => {
      evaluator ??= import("./live-visibility-evaluator");
      return evaluator;
    };
    const evaluate = async () => {
      const { evaluateForm } = await load();
      if (cancelled) return;
      const { descriptors, values, ineligibility } = latest.current;
      const data = new FormData(form);
      const read = (name: string) => {
        const all = data.getAll(name).filter((v): v is string => typeof v === "string");
        return all.length === 0 ? undefined : all.length === 1 ? all[0] : all;
      };
      const result = evaluateForm(descriptors, values, ineligibility, read);
      for (const element of form.querySelectorAll<HTMLElement>(`[${CHAMP_KEY_ATTRIBUTE}]`)) {
        element.hidden = result.hidden.has(element.getAttribute(CHAMP_KEY_ATTRIBUTE) ?? "");
      }
      setIneligible(result.ineligible);
    };
    const schedule = () => {
      load();
      clearTimeout(timer);
      timer = setTimeout(evaluate, DELAY_MS);
    };
    // Focus starts the download, so that it is there by the time something changes.
    form.addEventListener("focusin", load);
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      form.removeEventListener("focusin", load);
      form.removeEventListener("input", schedule);
      form.removeEventListener("change", schedule);
    };
  }, [formRef, live]);

  return { ineligible };
}
