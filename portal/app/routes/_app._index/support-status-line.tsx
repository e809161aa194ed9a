import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";

// TODO(lead): support-portal builds components/support-status.tsx from the same calendar; keep one.
/** "Supporten har öppet nu" or "Supporten öppnar tis 08:00", from the vendor's support calendar. */
export function SupportStatusLine({ calendar }: { calendar: { isOpen: boolean; nextOpening: string; nextClosing: string } }) {
  const t = useT();
  const lang = useLang();
  return (
    <p className={`dash-support ${calendar.isOpen ? "is-open" : "is-closed"}`} data-testid="support-status">
      <span className="dash-dot" aria-hidden="true" />
      {calendar.isOpen
        ? t("dashboard.supportOpen", { until: formatDateTime(lang, calendar.nextClosing) })
        : t("dashboard.supportClosed", { opens: formatDateTime(lang, calendar.nextOpening) })}
    </p>
  );
}
