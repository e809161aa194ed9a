import DataLoader from "dataloader";
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { supportCaseAttachments } from "../../db/schema/index.js";
import { unauthenticated } from "../../shared/errors.js";
import { firstBy, groupBy } from "../../shared/group-by.js";
import type { Viewer } from "../../shared/viewer.js";
import type { SupportCalendar } from "./support-calendar.js";
import { supportCalendar } from "./support-calendar.service.js";
import { pausesOf } from "./case-clock.js";
import { attachmentContentOf } from "./support-case-attachments.js";
import {
  visibleAttachmentsOf,
  visibleCasesOf,
  visibleMessagesOf,
  type PauseRow,
  type SupportAttachmentRow,
  type SupportCaseRow,
  type SupportMessageRow,
} from "./support-case.service.js";

function grouped<Row>(load: (ids: readonly string[]) => Promise<Row[]>, key: (r: Row) => string | null) {
  return new DataLoader<string, Row[]>(async (ids) => groupBy(ids, await load(ids), key));
}

export interface SupportLoaders {
  /** A case by id through the viewer's scope (a relation to a case, e.g. a contact request's); null if not visible. */
  visibleSupportCase: DataLoader<string, SupportCaseRow | null>;
  messagesByCase: DataLoader<string, SupportMessageRow[]>;
  attachmentsByCase: DataLoader<string, SupportAttachmentRow[]>;
  /** The bytes of attachments already loaded through the scope, by id. */
  attachmentContent: DataLoader<string, Buffer>;
  pausesByCase: DataLoader<string, PauseRow[]>;
  /** The calendar once per request: one revision read however many cases a page shows. */
  supportCalendar: () => Promise<SupportCalendar>;
}

/**
 * Per-request loaders of support cases. Messages and attachments go through the viewer's message
 * scope, so an internal note never reaches the wrong side even through a relation; without a
 * viewer they refuse rather than answer unscoped.
 */
export function createSupportLoaders(db: Db, viewer: Viewer | null): SupportLoaders {
  const scoped = (): Viewer => {
    if (!viewer) throw unauthenticated();
    return viewer;
  };
  let calendar: Promise<SupportCalendar> | undefined;
  return {
    visibleSupportCase: new DataLoader(async (ids) =>
      firstBy(ids, await visibleCasesOf(db, scoped(), ids), (c) => c.id).map((c) => c ?? null),
    ),
    messagesByCase: grouped(
      (ids) => visibleMessagesOf(db, scoped(), ids),
      (m) => m.caseId,
    ),
    attachmentsByCase: grouped(
      (ids) => visibleAttachmentsOf(db, scoped(), inArray(supportCaseAttachments.caseId, [...ids])),
      (a) => a.caseId,
    ),
    attachmentContent: new DataLoader(async (ids) =>
      firstBy(ids, await attachmentContentOf(db, ids), (r) => r.id).map(
        (r, i) => r?.content ?? new Error(`attachment ${ids[i]} has no content`),
      ),
    ),
    pausesByCase: grouped(
      (ids) => pausesOf(db, ids),
      (p) => p.caseId,
    ),
    supportCalendar: () => (calendar ??= supportCalendar(db)),
  };
}
