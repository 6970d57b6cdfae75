/** The files of an avis, as download links (authorised again at download by the same scopes). */
export function AvisFiles({ files, label }: { files: { id: string; filename: string }[]; label: string }) {
  if (files.length === 0) return null;
  return (
    <div className="fr-mb-2w">
      <p className="fr-text--sm fr-mb-1v">{label}</p>
      <ul>
        {files.map((file) => (
          <li key={file.id}>
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={`/pieces-jointes/${file.id}`} download>
              {file.filename}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
