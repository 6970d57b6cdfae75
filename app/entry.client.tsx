import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { CHAMP_TYPES_ATTRIBUTE, loadChampComponents } from "./components/champs/registry";

// The DSFR's own scripts (menus, modals, accordions) start here; pages work without them. The
// language of its components is the request's (set in root.tsx, for the server render too).
startReactDsfr({ defaultColorScheme: "light" });

/** The field types the server-rendered lists name: their components load before hydration (decision 0011). */
function renderedChampTypes(): string[] {
  return [...document.querySelectorAll(`[${CHAMP_TYPES_ATTRIBUTE}]`)].flatMap((element) =>
    (element.getAttribute(CHAMP_TYPES_ATTRIBUTE) ?? "").split(" ").filter(Boolean),
  );
}

function hydrate() {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
}

// If a type's chunk cannot be loaded, the server's page stays as it is: it works without JavaScript.
loadChampComponents(renderedChampTypes()).then(hydrate, () => undefined);
