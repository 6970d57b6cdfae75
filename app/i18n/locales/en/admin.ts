import type { Translation } from "../../types";
import type fr from "../fr/admin";

export default {} satisfies Translation<typeof fr>;
