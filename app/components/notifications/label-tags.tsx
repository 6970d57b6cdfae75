/** A dossier's labels as DSFR tags in their colour (routes using it declare the `notifications` namespace). */
import type { LabelColor } from "../../../server/domain/labels/labels";

export interface LabelTagView {
  id: number;
  name: string;
  color: LabelColor;
}

export function LabelTags({ labels, className = "" }: { labels: readonly LabelTagView[]; className?: string }) {
  if (labels.length === 0) return null;
  return (
    <ul className={`fr-tags-group ${className}`.trim()}>
      {labels.map((label) => (
        <li key={label.id}>
          <p className={`fr-tag fr-tag--sm fr-tag--${label.color}`} data-label-id={label.id}>
            {label.name}
          </p>
        </li>
      ))}
    </ul>
  );
}
