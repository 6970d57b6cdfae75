/**
 * The messagerie in the API: `Dossier.messages`, `Dossier.dateDerniereCorrectionEnAttente`,
 * `Message` and `Correction`. The token's scope already covers the dossier; the threads and pending
 * corrections of a page of dossiers are read in one query each (per-request loaders). Files are
 * `File` objects (signed links) like the champs' files.
 */
import DataLoader from "dataloader";
import type { FileRef } from "../../domain/files/file-ref";
import { plainText } from "../../domain/messages/message-body";
import { loadThreads, type ThreadMessage } from "../../queries/message-thread";
import { pendingCorrections } from "../../queries/pending-corrections";
import { numericIdOf, toGlobalId } from "../ids";
import type { DossierRow } from "../loaders";
import type { GraphqlContext } from "./context";

interface MessageLoaders {
  threads: DataLoader<number, ThreadMessage[]>;
  corrections: DataLoader<number, Date | null>;
}

const perRequest = new WeakMap<object, MessageLoaders>();

function loadersOf(ctx: GraphqlContext): MessageLoaders {
  let loaders = perRequest.get(ctx.loaders);
  if (!loaders) {
    const { db } = ctx;
    loaders = {
      threads: new DataLoader(async (ids: readonly number[]) => {
        const threads = await loadThreads(db, ids);
        return ids.map((id) => threads.get(id) ?? []);
      }),
      corrections: new DataLoader(async (ids: readonly number[]) => {
        const pending = await pendingCorrections(db, ids);
        return ids.map((id) => pending.get(id) ?? null);
      }),
    };
    perRequest.set(ctx.loaders, loaders);
  }
  return loaders;
}

function files(m: ThreadMessage): FileRef[] {
  return m.files.map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType, byteSize: f.byteSize }));
}

export const messageResolvers = {
  Dossier: {
    async messages(d: DossierRow, args: { id?: string | null }, ctx: GraphqlContext) {
      const thread = await loadersOf(ctx).threads.load(d.id);
      if (args.id === undefined || args.id === null) return thread;
      const id = numericIdOf(args.id, "Commentaire");
      return thread.filter((m) => m.id === id);
    },
    dateDerniereCorrectionEnAttente: (d: DossierRow, _: unknown, ctx: GraphqlContext) => loadersOf(ctx).corrections.load(d.id),
  },
  Message: {
    id: (m: ThreadMessage) => toGlobalId("Commentaire", m.id),
    body: (m: ThreadMessage) => (m.discardedAt ? "" : plainText(m.body)),
    email: (m: ThreadMessage, _: unknown, ctx: GraphqlContext) =>
      m.authorKind === "system" ? (ctx.systemSender ?? m.email) : m.email,
    createdAt: (m: ThreadMessage) => m.createdAt,
    discardedAt: (m: ThreadMessage) => m.discardedAt,
    attachments: (m: ThreadMessage) => files(m),
    attachment: (m: ThreadMessage) => files(m)[0] ?? null,
    correction: (m: ThreadMessage) => m.correction,
  },
  Correction: {
    reason: (c: NonNullable<ThreadMessage["correction"]>) => c.reason,
    dateResolution: (c: NonNullable<ThreadMessage["correction"]>) => c.resolvedAt,
  },
};
