import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";

// The DSFR's own scripts (menus, modals, accordions) start here; pages work without them. The
// language of its components is the request's (set in root.tsx, for the server render too).
startReactDsfr({ defaultColorScheme: "light" });

/**
 * The field types the server-rendered lists name (`data-champ-types`, see
 * `app/components/champs/registry.ts`): their components load before hydration (decision 0014).
 * Pages without a field list do not load the registry at all.
 */
async function loadRenderedChampTypes(): Promise<void> {
  const markers = [...document.querySelectorAll("[data-champ-types]")];
  if (markers.length === 0) return;
  const { CHAMP_TYPES_ATTRIBUTE, loadChampComponents } = await import("./components/champs/registry");
  await loadChampComponents(
    markers.flatMap((element) => (element.getAttribute(CHAMP_TYPES_ATTRIBUTE) ?? "").split(" ").filter(Boolean)),
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
loadRenderedChampTypes().then(hydrate, () => undefined);
