import { Link } from "@remix-run/react";
import type { SupportCaseRowFragment } from "~/graphql/graphql";
import { formatDateTime, formatNumber, type Lang, type MessageKey, type Translate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { StackedTable } from "~/components/stacked-table";

/** "3,5 öppettimmar kvar", "1 öppettimme sen", or where the clock stands when it does not run. */
export function timeLeftText(
  lang: Lang,
  t: Translate,
  c: Pick<SupportCaseRowFragment, "openHoursLeft" | "firstRespondedAt" | "status">,
): string {
  if (c.firstRespondedAt) return t("support.deadline.answered");
  if (c.status === "WAITING_ON_CUSTOMER") return t("support.deadline.paused");
  if (c.openHoursLeft === null || c.openHoursLeft === undefined) return t("support.deadline.none");
  const hours = Math.abs(c.openHoursLeft);
  const shown = formatNumber(lang, Math.round(hours * 10) / 10);
  return c.openHoursLeft < 0
    ? t("support.deadline.overdueBy", { hours: shown })
    : t("support.deadline.left", { hours: shown });
}

/**
 * The resolution's "12 h kvar" or "2 h sen", counted by the API to the case's stored deadline; nothing once resolved
 * or while the customer holds the case (the date line says so).
 */
export function resolutionLeftText(
  lang: Lang,
  t: Translate,
  c: { resolutionOpenHoursLeft?: number | null; resolutionDueAt?: string | null },
): string | null {
  const left = c.resolutionOpenHoursLeft;
  if (left === null || left === undefined || !c.resolutionDueAt) return null;
  const shown = formatNumber(lang, Math.round(Math.abs(left) * 10) / 10);
  return left < 0 ? t("support.deadline.overdueBy", { hours: shown }) : t("support.deadline.left", { hours: shown });
}

export function DeadlineBadge({ c }: { c: SupportCaseRowFragment }) {
  const t = useT();
  if (c.overdue)
    return (
      <span className="badge badge-danger" data-deadline="overdue">
        {t("support.deadline.overdue")}
      </span>
    );
  if (c.nearDeadline)
    return (
      <span className="badge badge-warning" data-deadline="near">
        {t("support.deadline.near")}
      </span>
    );
  return null;
}

/** A table of cases: for customers their organisation's, for staff a queue (most urgent first, as the API sorts it). */
export function SupportCaseList({
  cases,
  queue,
  caption,
}: {
  cases: readonly SupportCaseRowFragment[];
  queue: boolean;
  caption: string;
}) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="table-wrap" tabIndex={0}>
      <StackedTable
        data-testid={queue ? "support-queue" : "support-cases"}
        caption={<caption className="visually-hidden">{caption}</caption>}
        columns={[
          t("support.case.number"),
          t("support.case.subject"),
          queue && t("support.case.customer"),
          t("support.case.status"),
          t("support.case.answeredBy"),
          queue ? t("support.case.timeLeft") : t("support.case.dueAt"),
        ]}
      >
        <tbody>
          {cases.map((c) => (
            <tr
              key={c.id}
              data-case={c.number}
              data-status={c.status}
              data-routed={c.routedTo}
              className={c.overdue ? "row-overdue" : c.nearDeadline ? "row-near" : undefined}
            >
              <th scope="row">
                <Link to={`/support/${encodeURIComponent(c.id)}`} className="nowrap-link">
                  {c.number}
                </Link>
              </th>
              <td>
                {c.subject}
                <span className="cell-note">
                  {t(`support.category.${c.category}` as MessageKey)} ·{" "}
                  <span
                    className={c.severity === "SYSTEM_DOWN" ? "severity-down" : undefined}
                    data-severity={c.severity}
                  >
                    {t(`support.severity.${c.severity}` as MessageKey)}
                  </span>
                </span>
              </td>
              {queue ? (
                <td>
                  {c.customer.name}
                  {c.property ? <span className="cell-note">{c.property.name}</span> : null}
                </td>
              ) : null}
              <td>
                {t(`support.status.${c.status}` as MessageKey)}
                {c.assignee ? <span className="cell-note">{c.assignee.name}</span> : null}
              </td>
              <td>
                {c.routedTo === "PARTNER"
                  ? (c.partner?.name ?? t("support.routed.PARTNER"))
                  : t("support.routed.VENDOR")}
              </td>
              <td className="tabular">
                {queue ? (
                  <>
                    <span data-testid="time-left">{timeLeftText(lang, t, c)}</span> <DeadlineBadge c={c} />
                    {c.responseDueAt ? (
                      <span className="cell-note">{formatDateTime(lang, c.responseDueAt)}</span>
                    ) : null}
                  </>
                ) : c.firstRespondedAt ? (
                  t("support.deadline.answered")
                ) : c.responseDueAt ? (
                  formatDateTime(lang, c.responseDueAt)
                ) : (
                  timeLeftText(lang, t, c)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </StackedTable>
    </div>
  );
}
