import { CSRF_FIELD } from "../../common/csrf-field";
import { useRootData } from "../lib/i18n";

/** The hidden field every POST form must carry (checked by the root middleware). */
export function CsrfInput() {
  return <input type="hidden" name={CSRF_FIELD} value={useRootData()?.csrfToken ?? ""} />;
}
