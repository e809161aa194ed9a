import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";

const SECTIONS: readonly { id: string; label: MessageKey }[] = [
  { id: "overview", label: "layout.section.overview" },
  { id: "benefits", label: "layout.section.benefits" },
  { id: "licences", label: "layout.section.licences" },
  { id: "versions", label: "layout.section.versions" },
  { id: "visits", label: "visit.nav" },
  { id: "tailoring", label: "layout.section.tailoring" },
  { id: "history", label: "layout.section.history" },
];

/**
 * The agreement page is long: plain anchors in a bar that stays in view, so a reader jumps to a part
 * and the browser's back button brings them back. Works without the script.
 */
export function InPageNav() {
  const t = useT();
  return (
    <nav className="in-page-nav" aria-label={t("layout.onThisPage")}>
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.id}>
            <a href={`#${section.id}`}>{t(section.label)}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
