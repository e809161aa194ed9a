import type { Section } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";
import { Tile } from "./tiles";

export interface Attention {
  failedEmails: number;
  lockedOut: number;
  unassignedCases: number;
  drafts: number;
}

/** The admin's "needs a person": what nobody else is set to pick up (the rest sits in the groups below). */
export function AttentionTiles({ counts, sections }: { counts: Attention; sections: readonly Section[] }) {
  const t = useT();
  return (
    <>
      <h2 className="dash-group">{t("dashboard.attentionGroup")}</h2>
      <div className="tiles">
        <Tile
          id="failed-emails"
          sections={sections}
          value={counts.failedEmails}
          tone={counts.failedEmails > 0 ? "bad" : "good"}
          label={t("dashboard.failedEmails")}
          hint={counts.failedEmails > 0 ? t("dashboard.failedEmailsHint") : undefined}
          to="/admin/outbox"
          linkLabel={t("dashboard.showOutbox")}
        />
        <Tile
          id="locked-out"
          sections={sections}
          value={counts.lockedOut}
          tone={counts.lockedOut > 0 ? "warn" : "good"}
          label={t("dashboard.lockedOut")}
          to="/admin/users#lockouts"
          linkLabel={t("dashboard.showLockedOut")}
        />
        <Tile
          id="unassigned-cases"
          sections={sections}
          value={counts.unassignedCases}
          tone={counts.unassignedCases > 0 ? "warn" : "good"}
          label={t("dashboard.unassignedCases")}
          to="/support-queue?view=unassigned"
          linkLabel={t("dashboard.showUnassigned")}
        />
        <Tile
          id="draft-agreements"
          sections={sections}
          value={counts.drafts}
          tone={counts.drafts > 0 ? "warn" : "neutral"}
          label={t("dashboard.draftAgreements")}
          hint={counts.drafts > 0 ? t("dashboard.draftAgreementsHint") : undefined}
          to="/agreements?status=DRAFT"
          linkLabel={t("dashboard.showDrafts")}
        />
      </div>
    </>
  );
}
