/**
 * The sections of one object as a row of buttons (the current one filled, `aria-current="page"`):
 * plain links, so they work without JavaScript and each section has its own URL.
 */
export function SectionTabs({
  label,
  tabs,
  current,
}: {
  label: string;
  tabs: readonly { key: string; href: string; label: string }[];
  current: string;
}) {
  return (
    <nav aria-label={label} className="fr-mb-3w">
      <ul className="fr-btns-group fr-btns-group--inline-md">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <a
              className={`fr-btn${tab.key === current ? "" : " fr-btn--secondary"}`}
              href={tab.href}
              aria-current={tab.key === current ? "page" : undefined}
            >
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
