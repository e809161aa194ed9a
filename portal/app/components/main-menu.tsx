import { NavLink, useLocation } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { useT } from "~/i18n/use-t";
import type { NavEntry, NavItem } from "~/lib/navigation";

/**
 * The main menu: one row of pages and groups (decision 0097). On a phone it collapses behind a
 * disclosure button; until the page's script runs (or without it) the buttons stay hidden and every
 * entry is shown, wrapped, so nothing is ever out of reach.
 */
export function MainMenu({ entries }: { entries: readonly NavEntry[] }) {
  const t = useT();
  const listId = useId();
  const [scripted, setScripted] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => setScripted(true), []);
  const close = () => setOpen(false);
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
        {entries.map((entry) =>
          "item" in entry ? (
            <li key={entry.item.to}>
              <MenuLink item={entry.item} onNavigate={close} />
            </li>
          ) : (
            <MenuGroup key={entry.group} entry={entry} scripted={scripted} onNavigate={close} />
          ),
        )}
      </ul>
    </nav>
  );
}

function MenuLink({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const t = useT();
  return (
    <NavLink to={item.to} end={item.to === "/"} prefetch="intent" onClick={onNavigate}>
      {t(item.label)}
    </NavLink>
  );
}

/**
 * A group's pages behind a button, as a disclosure (not an ARIA menu: its entries are links, reached with
 * Tab like any other). Escape closes it and returns to the button; so does a click or focus outside it.
 */
function MenuGroup({
  entry,
  scripted,
  onNavigate,
}: {
  entry: Extract<NavEntry, { group: unknown }>;
  scripted: boolean;
  onNavigate: () => void;
}) {
  const t = useT();
  const listId = useId();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const groupRef = useRef<HTMLLIElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const current = entry.items.some((item) => pathname === item.to || pathname.startsWith(`${item.to}/`));
  useEffect(() => {
    if (!open) return;
    const outside = (event: PointerEvent) => {
      if (!groupRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);
  return (
    <li
      ref={groupRef}
      className="mainnav-group"
      onKeyDown={(event) => {
        if (event.key !== "Escape" || !open) return;
        setOpen(false);
        buttonRef.current?.focus();
      }}
      onBlur={(event) => {
        // Only focus that moved elsewhere closes it: a click on a link in Safari focuses nothing (null).
        if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="mainnav-group-toggle"
        aria-expanded={open}
        aria-controls={listId}
        data-current={current ? "" : undefined}
        hidden={!scripted}
        onClick={() => setOpen((was) => !was)}
      >
        {t(entry.group)}{" "}
        <span aria-hidden="true" className="mainnav-group-caret">
          ▾
        </span>
      </button>
      <ul className="mainnav-sub" id={listId} hidden={scripted && !open}>
        {entry.items.map((item) => (
          <li key={item.to}>
            <MenuLink
              item={item}
              onNavigate={() => {
                setOpen(false);
                onNavigate();
              }}
            />
          </li>
        ))}
      </ul>
    </li>
  );
}
