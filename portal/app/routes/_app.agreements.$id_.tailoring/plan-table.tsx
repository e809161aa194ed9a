import { ITEM_STATUSES } from "~/lib/enums";
import { Form, useNavigation } from "@remix-run/react";
import { ActionItemsTable } from "~/components/action-items-table";
import { SubmitButton } from "~/components/submit-button";
import { useT } from "~/i18n/use-t";

import type { TailoringResult } from "./intents";
import { ResultErrors } from "~/components/intent-form";
import { resultFor } from "~/lib/form-result";
import type { PagePlan } from "./types";

/** The plan's items in their agreed order; after the end date, with progress that may still change. */
export function PlanTable({
  plan,
  canEdit,
  done,
  result,
  action,
}: {
  plan: PagePlan;
  canEdit: boolean;
  done: boolean;
  result: TailoringResult | undefined;
  action: string;
}) {
  const t = useT();
  const late = new Set(plan.itemsPastEndDate.map((i) => i.id));
  const canChangeStatus = done && canEdit;
  const settled = useNavigation().state === "idle";
  return (
    <div className="table-wrap" tabIndex={0}>
      <ActionItemsTable
        className="plan-table"
        items={plan.items}
        caption={t("tailoring.plan.caption")}
        captionHidden
        rowProps={(item) => ({ className: late.has(item.id) ? "item-late" : undefined, "data-item-title": item.title })}
        titleNotes={(item) => (
          <>
            {late.has(item.id) ? <span className="badge badge-late">{t("tailoring.item.late")}</span> : null}
            {item.why ? <span className="cell-note">{item.why}</span> : null}
          </>
        )}
        status={(item) => {
          const own = resultFor(result, "status", item.id);
          return canChangeStatus ? (
            <Form method="post" action={action} className="status-form" preventScrollReset>
              <input type="hidden" name="actionItemId" value={item.id} />
              <input type="hidden" name="expectedVersion" value={item.version} />
              <label htmlFor={`status-${item.id}`} className="visually-hidden">
                {t("tailoring.item.statusLabel", { title: item.title })}
              </label>
              <select
                id={`status-${item.id}`}
                name="status"
                defaultValue={item.status}
                key={`${item.id}-${item.version}`}
              >
                {ITEM_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {t(`tailoring.itemStatus.${status}`)}
                  </option>
                ))}
              </select>
              <SubmitButton
                intent="status"
                match={{ actionItemId: item.id }}
                busyLabel={t("tailoring.item.saving")}
                className="button button-secondary button-small"
                aria-label={t("tailoring.item.saveStatusLabel", { title: item.title })}
              >
                {t("tailoring.item.saveStatus")}
              </SubmitButton>
              {own && !own.ok ? <ResultErrors result={own} /> : null}
              {settled && own?.ok ? (
                <span className="saved-mark" role="status">
                  ✓ {t("tailoring.item.statusSaved")}
                </span>
              ) : null}
            </Form>
          ) : (
            <span className={`badge badge-status-${item.status.toLowerCase()}`}>
              {t(`tailoring.itemStatus.${item.status}`)}
            </span>
          );
        }}
      />
    </div>
  );
}
