import { Form, Link, useNavigation, useSearchParams } from "@remix-run/react";
import { useRef, useState } from "react";
import { SubmitButton } from "~/components/submit-button";
import type { ActionItemOwner } from "~/graphql/graphql";
import { formatDateTime, formatNumber } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { ITEM_OWNERS, ITEM_STATUSES, formatAmount, formatDay, mayTailor, moveEntry, partyOf } from "~/lib/tailoring";
import type { TailoringResult } from "./intents";
import { FormMessages } from "./sections";
import { resultFor, typed, type PageAgreement, type PageItem, type PagePlan, type PageReview, type PageTailoring, type SectionProps } from "./types";

/** "6 h · 12 500 kr", or a dash. */
export function Estimate({ item }: { item: Pick<PageItem, "estimateHours" | "estimateCost"> }) {
  const t = useT();
  const lang = useLang();
  const parts: string[] = [];
  if (item.estimateHours != null) parts.push(t("tailoring.item.hours", { hours: formatNumber(lang, item.estimateHours) }));
  if (item.estimateCost) parts.push(formatAmount(lang, item.estimateCost));
  return <>{parts.length > 0 ? parts.join(" · ") : t("common.none")}</>;
}

export function OwnerBadge({ owner }: { owner: ActionItemOwner }) {
  const t = useT();
  return <span className={`badge badge-${owner.toLowerCase()}`}>{t(`tailoring.owner.${owner}`)}</span>;
}

interface ItemFormProps {
  idPrefix: string;
  own: TailoringResult | undefined;
  defaults: { title?: string; description?: string; why?: string; owner?: ActionItemOwner; estimateHours?: string; estimateKronor?: string };
}

