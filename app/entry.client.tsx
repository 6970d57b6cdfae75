import { startReactDsfr } from "@codegouvfr/react-dsfr/spa";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";

// The DSFR's own scripts (menus, modals, accordions) start here; pages work without them. The
// language of its components is the request's (set in root.tsx, for the server render too).
startReactDsfr({ defaultColorScheme: "light" });

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <HydratedRouter />
    </StrictMode>,
  );
});
