import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";

// The DSFR's own scripts (menus, modals, accordions) start here; pages work without them.
startReactDsfr({ defaultColorScheme: "light", useLang: () => document.documentElement.lang || "fr" });

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <HydratedRouter />
    </StrictMode>,
  );
});
