import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { type PagePlan } from "./types";

/** Who set the order and who confirmed it, and when. */
export function PriorityStatus({ plan }: { plan: PagePlan }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="priority-status">
      {plan.prioritisedAt ? (
        <p className="muted small" data-testid="prioritised-by">
          {t("tailoring.priority.savedBy", {
            name: plan.prioritisedBy?.name ?? t("common.none"),
            date: formatDateTime(lang, plan.prioritisedAt),
          })}
        </p>
      ) : null}
      {plan.prioritiesConfirmedAt ? (
        <p className="confirmed" data-testid="confirmed-by">
          ✓{" "}
          {t("tailoring.priority.confirmedBy", {
            name: plan.prioritiesConfirmedBy?.name ?? t("common.none"),
            date: formatDateTime(lang, plan.prioritiesConfirmedAt),
          })}
        </p>
      ) : null}
    </div>
  );
}
