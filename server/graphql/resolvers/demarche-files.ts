/**
 * `DemarcheDescriptor.logo`, `notice`, `deliberation`: the démarche's presentation files as `File`s
 * with a signed one-hour link (`/pieces-jointes/<id>`, as the champs' files). The descriptor is only
 * reached once the démarche (or the dossier it is read from) has been authorised, so the link
 * carries that authorisation. One query per démarche and request for the three files.
 */
import DataLoader from "dataloader";
import type { DemarcheFileKind } from "../../domain/demarches/presentation-files";
import { signedDownloadUrl } from "../../http/uploads/signed-url";
import { type DemarcheFile, demarcheFilesOf } from "../../lookups/demarche-files";
import type { GraphqlContext } from "./context";
import type { GeneratedFile } from "./file-champs";

type Files = Partial<Record<DemarcheFileKind, DemarcheFile>>;

const loaders = new WeakMap<object, DataLoader<number, Files>>();

function filesLoader(ctx: GraphqlContext): DataLoader<number, Files> {
  let loader = loaders.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(async (ids: readonly number[]) => Promise.all(ids.map((id) => demarcheFilesOf(ctx.db, id))), {
      batch: false,
    });
    loaders.set(ctx.loaders, loader);
  }
  return loader;
}

export async function demarcheFile(
  demarcheId: number,
  kind: DemarcheFileKind,
  ctx: GraphqlContext,
): Promise<GeneratedFile | null> {
  if (!ctx.fileLinks) return null;
  const file = (await filesLoader(ctx).load(demarcheId))[kind];
  if (!file) return null;
  return {
    generated: true,
    filename: file.filename,
    contentType: file.contentType,
    createdAt: file.createdAt,
    byteSize: file.byteSize,
    checksum: file.checksum,
    url: signedDownloadUrl(ctx.fileLinks, file.id),
  };
}
