import type { Translation } from "../../types";
import type fr from "../fr/auth";

export default {} satisfies Translation<typeof fr>;
