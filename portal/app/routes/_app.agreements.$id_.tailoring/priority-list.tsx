import { Form } from "@remix-run/react";
import { useRef, useState } from "react";
import { Estimate, OwnerBadge } from "~/components/action-items-table";
import { SubmitButton } from "~/components/submit-button";
import { useT } from "~/i18n/use-t";
import { moveEntry } from "~/lib/tailoring";
import type { TailoringResult } from "./intents";
import { ResultErrors } from "~/components/intent-form";
import { resultFor } from "~/lib/form-result";
import type { PagePlan, PageTailoring } from "./types";
import { PriorityStatus } from "./priority-status";

/** Step 4: put the items in order — by dragging, or with the up/down buttons — and save the order. */
export function PriorityList({
  plan,
  tailoring,
  result,
  action,
}: {
  plan: PagePlan;
  tailoring: PageTailoring;
  result: TailoringResult | undefined;
  action: string;
}) {
  const t = useT();
  const [order, setOrder] = useState(() => plan.items.map((item) => item.id));
  const [announcement, setAnnouncement] = useState("");
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const byId = new Map(plan.items.map((item) => [item.id, item]));
  const own = resultFor(result, "prioritise");
  const changed = order.some((id, index) => plan.items[index]?.id !== id);

  function move(from: number, to: number, focus?: "up" | "down") {
    const title = byId.get(order[from] ?? "")?.title ?? "";
    setOrder((current) => moveEntry(current, from, to));
    setAnnouncement(t("tailoring.priority.moved", { title, position: to + 1, count: order.length }));
    if (focus) {
      // Keep the keyboard on the moved item, even when the button it used is now disabled.
      requestAnimationFrame(() => {
        const row = listRef.current?.children[to];
        const button =
          row?.querySelector<HTMLButtonElement>(`button[data-move="${focus}"]:not(:disabled)`) ??
          row?.querySelector<HTMLButtonElement>("button:not(:disabled)");
        button?.focus();
      });
    }
  }

  return (
    <section className="card section" aria-labelledby="priority-title">
      <h2 id="priority-title">{t("tailoring.priority.heading")}</h2>
      <p className="muted">
        {tailoring.currentStep === "ACTION_PLAN" ? t("tailoring.priority.introPlan") : t("tailoring.priority.intro")}
      </p>
      <Form method="post" action={action} className="stack">
        <ResultErrors result={own} />
        <input type="hidden" name="actionPlanId" value={plan.id} />
        <input type="hidden" name="expectedVersion" value={plan.version} />
        {order.map((id) => (
          <input key={id} type="hidden" name="itemId" value={id} />
        ))}
        <ol className="priority-list" ref={listRef} data-testid="priority-list">
          {order.map((id, index) => {
            const item = byId.get(id);
            if (!item) return null;
            const classes = [
              "priority-item",
              dragging === index ? "priority-dragging" : "",
              over === index && dragging !== index ? "priority-over" : "",
            ]
              .filter(Boolean)
              .join(" ");
            return (
              <li
                key={id}
                className={classes}
                draggable
                data-item-title={item.title}
                onDragStart={(event) => {
                  event.dataTransfer.effectAllowed = "move";
                  event.dataTransfer.setData("text/plain", id);
                  setDragging(index);
                }}
                onDragOver={(event) => {
                  event.preventDefault();
                  event.dataTransfer.dropEffect = "move";
                  if (over !== index) setOver(index);
                }}
                onDragLeave={() => setOver((current) => (current === index ? null : current))}
                onDrop={(event) => {
                  event.preventDefault();
                  if (dragging !== null) move(dragging, index);
                  setDragging(null);
                  setOver(null);
                }}
                onDragEnd={() => {
                  setDragging(null);
                  setOver(null);
                }}
              >
                <span className="priority-handle" aria-hidden="true" title={t("tailoring.priority.drag")}>
                  ⠿
                </span>
                <span className="priority-position">{index + 1}</span>
                <span className="priority-body">
                  <span className="priority-title">{item.title}</span>
                  <span className="priority-meta">
                    <OwnerBadge owner={item.owner} /> <Estimate item={item} />
                  </span>
                </span>
                <span className="priority-buttons">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    data-move="up"
                    disabled={index === 0}
                    aria-label={t("tailoring.priority.upLabel", { title: item.title })}
                    onClick={() => move(index, index - 1, "up")}
                  >
                    ↑ {t("tailoring.priority.up")}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    data-move="down"
                    disabled={index === order.length - 1}
                    aria-label={t("tailoring.priority.downLabel", { title: item.title })}
                    onClick={() => move(index, index + 1, "down")}
                  >
                    ↓ {t("tailoring.priority.down")}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
        <p className="visually-hidden" role="status" aria-live="polite">
          {announcement}
        </p>
        <div className="button-row">
          <SubmitButton intent="prioritise" busyLabel={t("tailoring.priority.saving")}>
            {tailoring.currentStep === "ACTION_PLAN"
              ? t("tailoring.priority.saveAndContinue")
              : t("tailoring.priority.save")}
          </SubmitButton>
          {changed ? <span className="muted small">{t("tailoring.priority.unsaved")}</span> : null}
        </div>
      </Form>
      <PriorityStatus plan={plan} />
      {tailoring.viewerCanConfirmPriorities && tailoring.currentStep === "PRIORITISATION" ? (
        <ConfirmForm plan={plan} result={result} action={action} dirty={changed} />
      ) : null}
    </section>
  );
}

/** The customer admin confirms the saved order (the version on screen). */
function ConfirmForm({
  plan,
  result,
  action,
  dirty,
}: {
  plan: PagePlan;
  result: TailoringResult | undefined;
  action: string;
  dirty: boolean;
}) {
  const t = useT();
  const own = resultFor(result, "confirm");
  if (!plan.prioritisedAt) return <p className="alert alert-info">{t("tailoring.priority.notYetSaved")}</p>;
  return (
    <Form method="post" action={action} className="confirm-form">
      <ResultErrors result={own} />
      <input type="hidden" name="actionPlanId" value={plan.id} />
      <input type="hidden" name="expectedVersion" value={plan.version} />
      <p>{dirty ? t("tailoring.priority.confirmDirty") : t("tailoring.priority.confirmIntro")}</p>
      <SubmitButton intent="confirm" busyLabel={t("tailoring.priority.confirming")}>
        {t("tailoring.priority.confirm")}
      </SubmitButton>
    </Form>
  );
}