/** The fields of an action item: what, details, why, who, estimate in hours or kronor. */
function ItemFields({ idPrefix, own, defaults }: ItemFormProps) {
  const t = useT();
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <div className="form-row">
        <div className="field field-grow">
          <label htmlFor={id("title")}>{t("tailoring.item.title")}</label>
          <input id={id("title")} name="title" required maxLength={200} defaultValue={typed(own, "title") ?? defaults.title} />
        </div>
        <div className="field">
          <label htmlFor={id("owner")}>{t("tailoring.item.owner")}</label>
          <select id={id("owner")} name="owner" defaultValue={typed(own, "owner") ?? defaults.owner ?? "VENDOR"}>
            {ITEM_OWNERS.map((owner) => (
              <option key={owner} value={owner}>
                {t(`tailoring.owner.${owner}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-row">
        <div className="field field-grow">
          <label htmlFor={id("description")}>{t("tailoring.item.description")}</label>
          <textarea id={id("description")} name="description" rows={2} defaultValue={typed(own, "description") ?? defaults.description} />
        </div>
        <div className="field field-grow">
          <label htmlFor={id("why")}>{t("tailoring.item.why")}</label>
          <textarea id={id("why")} name="why" rows={2} defaultValue={typed(own, "why") ?? defaults.why} />
        </div>
      </div>
      <div className="form-row">
        <div className="field">
          <label htmlFor={id("hours")}>{t("tailoring.item.estimateHours")}</label>
          <input id={id("hours")} name="estimateHours" inputMode="numeric" pattern="[0-9]*" size={8} defaultValue={typed(own, "estimateHours") ?? defaults.estimateHours} />
        </div>
        <div className="field">
          <label htmlFor={id("kronor")}>{t("tailoring.item.estimateKronor")}</label>
          <input id={id("kronor")} name="estimateKronor" inputMode="decimal" size={12} defaultValue={typed(own, "estimateKronor") ?? defaults.estimateKronor} />
        </div>
        <p className="hint form-row-hint">{t("tailoring.item.estimateHint")}</p>
      </div>
    </>
  );
}

function kronorText(item: PageItem): string | undefined {
  if (!item.estimateCost) return undefined;
  const { amountMinor } = item.estimateCost;
  return amountMinor % 100 === 0 ? String(amountMinor / 100) : (amountMinor / 100).toFixed(2).replace(".", ",");
}

/** Step 3: write the plan. Items can be added (also from a finding), changed and removed. */
export function PlanEditor({ plan, review, result, action }: { plan: PagePlan; review: PageReview | null; result: TailoringResult | undefined; action: string }) {
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
                  <Form method="post" action={action} className="stack" aria-label={t("tailoring.item.editLabel", { title: item.title })}>
                    <FormMessages result={own} />
                    <input type="hidden" name="actionItemId" value={item.id} />
                    <input type="hidden" name="expectedVersion" value={item.version} />
                    <ItemFields
                      idPrefix={`edit-${item.id}`}
                      own={own}
                      defaults={{ title: item.title, description: item.description, why: item.why, owner: item.owner, estimateHours: item.estimateHours?.toString(), estimateKronor: kronorText(item) }}
                    />
                    <div className="button-row">
                      <SubmitButton intent="updateItem" match={{ actionItemId: item.id }} busyLabel={t("tailoring.item.saving")}>
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
                    {item.why ? <p className="plan-item-text muted">{t("tailoring.item.whyText", { why: item.why })}</p> : null}
                    <p className="plan-item-meta">
                      <OwnerBadge owner={item.owner} /> <Estimate item={item} />
                      {item.fromFindingArea ? <span className="muted small"> · {t("tailoring.item.fromFinding", { area: t(`tailoring.area.${item.fromFindingArea}`) })}</span> : null}
                    </p>
                  </div>
                </div>
                <div className="button-row">
                  <Link to={`?edit=${item.id}#item-${item.id}`} className="button button-secondary button-small" aria-label={t("tailoring.item.editLabel", { title: item.title })}>
                    {t("tailoring.item.edit")}
                  </Link>
                  <Form
                    method="post"
                    action={action}
                    onSubmit={(event) => {
                      if (!window.confirm(t("tailoring.item.removeConfirm", { title: item.title }))) event.preventDefault();
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
                {removed && !removed.ok ? <FormMessages result={removed} /> : null}
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
          <FormMessages result={added} />
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
            defaults={finding ? { title: finding.finding.slice(0, 200), why: t("tailoring.item.findingWhy", { finding: finding.finding }), owner: "VENDOR" } : {}}
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

/** Step 4: put the items in order — by dragging, or with the up/down buttons — and save the order. */
export function PriorityList({ plan, tailoring, role, result, action }: { plan: PagePlan; tailoring: PageTailoring; role: SectionProps["role"]; result: TailoringResult | undefined; action: string }) {
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
        const button = row?.querySelector<HTMLButtonElement>(`button[data-move="${focus}"]:not(:disabled)`) ?? row?.querySelector<HTMLButtonElement>("button:not(:disabled)");
        button?.focus();
      });
    }
  }

  return (
    <section className="card section" aria-labelledby="priority-title">
      <h2 id="priority-title">{t("tailoring.priority.heading")}</h2>
      <p className="muted">{tailoring.currentStep === "ACTION_PLAN" ? t("tailoring.priority.introPlan") : t("tailoring.priority.intro")}</p>
      <Form method="post" action={action} className="stack">
        <FormMessages result={own} />
        <input type="hidden" name="actionPlanId" value={plan.id} />
        <input type="hidden" name="expectedVersion" value={plan.version} />
        {order.map((id) => (
          <input key={id} type="hidden" name="itemId" value={id} />
        ))}
        <ol className="priority-list" ref={listRef} data-testid="priority-list">
          {order.map((id, index) => {
            const item = byId.get(id);
            if (!item) return null;
            const classes = ["priority-item", dragging === index ? "priority-dragging" : "", over === index && dragging !== index ? "priority-over" : ""].filter(Boolean).join(" ");
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
            {tailoring.currentStep === "ACTION_PLAN" ? t("tailoring.priority.saveAndContinue") : t("tailoring.priority.save")}
          </SubmitButton>
          {changed ? <span className="muted small">{t("tailoring.priority.unsaved")}</span> : null}
        </div>
      </Form>
      <PriorityStatus plan={plan} />
      {mayTailor(role, "confirm") && tailoring.currentStep === "PRIORITISATION" ? <ConfirmForm plan={plan} result={result} action={action} dirty={changed} /> : null}
    </section>
  );
}

/** Who set the order and who confirmed it, and when. */
export function PriorityStatus({ plan }: { plan: PagePlan }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="priority-status">
      {plan.prioritisedAt ? (
        <p className="muted small" data-testid="prioritised-by">
          {t("tailoring.priority.savedBy", { name: plan.prioritisedBy?.name ?? t("common.none"), date: formatDateTime(lang, plan.prioritisedAt) })}
        </p>
      ) : null}
      {plan.prioritiesConfirmedAt ? (
        <p className="confirmed" data-testid="confirmed-by">
          ✓ {t("tailoring.priority.confirmedBy", { name: plan.prioritiesConfirmedBy?.name ?? t("common.none"), date: formatDateTime(lang, plan.prioritiesConfirmedAt) })}
        </p>
      ) : null}
    </div>
  );
}

/** The customer admin confirms the saved order (the version on screen). */
function ConfirmForm({ plan, result, action, dirty }: { plan: PagePlan; result: TailoringResult | undefined; action: string; dirty: boolean }) {
  const t = useT();
  const own = resultFor(result, "confirm");
  if (!plan.prioritisedAt) return <p className="alert alert-info">{t("tailoring.priority.notYetSaved")}</p>;
  return (
    <Form method="post" action={action} className="confirm-form">
      <FormMessages result={own} />
      <input type="hidden" name="actionPlanId" value={plan.id} />
      <input type="hidden" name="expectedVersion" value={plan.version} />
      <p>{dirty ? t("tailoring.priority.confirmDirty") : t("tailoring.priority.confirmIntro")}</p>
      <SubmitButton intent="confirm" busyLabel={t("tailoring.priority.confirming")}>
        {t("tailoring.priority.confirm")}
      </SubmitButton>
    </Form>
  );
}

/** Step 5: one party proposes an end date, the other agrees it. */
export function EndDateSection({ agreement, plan, role, result, action }: { agreement: PageAgreement; plan: PagePlan; role: SectionProps["role"]; result: TailoringResult | undefined; action: string }) {
  const t = useT();
  const lang = useLang();
  const own = resultFor(result, "endDate");
  const party = partyOf(role);
  const canAct = mayTailor(role, "plan") && party !== undefined;
  const agreementEnd = agreement.terminatedOn && agreement.terminatedOn < agreement.endsOn ? agreement.terminatedOn : agreement.endsOn;
  const mine = party === "VENDOR" ? plan.vendorAgreedBy : plan.customerAgreedBy;
  return (
    <section className="card section" aria-labelledby="end-date-title">
      <h2 id="end-date-title">{t("tailoring.endDate.heading")}</h2>
      <p className="muted">{t("tailoring.endDate.intro", { from: formatDay(lang, agreement.startsOn), to: formatDay(lang, agreementEnd) })}</p>
      {plan.proposedEndOn ? (
        <div className="proposal" data-testid="end-date-proposal">
          <p className="proposal-date">{t("tailoring.endDate.proposed", { date: formatDay(lang, plan.proposedEndOn) })}</p>
          <ul className="agreed-list">
            <li>
              {t("tailoring.endDate.vendorSide")}: {plan.vendorAgreedBy ? <strong>✓ {plan.vendorAgreedBy.name}</strong> : <span className="muted">{t("tailoring.endDate.notYet")}</span>}
            </li>
            <li>
              {t("tailoring.endDate.customerSide")}: {plan.customerAgreedBy ? <strong>✓ {plan.customerAgreedBy.name}</strong> : <span className="muted">{t("tailoring.endDate.notYet")}</span>}
            </li>
          </ul>
          {canAct && !mine ? (
            <Form method="post" action={action}>
              <input type="hidden" name="actionPlanId" value={plan.id} />
              <input type="hidden" name="endOn" value={plan.proposedEndOn} />
              <SubmitButton intent="endDate" match={{ endOn: plan.proposedEndOn }} busyLabel={t("tailoring.endDate.agreeing")}>
                {t("tailoring.endDate.agree", { date: formatDay(lang, plan.proposedEndOn) })}
              </SubmitButton>
            </Form>
          ) : null}
          {canAct && mine ? <p className="muted small">{t("tailoring.endDate.waitingOther")}</p> : null}
        </div>
      ) : (
        <p className="empty-inline">{t("tailoring.endDate.none")}</p>
      )}
      {canAct ? (
        <Form method="post" action={action} className="inline-form" key={own?.ok ? own.nonce : "end-date"}>
          <FormMessages result={own} />
          <input type="hidden" name="actionPlanId" value={plan.id} />
          <div className="field">
            <label htmlFor="endOn">{plan.proposedEndOn ? t("tailoring.endDate.otherDate") : t("tailoring.endDate.date")}</label>
            <input id="endOn" name="endOn" type="date" required min={agreement.startsOn} max={agreementEnd} defaultValue={typed(own, "endOn")} />
          </div>
          <SubmitButton intent="endDate" busyLabel={t("tailoring.endDate.proposing")} className={plan.proposedEndOn ? "button button-secondary" : "button"}>
            {t("tailoring.endDate.propose")}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  );
}

/** The plan's items in their agreed order; after the end date, with progress that may still change. */
export function PlanTable({ plan, role, done, result, action }: { plan: PagePlan; role: SectionProps["role"]; done: boolean; result: TailoringResult | undefined; action: string }) {
  const t = useT();
  const late = new Set(plan.itemsPastEndDate.map((i) => i.id));
  const canChangeStatus = done && mayTailor(role, "plan");
  const settled = useNavigation().state === "idle";
  return (
    <div className="table-wrap">
      <table className="plan-table">
        <caption className="visually-hidden">{t("tailoring.plan.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              #
            </th>
            <th scope="col">{t("tailoring.item.title")}</th>
            <th scope="col">{t("tailoring.item.owner")}</th>
            <th scope="col">{t("tailoring.item.estimate")}</th>
            <th scope="col">{t("tailoring.item.status")}</th>
          </tr>
        </thead>
        <tbody>
          {plan.items.map((item) => {
            const own = resultFor(result, "status", item.id);
            return (
              <tr key={item.id} className={late.has(item.id) ? "item-late" : undefined} data-item-title={item.title}>
                <td className="numeric tabular">{item.position}</td>
                <th scope="row">
                  {item.title}
                  {late.has(item.id) ? <span className="badge badge-late">{t("tailoring.item.late")}</span> : null}
                  {item.why ? <span className="cell-note">{item.why}</span> : null}
                </th>
                <td>
                  <OwnerBadge owner={item.owner} />
                </td>
                <td className="tabular">
                  <Estimate item={item} />
                </td>
                <td>
                  {canChangeStatus ? (
                    <Form method="post" action={action} className="status-form" preventScrollReset>
                      <input type="hidden" name="actionItemId" value={item.id} />
                      <input type="hidden" name="expectedVersion" value={item.version} />
                      <label htmlFor={`status-${item.id}`} className="visually-hidden">
                        {t("tailoring.item.statusLabel", { title: item.title })}
                      </label>
                      <select id={`status-${item.id}`} name="status" defaultValue={item.status} key={`${item.id}-${item.version}`}>
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
                      {own && !own.ok ? <FormMessages result={own} /> : null}
                      {settled && own?.ok ? (
                        <span className="saved-mark" role="status">
                          ✓ {t("tailoring.item.statusSaved")}
                        </span>
                      ) : null}
                    </Form>
                  ) : (
                    <span className={`badge badge-status-${item.status.toLowerCase()}`}>{t(`tailoring.itemStatus.${item.status}`)}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** All five steps done: progress, the agreed end date and the next service visit. */
export function DoneSummary({ agreement, plan }: { agreement: PageAgreement; plan: PagePlan }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card section done-summary" aria-labelledby="done-title">
      <h2 id="done-title">{t("tailoring.done.heading")}</h2>
      <div className="progress-block">
        <p className="progress-label" id="progress-label">
          {t("tailoring.done.progress", { percent: plan.percentDone })}
        </p>
        <div className="progress" role="progressbar" aria-labelledby="progress-label" aria-valuemin={0} aria-valuemax={100} aria-valuenow={plan.percentDone}>
          <span className="progress-fill" style={{ width: `${plan.percentDone}%` }} />
        </div>
      </div>
      <dl className="facts">
        <dt>{t("tailoring.done.endOn")}</dt>
        <dd data-testid="agreed-end-date">{plan.endOn ? formatDay(lang, plan.endOn) : t("common.none")}</dd>
        <dt>{t("tailoring.done.agreedBy")}</dt>
        <dd>{[plan.vendorAgreedBy?.name, plan.customerAgreedBy?.name].filter(Boolean).join(", ") || t("common.none")}</dd>
      </dl>
      {plan.proposedServiceVisitOn ? (
        <p className="alert alert-info service-visit" data-testid="service-visit">
          {t("tailoring.done.visit", { date: formatDay(lang, plan.proposedServiceVisitOn) })}
        </p>
      ) : !agreement.tier.annualVisit ? (
        <p className="muted" data-testid="service-visit">
          {t("tailoring.done.noVisit", { tier: agreement.tier.name })}
        </p>
      ) : null}
      {plan.itemsPastEndDate.length > 0 ? (
        <p className="alert alert-error" role="status">
          {t("tailoring.done.late", { count: plan.itemsPastEndDate.length })}
        </p>
      ) : null}
    </section>
  );
}
