import { ITEM_OWNERS, ITEM_STATUSES, REVIEW_AREAS } from "~/lib/enums";
import { randomUUID } from "node:crypto";
import {
  AddActionItemDocument,
  AgreeEndDateDocument,
  ConfirmPrioritiesDocument,
  PrioritiseActionPlanDocument,
  RecordSystemReviewDocument,
  RemoveActionItemDocument,
  ReopenTailoringStepDocument,
  RequestTailoringDocument,
  UpdateActionItemDocument,
  type ActionItemOwner,
  type ActionItemStatus,
  type ReviewArea,
  type TailoringStep,
} from "~/graphql/graphql";
import { hasMessage, userErrorKey, type MessageKey } from "~/i18n/i18n";
import { formError, refused, type FormError, type UserErrors } from "~/lib/form-result";
import type { Api } from "~/lib/api.server";

import { parseKronor } from "~/lib/money";
import { isIsoDate } from "~/lib/dates";
import { intentOf } from "~/lib/intent.server";
import { TAILORING_INTENTS, type TailoringIntent, type TailoringResult } from "./intents";

interface Outcome {
  userErrors: UserErrors;
  subject?: string;
}

/** The API's userError code in the page's words; a reorder that lost the race has its own message. */
function messageFor(intent: TailoringIntent, code: string): MessageKey {
  if (code === "STALE_VERSION")
    return intent === "prioritise" || intent === "confirm" ? "tailoring.conflict.order" : "tailoring.conflict.plan";
  const own = `tailoring.error.${code}`;
  return hasMessage(own) ? own : userErrorKey(code);
}

/** Two codes the page words alike (e.g. two userErrors of one kind) say it once. */
function sameMessageOnce(errors: FormError[]): FormError[] {
  return errors.filter((error, index) => errors.findIndex((other) => other.key === error.key) === index);
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value.trim() : "";
}

function texts(form: FormData, name: string): string[] {
  return form.getAll(name).map((v) => (typeof v === "string" ? v.trim() : ""));
}

function integer(value: string): number | undefined {
  if (!/^\d{1,6}$/.test(value)) return undefined;
  return Number.parseInt(value, 10);
}

function pick<T extends string>(list: readonly T[], value: string): T | undefined {
  return list.find((entry) => entry === value);
}

interface ItemFields {
  title: string;
  description: string;
  why: string;
  owner: ActionItemOwner | undefined;
  estimateHours: number | undefined;
  estimateMinor: number | undefined;
}

/** The fields of the add and edit forms, checked as far as the portal can. */
function itemFields(form: FormData, errors: MessageKey[]): ItemFields {
  const title = text(form, "title");
  if (!title) errors.push("tailoring.item.titleMissing");
  else if (title.length > 200) errors.push("tailoring.item.titleTooLong");
  const owner = pick(ITEM_OWNERS, text(form, "owner"));
  if (!owner) errors.push("tailoring.item.ownerMissing");
  const hoursText = text(form, "estimateHours");
  const estimateHours = hoursText ? integer(hoursText) : undefined;
  if (hoursText && estimateHours === undefined) errors.push("tailoring.item.hoursInvalid");
  const costText = text(form, "estimateKronor");
  const estimateMinor = costText ? parseKronor(costText) : undefined;
  if (costText && (estimateMinor === undefined || estimateMinor > 2_000_000_000))
    errors.push("tailoring.item.costInvalid");
  return { title, description: text(form, "description"), why: text(form, "why"), owner, estimateHours, estimateMinor };
}

/**
 * Runs one form of the tailoring page. What the portal can check (required fields, dates, numbers)
 * is checked first; the API's userErrors come back as messages on the form.
 */
