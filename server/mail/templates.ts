import type { z } from "zod";
import type { MailContent, MailContext } from "./layout";

export interface MailTemplate<S extends z.ZodType> {
  params: S;
  render(params: z.infer<S>, ctx: MailContext): MailContent;
}

/** One file per template in this folder; register each here. */
export const MAIL_TEMPLATES = {} satisfies Record<string, MailTemplate<z.ZodType>>;

export type MailTemplateName = keyof typeof MAIL_TEMPLATES;
