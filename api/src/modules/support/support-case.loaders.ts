import DataLoader from "dataloader";
import { inArray } from "drizzle-orm";
import type { Context } from "../../context.js";
import { supportCaseAttachments } from "../../db/schema/index.js";
import { requireViewer } from "../../shared/auth.js";
import type { SupportCalendar } from "./support-calendar.js";
import { supportCalendar } from "./support-calendar.service.js";
import { pausesOf, visibleAttachmentsOf, visibleMessagesOf, type PauseRow, type SupportAttachmentRow, type SupportMessageRow } from "./support-case.service.js";

function grouped<Row>(load: (ids: readonly string[]) => Promise<Row[]>, key: (r: Row) => string | null) {
  return new DataLoader<string, Row[]>(async (ids) => {
    const rows = await load(ids);
    return ids.map((id) => rows.filter((r) => key(r) === id));
  });
}

export interface SupportLoaders {
  messagesByCase: DataLoader<string, SupportMessageRow[]>;
  attachmentsByCase: DataLoader<string, SupportAttachmentRow[]>;
  pausesByCase: DataLoader<string, PauseRow[]>;
  /** The calendar once per request: one revision read however many cases a page shows. */
  calendar: () => Promise<SupportCalendar>;
}

/**
 * Per-request loaders of this module, kept beside the request's context rather than in it so the
 * module stays self-contained. Messages and attachments go through the viewer's message scope, so
 * an internal note never reaches the wrong side even through a relation.
 */
const perRequest = new WeakMap<Context, SupportLoaders>();

export function supportLoaders(ctx: Context): SupportLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    const viewer = requireViewer(ctx);
    let calendar: Promise<SupportCalendar> | undefined;
    loaders = {
      messagesByCase: grouped((ids) => visibleMessagesOf(ctx.db, viewer, ids), (m) => m.caseId),
      attachmentsByCase: grouped((ids) => visibleAttachmentsOf(ctx.db, viewer, inArray(supportCaseAttachments.caseId, [...ids])), (a) => a.caseId),
      pausesByCase: grouped((ids) => pausesOf(ctx.db, ids), (p) => p.caseId),
      calendar: () => (calendar ??= supportCalendar(ctx.db)),
    };
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
