/**
 * `textarea` (« Texte long »). With a character limit, the limit is stated in a hint (enough without
 * JavaScript); once the page is interactive the hint becomes a live counter, and a polite status
 * announces the remaining characters when the user pauses typing, so screen readers are not
 * interrupted at every key. Text over the limit is not cut: it is kept in the draft and reported
 * at submission.
 */
import { useEffect, useRef, useState } from "react";
import { characterCount } from "../../../../server/domain/champs/input";
import { useT, useTn } from "../../../lib/i18n";
import { ChampErrorText, ChampHint, LabelText, describedBy, hasDescription, useHydrated } from "../field-parts";
import { DisplayItem } from "../display-parts";
import type { TypedDisplayProps, TypedInputProps } from "../types";

/** Delay after the last keystroke before the remaining count is announced. */
const ANNOUNCE_DELAY_MS = 1000;

export function TextareaInput({ descriptor, value, errorMessage, ids }: TypedInputProps<"textarea">) {
  const error = errorMessage !== null;
  const limit = descriptor.options.characterLimit;
  const counterId = `${ids.input}-counter`;
  return (
    <div className={error ? "fr-input-group fr-input-group--error" : "fr-input-group"}>
      <label className="fr-label" htmlFor={ids.input}>
        <LabelText libelle={descriptor.libelle} mandatory={descriptor.mandatory} />
      </label>
      <ChampHint id={ids.hint} description={descriptor.description} />
      {limit === undefined ? (
        <textarea
          className={error ? "fr-input fr-input--error" : "fr-input"}
          id={ids.input}
          name={ids.name}
          rows={5}
          defaultValue={value ?? ""}
          aria-describedby={describedBy(hasDescription(descriptor.description) && ids.hint, error && ids.error)}
          aria-invalid={error || undefined}
          aria-required={descriptor.mandatory || undefined}
        />
      ) : (
        <CountedTextarea
          id={ids.input}
          name={ids.name}
          counterId={counterId}
          limit={limit}
          initialValue={value ?? ""}
          error={error}
          mandatory={descriptor.mandatory}
          describedBy={describedBy(hasDescription(descriptor.description) && ids.hint, counterId, error && ids.error)}
        />
      )}
      <ChampErrorText id={ids.error} message={errorMessage} />
    </div>
  );
}

function CountedTextarea(props: {
  id: string;
  name: string;
  counterId: string;
  limit: number;
  initialValue: string;
  error: boolean;
  mandatory: boolean;
  describedBy: string | undefined;
}) {
  const t = useT();
  const tn = useTn();
  const hydrated = useHydrated();
  const [count, setCount] = useState(() => characterCount(props.initialValue));
  const [announced, setAnnounced] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const over = count > props.limit;
  const statusText = (n: number) =>
    n > props.limit
      ? tn("usager.champ.charactersOver", n - props.limit, { over: n - props.limit, count: n, max: props.limit })
      : tn("usager.champ.charactersRemaining", props.limit - n, { remaining: props.limit - n, max: props.limit });

  return (
    <>
      <textarea
        className={props.error || over ? "fr-input fr-input--error" : "fr-input"}
        id={props.id}
        name={props.name}
        rows={8}
        defaultValue={props.initialValue}
        aria-describedby={props.describedBy}
        aria-invalid={props.error || undefined}
        aria-required={props.mandatory || undefined}
        onInput={(event) => {
          const n = characterCount(event.currentTarget.value);
          setCount(n);
          if (timer.current) clearTimeout(timer.current);
          timer.current = setTimeout(() => setAnnounced(statusText(n)), ANNOUNCE_DELAY_MS);
        }}
      />
      {hydrated ? (
        <>
          <p
            className={
              over ? "fr-hint-text guichet-champ-counter guichet-champ-counter--over" : "fr-hint-text guichet-champ-counter"
            }
            id={props.counterId}
          >
            {over ? statusText(count) : t("usager.champ.characterCount", { count, max: props.limit })}
          </p>
          <p className="fr-sr-only" aria-live="polite">
            {announced}
          </p>
        </>
      ) : (
        <p className="fr-hint-text guichet-champ-counter" id={props.counterId}>
          {t("usager.champ.characterLimitHint", { max: props.limit })}
        </p>
      )}
    </>
  );
}

export function TextareaDisplay({ descriptor, text }: TypedDisplayProps<"textarea">) {
  return <DisplayItem libelle={descriptor.libelle} text={text} multiline />;
}
