import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { Estimate, OwnerBadge } from "~/components/action-items-table";
import { SubmitButton } from "~/components/submit-button";
import { useT } from "~/i18n/use-t";
import type { TailoringResult } from "./intents";
import { ResultErrors } from "~/components/intent-form";
import { resultFor } from "~/lib/form-result";
import { type PagePlan, type PageReview } from "./types";
import { ItemFields, kronorText } from "./item-fields";

/** Step 3: write the plan. Items can be added (also from a finding), changed and removed. */
export function PlanEditor({
  plan,
  review,
  result,
  action,
}: {
  plan: PagePlan;
  review: PageReview | null;
  result: TailoringResult | undefined;
  action: string;
}) {
  const t = useT();
  const [params] = useSearchParams();
  const editing = params.get("edit");
  const findingIndex = Number.parseInt(params.get("finding") ?? "", 10);
  const finding = Number.isInteger(findingIndex) ? review?.findings[findingIndex] : undefined;
  const added = resultFor(result, "addItem");
  // The action's answer arrives before the page's fresh data; say "added" once the item is listed.
  const settled = useNavigation().state === "idle";
  return (
    <section className="card section" aria-labelledby="plan-title">
      <h2 id="plan-title">{t("tailoring.plan.heading")}</h2>
      <p className="muted">{t("tailoring.plan.intro")}</p>
      {plan.items.length === 0 ? (
        <p className="empty-inline">{t("tailoring.plan.empty")}</p>
      ) : (
        <ol className="plan-items">
          {plan.items.map((item) => {
            const own = resultFor(result, "updateItem", item.id);
            const removed = resultFor(result, "removeItem", item.id);
            if (editing === item.id || (own && !own.ok)) {
              return (
                <li key={item.id} className="plan-item plan-item-editing" id={`item-${item.id}`}>
                  <Form
                    method="post"
                    action={action}
                    className="stack"
                    aria-label={t("tailoring.item.editLabel", { title: item.title })}
                  >
                    <ResultErrors result={own} />
                    <input type="hidden" name="actionItemId" value={item.id} />
                    <input type="hidden" name="expectedVersion" value={item.version} />
                    <ItemFields
                      idPrefix={`edit-${item.id}`}
                      own={own}
                      defaults={{
                        title: item.title,
                        description: item.description,
                        why: item.why,
                        owner: item.owner,
                        estimateHours: item.estimateHours?.toString(),
                        estimateKronor: kronorText(item),
                      }}
                    />
                    <div className="button-row">
                      <SubmitButton
                        intent="updateItem"
                        match={{ actionItemId: item.id }}
                        busyLabel={t("tailoring.item.saving")}
                      >
                        {t("tailoring.item.save")}
                      </SubmitButton>
                      <Link to={action} className="button button-secondary" preventScrollReset>
                        {t("tailoring.item.cancel")}
                      </Link>
                    </div>
                  </Form>
                </li>
              );
            }
            return (
              <li key={item.id} className="plan-item" id={`item-${item.id}`} data-item-title={item.title}>
                <div className="plan-item-main">
                  <span className="plan-item-position">{item.position}</span>
                  <div>
                    <p className="plan-item-title">{item.title}</p>
                    {item.description ? <p className="plan-item-text">{item.description}</p> : null}
                    {item.why ? (
                      <p className="plan-item-text muted">{t("tailoring.item.whyText", { why: item.why })}</p>
                    ) : null}
                    <p className="plan-item-meta">
                      <OwnerBadge owner={item.owner} /> <Estimate item={item} />
                      {item.fromFindingArea ? (
                        <span className="muted small">
                          {" "}
                          · {t("tailoring.item.fromFinding", { area: t(`tailoring.area.${item.fromFindingArea}`) })}
                        </span>
                      ) : null}
                    </p>
                  </div>
                </div>
                <div className="button-row">
                  <Link
                    to={`?edit=${item.id}#item-${item.id}`}
                    className="button button-secondary button-small"
                    aria-label={t("tailoring.item.editLabel", { title: item.title })}
                  >
                    {t("tailoring.item.edit")}
                  </Link>
                  <Form
                    method="post"
                    action={action}
                    onSubmit={(event) => {
                      if (!window.confirm(t("tailoring.item.removeConfirm", { title: item.title })))
                        event.preventDefault();
                    }}
                  >
                    <input type="hidden" name="actionItemId" value={item.id} />
                    <SubmitButton
                      intent="removeItem"
                      match={{ actionItemId: item.id }}
                      busyLabel={t("tailoring.item.removing")}
                      className="button button-danger button-small"
                      aria-label={t("tailoring.item.removeLabel", { title: item.title })}
                    >
                      {t("tailoring.item.remove")}
                    </SubmitButton>
                  </Form>
                </div>
                {removed && !removed.ok ? <ResultErrors result={removed} /> : null}
              </li>
            );
          })}
        </ol>
      )}

      <div className="add-item" id="add-item">
        <h3>{finding ? t("tailoring.item.addFromFindingHeading") : t("tailoring.item.addHeading")}</h3>
        {/* Remount after each added item (or a new finding) so the form starts empty again. */}
        <Form
          method="post"
          action={action}
          preventScrollReset
          className="stack"
          key={`${added?.ok ? added.nonce : "add"}-${findingIndex}`}
          aria-label={t("tailoring.item.addHeading")}
        >
          <ResultErrors result={added} />
          {settled && added?.ok && added.done ? (
            <p className="alert alert-success" role="status">
              {t(added.done, { subject: added.subject ?? "" })}
            </p>
          ) : null}
          <input type="hidden" name="actionPlanId" value={plan.id} />
          {finding ? <input type="hidden" name="fromFindingArea" value={finding.area} /> : null}
          {finding ? (
            <p className="alert alert-info">
              {t("tailoring.item.prefilled", { area: t(`tailoring.area.${finding.area}`) })}{" "}
              <Link to={action} preventScrollReset>
                {t("tailoring.item.clearFinding")}
              </Link>
            </p>
          ) : null}
          <ItemFields
            idPrefix="add"
            own={added}
            defaults={
              finding
                ? {
                    title: finding.finding.slice(0, 200),
                    why: t("tailoring.item.findingWhy", { finding: finding.finding }),
                    owner: "VENDOR",
                  }
                : {}
            }
          />
          <div>
            <SubmitButton intent="addItem" busyLabel={t("tailoring.item.adding")}>
              {t("tailoring.item.add")}
            </SubmitButton>
          </div>
        </Form>
      </div>
    </section>
  );
}
