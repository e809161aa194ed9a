import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Section } from "~/graphql/graphql";
import { formatNumber } from "~/i18n/i18n";
import { useLang } from "~/i18n/use-t";

/** The section a portal path belongs to: a link is only shown when the viewer's sections include it. */
const SECTION_OF_PATH: [prefix: string, section: Section][] = [
  ["/agreements", "AGREEMENTS"],
  ["/organisations", "ORGANISATIONS"],
  ["/properties", "PROPERTIES"],
  ["/worklist", "WORKLIST"],
  ["/visits", "VISITS"],
  ["/support-queue", "SUPPORT_QUEUE"],
  ["/support", "SUPPORT"],
  ["/admin/outbox", "EMAIL_OUTBOX"],
  ["/admin/users", "USERS"],
];

export function canOpen(sections: readonly Section[], to: string): boolean {
  const match = SECTION_OF_PATH.find(
    ([prefix]) =>
      to === prefix || to.startsWith(`${prefix}/`) || to.startsWith(`${prefix}?`) || to.startsWith(`${prefix}#`),
  );
  return match !== undefined && sections.includes(match[1]);
}

export type Tone = "neutral" | "good" | "warn" | "bad";

/** One number with what it counts and a link to the list it counts (when the viewer may open it). */
export function Tile(props: {
  id: string;
  testId?: string;
  value: number | string;
  /** The API stopped counting (totalCountCapped): there are at least `value`. */
  capped?: boolean;
  label: string;
  to?: string;
  linkLabel?: string;
  tone?: Tone;
  sections: readonly Section[];
  hint?: ReactNode;
}) {
  const lang = useLang();
  const value =
    (typeof props.value === "number" ? formatNumber(lang, props.value) : props.value) + (props.capped ? "+" : "");
  // "#panel" points at the list further down this page.
  const link = props.to && (props.to.startsWith("#") || canOpen(props.sections, props.to)) ? props.to : undefined;
  return (
    <div className={`tile card tone-${props.tone ?? "neutral"}`} data-tile={props.id}>
      <p className="tile-label">{props.label}</p>
      <p className="tile-value" data-testid={props.testId}>
        {value}
      </p>
      {props.hint ? <p className="tile-hint">{props.hint}</p> : null}
      {link?.startsWith("#") ? (
        <a className="tile-link" href={link}>
          {props.linkLabel ?? props.label} <span aria-hidden="true">→</span>
        </a>
      ) : link ? (
        <Link className="tile-link" to={link} prefetch="intent">
          {props.linkLabel ?? props.label} <span aria-hidden="true">→</span>
        </Link>
      ) : null}
    </div>
  );
}

/** A card with a heading and a body, or the helpful empty text when there is nothing. */
export function Panel(props: { id: string; title: string; empty?: string; children?: ReactNode; action?: ReactNode }) {
  const hasContent = props.children !== undefined && props.children !== null && props.children !== false;
  return (
    <section className="card dash-panel" aria-labelledby={`${props.id}-title`} data-panel={props.id}>
      <div className="dash-panel-head">
        <h2 id={`${props.id}-title`}>{props.title}</h2>
        {props.action}
      </div>
      {hasContent ? props.children : <p className="dash-empty">{props.empty}</p>}
    </section>
  );
}

/** Today plus `days`, as an ISO date in Sweden's calendar. */
export function isoDatePlus(today: string, days: number): string {
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
