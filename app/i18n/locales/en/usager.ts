import type { Translation } from "../../types";
import type fr from "../fr/usager";

export default {} satisfies Translation<typeof fr>;
