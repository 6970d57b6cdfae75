/**
 * The file field types in the API: PieceJustificativeChamp (`files`), TitreIdentiteChamp (only
 * whether a document was given: its files are never served), PieceJustificativeChampDescriptor
 * (`fileTemplate`), and `File`, whose `url` is a signed download link valid for one hour. The
 * token's scope already covers the dossier whose champs are read; the link carries that
 * authorisation to the download route. Plugged into the generic resolvers of champs.ts.
 */
import DataLoader from "dataloader";
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { attachments } from "../../db/schema";
import { type FileRef, fileListSchema, fileRefSchema } from "../../domain/files/file-ref";
import { downloadPath, signedDownloadUrl } from "../../http/uploads/signed-url";
import type { GraphqlContext } from "./context";

interface FileChampView {
  raw: unknown;
}

interface FileDescriptorView {
  typeChamp: string;
  options: Record<string, unknown>;
}

type AttachmentFacts = { checksum: string; createdAt: Date };

/** One loader per request (keyed by the request's loaders): checksums and dates of many files in one query. */
const factsLoaders = new WeakMap<object, DataLoader<string, AttachmentFacts | null>>();

function factsOf(ctx: GraphqlContext, id: string): Promise<AttachmentFacts | null> {
  let loader = factsLoaders.get(ctx.loaders);
  if (!loader) {
    const db: Db = ctx.db;
    loader = new DataLoader(async (ids: readonly string[]) => {
      const rows = await db
        .select({ id: attachments.id, checksum: attachments.checksum, createdAt: attachments.createdAt })
        .from(attachments)
        .where(inArray(attachments.id, [...ids]));
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
    factsLoaders.set(ctx.loaders, loader);
  }
  return loader.load(id);
}

function filesOf(raw: unknown): FileRef[] {
  const parsed = fileListSchema.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

async function requiredFacts(file: FileRef, ctx: GraphqlContext): Promise<AttachmentFacts> {
  const facts = await factsOf(ctx, file.id);
  // A value always names an existing row (same transaction); a missing one is corrupted data.
  if (!facts) throw new Error(`attachment ${file.id} not found`);
  return facts;
}

/**
 * A document generated when its link is followed (`Dossier.pdf`): no stored bytes, so no size nor
 * checksum yet (0 and "", as the reference gives for its dossier PDF), and its own signed URL.
 */
export interface GeneratedFile {
  generated: true;
  filename: string;
  contentType: string;
  createdAt: Date;
  url: string;
  /** Known for stored documents (attestations); 0 / "" for those drawn when followed. */
  byteSize?: number;
  checksum?: string;
}

type AnyFile = FileRef | GeneratedFile;
const isGenerated = (file: AnyFile): file is GeneratedFile => "generated" in file;

export const fileResolvers = {
  File: {
    byteSize: (file: AnyFile) => (isGenerated(file) ? (file.byteSize ?? 0) : file.byteSize),
    byteSizeBigInt: (file: AnyFile) => (isGenerated(file) ? String(file.byteSize ?? 0) : String(file.byteSize)),
    filename: (file: AnyFile) => file.filename,
    contentType: (file: AnyFile) => file.contentType,
    checksum: async (file: AnyFile, _: unknown, ctx: GraphqlContext) =>
      isGenerated(file) ? (file.checksum ?? "") : (await requiredFacts(file, ctx)).checksum,
    createdAt: async (file: AnyFile, _: unknown, ctx: GraphqlContext) =>
      isGenerated(file) ? file.createdAt : (await requiredFacts(file, ctx)).createdAt,
    url: (file: AnyFile, _: unknown, ctx: GraphqlContext) =>
      isGenerated(file) ? file.url : ctx.fileLinks ? signedDownloadUrl(ctx.fileLinks, file.id) : downloadPath(file.id),
    virusScanResult: (file: AnyFile) => (isGenerated(file) ? "safe" : "pending"),
  },
};

export const fileChampResolvers = {
  PieceJustificativeChamp: {
    files: (c: FileChampView) => filesOf(c.raw),
    file: (c: FileChampView) => filesOf(c.raw)[0] ?? null,
  },
  TitreIdentiteChamp: {
    filled: (c: FileChampView) => filesOf(c.raw).length > 0,
    // Identity documents are uploaded files here (no FranceConnect identity documents).
    grantType: () => "piece_justificative",
  },
};

export const fileDescriptorResolvers = {
  PieceJustificativeChampDescriptor: {
    type: (d: FileDescriptorView) => d.typeChamp,
    champDescriptors: () => null,
    fileTemplate: (d: FileDescriptorView) => {
      const parsed = fileRefSchema.safeParse(d.options.template);
      return parsed.success ? parsed.data : null;
    },
  },
};
