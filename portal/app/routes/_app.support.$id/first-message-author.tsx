import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";

interface Opening {
  contactSender?: { name: string; email: string } | null;
  openedBy?: { name: string; organisationName: string } | null;
  openedAt: string;
}

/**
 * Who wrote the case's first text: the sender on the contact page when it came from there (the staff member who
 * linked it did not write it, decision 0103), Trygg's monitoring when nobody did, else the person who opened it.
 */
export function FirstMessageAuthor({ c }: { c: Opening }) {
  const t = useT();
  const lang = useLang();
  const when = formatDateTime(lang, c.openedAt);
  if (c.contactSender)
    return (
      <>
        <strong data-testid="contact-sender">{c.contactSender.name}</strong>{" "}
        <span className="muted small">
          <a href={`mailto:${c.contactSender.email}`}>{c.contactSender.email}</a> · {t("support.fromContactPage")} ·{" "}
          {when}
        </span>
      </>
    );
  return (
    <>
      {/* A case monitoring opened has nobody behind it (source MONITORING). */}
      <strong>{c.openedBy?.name ?? t("support.openedByMonitoring")}</strong>{" "}
      <span className="muted small">
        {c.openedBy ? `${c.openedBy.organisationName} · ` : ""}
        {when}
      </span>
    </>
  );
}
