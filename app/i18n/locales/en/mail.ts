import type { Translation } from "../../types";
import type fr from "../fr/mail";

export default {} satisfies Translation<typeof fr>;
