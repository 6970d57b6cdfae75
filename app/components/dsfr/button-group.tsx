/**
 * The DSFR group of buttons: a list whose items are the buttons (or forms holding one), stacked on
 * small screens and in a row from the breakpoint given.
 */
import { Children, type ReactNode } from "react";

export function ButtonGroup({
  inline,
  size,
  iconLeft = false,
  className,
  children,
}: {
  /** In a row always, or from the `sm` / `md` / `lg` breakpoint; stacked when absent. */
  inline?: "always" | "sm" | "md" | "lg";
  size?: "sm" | "lg";
  iconLeft?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const classes = [
    "fr-btns-group",
    inline ? (inline === "always" ? "fr-btns-group--inline" : `fr-btns-group--inline-${inline}`) : "",
    size ? `fr-btns-group--${size}` : "",
    iconLeft ? "fr-btns-group--icon-left" : "",
    className ?? "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <ul className={classes}>
      {Children.toArray(children).map((child, index) => (
        // The buttons of a group do not move: their place is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <li key={index}>{child}</li>
      ))}
    </ul>
  );
}

/** A form's main button and a link back where the usager came from, in a row. */
export function SubmitCancel({ submit, cancel, cancelHref }: { submit: ReactNode; cancel: ReactNode; cancelHref: string }) {
  return (
    <ButtonGroup inline="always">
      <button type="submit" className="fr-btn">
        {submit}
      </button>
      <a className="fr-btn fr-btn--secondary" href={cancelHref}>
        {cancel}
      </a>
    </ButtonGroup>
  );
}
