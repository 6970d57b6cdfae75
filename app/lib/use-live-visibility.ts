/**
 * Live conditions in the usager's form: as fields change, the same pure code the server runs
 * (`parseDraftValues` → `hiddenKeys`, `isIneligible`) decides which field occurrences show, and the
 * wrappers marked with `data-champ-key` get or lose `hidden`. Without JavaScript the server does it
 * at every save, so the page is right after each reload; with it, the page is right as one types.
 */
import { type RefObject, useEffect, useRef, useState } from "react";
import type { ChampDescriptor } from "../../server/domain/champs/definition";
import { parseDraftValues } from "../../server/domain/champs/validate-dossier";
import { type IneligibilityRules, isIneligible } from "../../server/domain/form/ineligibility";
import { hiddenKeys } from "../../server/domain/form/visibility";
import { CHAMP_KEY_ATTRIBUTE } from "../components/champs/champ-list";

/** Wait for a pause in typing before re-evaluating (conditions read whole values). */
const DELAY_MS = 150;

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

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const evaluate = () => {
      const { descriptors, values, ineligibility } = latest.current;
      const data = new FormData(form);
      const read = (name: string) => {
        const all = data.getAll(name).filter((v): v is string => typeof v === "string");
        return all.length === 0 ? undefined : all.length === 1 ? all[0] : all;
      };
      const stored = new Map(Object.entries(values));
      const current = new Map<string, unknown>([...stored, ...parseDraftValues(descriptors, read, stored)]);
      const hidden = hiddenKeys(descriptors, current);
      for (const element of form.querySelectorAll<HTMLElement>(`[${CHAMP_KEY_ATTRIBUTE}]`)) {
        element.hidden = hidden.has(element.getAttribute(CHAMP_KEY_ATTRIBUTE) ?? "");
      }
      setIneligible(isIneligible(ineligibility, descriptors, current, hidden));
    };
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(evaluate, DELAY_MS);
    };
    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", schedule);
      form.removeEventListener("change", schedule);
    };
  }, [formRef]);

  return { ineligible };
}
