import { NavLink } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { useT } from "~/i18n/use-t";
import type { NavItem } from "~/lib/navigation";

/**
 * The main menu. On a phone it collapses behind a disclosure button; until the page's script runs
 * (or without it) the button stays hidden and every entry is shown, wrapped, so nothing is ever out
 * of reach.
 */
export function MainMenu({ items }: { items: readonly NavItem[] }) {
  const t = useT();
  const listId = useId();
  const [scripted, setScripted] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => setScripted(true), []);
  return (
    <nav
      className="mainnav"
      aria-label={t("nav.label")}
      data-collapsible={scripted ? "" : undefined}
      data-open={open ? "" : undefined}
    >
      <div className="mainnav-bar">
        <button
          type="button"
          className="mainnav-toggle"
          aria-expanded={open}
          aria-controls={listId}
          hidden={!scripted}
          onClick={() => setOpen((was) => !was)}
        >
          <span aria-hidden="true" className="mainnav-toggle-icon">
            ☰
          </span>{" "}
          {t("layout.menu")}
        </button>
      </div>
      <ul className="mainnav-inner" id={listId}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.to === "/"} prefetch="intent" onClick={() => setOpen(false)}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
