import type { AgreementStatus } from "~/graphql/graphql";
import { useT } from "~/i18n/use-t";

/** Utkast / Aktivt / Löper ut snart / Utgånget / Uppsagt, each in its own colour. */
export function AgreementStatusBadge({ status }: { status: AgreementStatus }) {
  const t = useT();
  return <span className={`badge badge-agreement-${status.toLowerCase()}`}>{t(`agreementStatus.${status}`)}</span>;
}

/** "30 dagar kvar", "Slutar i dag", "Slutade för 35 dagar sedan"; a dash for drafts. */
export function DaysLeft({ days }: { days: number | null | undefined }) {
  const t = useT();
  if (days == null) return <span className="muted">{t("common.none")}</span>;
  if (days === 0) return <span>{t("agreements.endsToday")}</span>;
  if (days < 0) return <span className="muted">{t("agreements.endedDaysAgo", { days: -days })}</span>;
  return <span>{t("agreements.daysLeft", { days })}</span>;
}