export async function runTailoringIntent(api: Api, agreementId: string, form: FormData): Promise<TailoringResult> {
  const intent: TailoringIntent = intentOf(form, TAILORING_INTENTS);
  const values: Record<string, string | string[]> = {};
  for (const name of new Set(form.keys())) {
    if (name === "intent") continue;
    const all = texts(form, name);
    values[name] = all.length > 1 || name.startsWith("finding") || name === "itemId" ? all : (all[0] ?? "");
  }
  const target = text(form, "actionItemId") || undefined;
  const errors: MessageKey[] = [];
  const versionNumber = Number.parseInt(text(form, "expectedVersion"), 10);
  const expectedVersion = Number.isSafeInteger(versionNumber) ? versionNumber : undefined;
  const tailoringId = text(form, "tailoringId");
  const actionPlanId = text(form, "actionPlanId");

  let call: (() => Promise<Outcome>) | undefined;
  let done: MessageKey = "tailoring.done.saved";

  switch (intent) {
    case "request": {
      const message = text(form, "message");
      if (message.length > 2000) errors.push("tailoring.request.tooLong");
      done = "tailoring.done.requested";
      call = async () =>
        (await api.mutate(RequestTailoringDocument, { input: { agreementId, message: message || null } }))
          .requestTailoring;
      break;
    }
    case "review": {
      const meetingOn = text(form, "meetingOn");
      if (!isIsoDate(meetingOn)) errors.push("tailoring.review.dateMissing");
      const attendees = text(form, "attendees")
        .split(/[\n,;]/)
        .map((a) => a.trim())
        .filter(Boolean);
      if (attendees.length === 0) errors.push("tailoring.review.attendeesMissing");
      const areas = texts(form, "findingArea");
      const findings = texts(form, "findingText").flatMap((finding, index) => {
        const area = pick(REVIEW_AREAS, areas[index] ?? "") ?? "OTHER";
        return finding ? [{ area, finding }] : [];
      });
      if (findings.some((f) => f.finding.length > 2000)) errors.push("tailoring.review.findingTooLong");
      const notes = text(form, "notes");
      if (notes.length > 10_000) errors.push("tailoring.review.notesTooLong");
      done = "tailoring.done.reviewed";
      call = async () =>
        (
          await api.mutate(RecordSystemReviewDocument, {
            input: { tailoringId, meetingOn, attendees, findings, notes: notes || null },
          })
        ).recordSystemReview;
      break;
    }
    case "addItem": {
      const item = itemFields(form, errors);
      const fromFindingArea: ReviewArea | undefined = pick(REVIEW_AREAS, text(form, "fromFindingArea"));
      done = "tailoring.done.itemAdded";
      call = async () => {
        const payload = (
          await api.mutate(AddActionItemDocument, {
            input: {
              actionPlanId,
              title: item.title,
              description: item.description || null,
              why: item.why || null,
              owner: item.owner ?? "VENDOR",
              estimateHours: item.estimateHours ?? null,
              estimateCost:
                item.estimateMinor === undefined ? null : { amountMinor: item.estimateMinor, currency: "SEK" },
              fromFindingArea: fromFindingArea ?? null,
            },
          })
        ).addActionItem;
        return { userErrors: payload.userErrors, subject: payload.actionItem?.title };
      };
      break;
    }
    case "updateItem": {
      const item = itemFields(form, errors);
      done = "tailoring.done.itemUpdated";
      call = async () => {
        const payload = (
          await api.mutate(UpdateActionItemDocument, {
            input: {
              actionItemId: target ?? "",
              expectedVersion,
              title: item.title,
              description: item.description,
              why: item.why,
              owner: item.owner,
              estimateHours: item.estimateHours ?? null,
              estimateCost:
                item.estimateMinor === undefined ? null : { amountMinor: item.estimateMinor, currency: "SEK" },
            },
          })
        ).updateActionItem;
        return { userErrors: payload.userErrors, subject: payload.actionItem?.title };
      };
      break;
    }
    case "removeItem":
      done = "tailoring.done.itemRemoved";
      call = async () => {
        const payload = (await api.mutate(RemoveActionItemDocument, { input: { actionItemId: target ?? "" } }))
          .removeActionItem;
        return { userErrors: payload.userErrors, subject: payload.actionItem?.title };
      };
      break;
    case "status": {
      const status: ActionItemStatus | undefined = pick(ITEM_STATUSES, text(form, "status"));
      if (!status) errors.push("tailoring.item.statusMissing");
      done = "tailoring.done.statusChanged";
      call = async () => {
        const payload = (
          await api.mutate(UpdateActionItemDocument, { input: { actionItemId: target ?? "", expectedVersion, status } })
        ).updateActionItem;
        return { userErrors: payload.userErrors, subject: payload.actionItem?.title };
      };
      break;
    }
    case "prioritise": {
      const itemIds = texts(form, "itemId").filter(Boolean);
      if (itemIds.length === 0) errors.push("userError.EMPTY_ACTION_PLAN");
      if (expectedVersion === undefined) errors.push("tailoring.conflict.order");
      done = "tailoring.done.prioritised";
      call = async () =>
        (
          await api.mutate(PrioritiseActionPlanDocument, {
            input: { actionPlanId, itemIds, expectedVersion: expectedVersion ?? -1 },
          })
        ).prioritiseActionPlan;
      break;
    }
    case "confirm":
      done = "tailoring.done.confirmed";
      call = async () =>
        (await api.mutate(ConfirmPrioritiesDocument, { input: { actionPlanId, expectedVersion } })).confirmPriorities;
      break;
    case "endDate": {
      const endOn = text(form, "endOn");
      if (!isIsoDate(endOn)) errors.push("tailoring.endDate.missing");
      done = "tailoring.done.endDate";
      call = async () => {
        const payload = (await api.mutate(AgreeEndDateDocument, { input: { actionPlanId, endOn } })).agreeEndDate;
        return { userErrors: payload.userErrors, subject: payload.actionPlan?.endOn ? "agreed" : "proposed" };
      };
      break;
    }
    case "reopen": {
      // Which steps can be reopened is the API's to say (the form lists the finished ones); a made-up name it refuses.
      const stepName = text(form, "step");
      const step = /^[A-Z_]{1,40}$/.test(stepName) ? (stepName as TailoringStep) : undefined;
      if (!step || step === "CONTACT") errors.push("tailoring.reopen.stepMissing");
      const reason = text(form, "reason");
      if (!reason) errors.push("tailoring.reopen.reasonMissing");
      else if (reason.length > 2000) errors.push("tailoring.reopen.reasonTooLong");
      done = "tailoring.done.reopened";
      call = async () =>
        (await api.mutate(ReopenTailoringStepDocument, { input: { tailoringId, step: step ?? "REVIEW", reason } }))
          .reopenTailoringStep;
      break;
    }
  }

  // The portal's own checks speak for the whole form: each message names the field it concerns.
  if (errors.length > 0 || !call)
    return { intent, target, ok: false, errors: errors.map((key) => formError(null, "INVALID_INPUT", key)), values };
  const outcome = await call();
  if (outcome.userErrors.length > 0) {
    // The tailoring forms show the API's refusals above the form, each once.
    const answer = refused(intent, outcome.userErrors, values, target);
    return {
      ...answer,
      errors: sameMessageOnce(
        answer.errors.map((error) => formError(null, error.code, messageFor(intent, error.code))),
      ),
    };
  }
  if (intent === "endDate")
    done = outcome.subject === "agreed" ? "tailoring.done.endDateAgreed" : "tailoring.done.endDateProposed";
  return { intent, target, ok: true, errors: [], values: {}, done, subject: outcome.subject, nonce: randomUUID() };
}
