/** Transfers of dossiers between usagers: the reference's `DossierTransfer::EXPIRATION_LIMIT`. */
export const TRANSFER_VALIDITY_DAYS = 14;

/** When a transfer proposed at `createdAt` stops being valid. */
export function transferExpiresAt(createdAt: Date): Date {
  return new Date(createdAt.getTime() + TRANSFER_VALIDITY_DAYS * 24 * 3600 * 1000);
}
