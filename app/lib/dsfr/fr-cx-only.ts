/**
 * Browser stand-in for `@codegouvfr/react-dsfr/fr` as the library's modules we load use it:
 * `Footer` and `link` call `fr.cx`; the colour-scheme script (`useIsDark/client`, started by
 * `startReactDsfr`) reads one colour for the `theme-color` meta. The real module carries every
 * colour and typography table (14 KiB gzip on every page); vite.config.ts swaps it for this one in
 * the client build only, so the server renders with the real one and the markup is the same.
 * `fr-cx-only.test.ts` checks the colour against the real table.
 */
import { cx } from "@codegouvfr/react-dsfr/fr/cx";

/** `fr.colors.getHex({ isDark }).decisions.background.default.grey.default`, the only colour read. */
function getHex({ isDark }: { isDark: boolean }) {
  return { decisions: { background: { default: { grey: { default: isDark ? "#161616" : "#ffffff" } } } } };
}

export const fr = { cx, colors: { getHex } };
