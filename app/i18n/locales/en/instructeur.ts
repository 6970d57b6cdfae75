import type { Translation } from "../../types";
import type fr from "../fr/instructeur";

export default {} satisfies Translation<typeof fr>;
