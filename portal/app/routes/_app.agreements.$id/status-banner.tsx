import { formatDate, formatNumber, type Translate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { IntentButton, IntentForm } from "~/components/intent-form";
import { RenewForm } from "./renew-form";
import type { AgreementData, SectionProps } from "./section-props";

/** One line of "what the customer loses", in the user's language. */
export function lapseText(t: Translate, item: AgreementData["lapsePreview"][number], agreement: AgreementData): string {
  switch (item.benefit) {
    case "HANTERA_ACCOUNTS":
      return t("lapse.HANTERA_ACCOUNTS", { quantity: item.quantity ?? 0 });
    case "LICENCE_RENTAL":
      return t("lapse.LICENCE_RENTAL", {
        quantity: item.quantity ?? 0,
        kind: item.licenceKind ? t(`licenceKind.${item.licenceKind}`) : "",
      });
    case "HOSTING": {
      const hosting = agreement.addOns.find((addOn) => addOn.kind === "HOSTING" && addOn.active);
      const services = hosting?.hostedServices.map((service) => t(`hostedService.${service}`)).join(", ");
      return services ? t("lapse.HOSTING_SERVICES", { services }) : t("lapse.HOSTING");
    }
    default:
      return t(`lapse.${item.benefit}`);
  }
}

/** Draft, expiring, expired or terminated: what that means and what can be done now. */
export function StatusBanner({ agreement, today }: SectionProps) {
  const t = useT();
  const lang = useLang();
  switch (agreement.status) {
    case "DRAFT":
      return (
        <section className="banner banner-info" aria-labelledby="banner-title">
          <h2 id="banner-title">{t("agreement.draftTitle")}</h2>
          <p>{t("agreement.draftText", { start: formatDate(lang, agreement.startsOn) })}</p>
          {agreement.viewerCanActivate ? (
            <IntentForm intent="activate" hidden={{ expectedVersion: String(agreement.version) }}>
              {() => (
                <IntentButton intent="activate" busy={t("agreement.activating")}>
                  {t("agreement.activate")}
                </IntentButton>
              )}
            </IntentForm>
          ) : null}
        </section>
      );
    case "EXPIRING":
    case "EXPIRED": {
      const expiring = agreement.status === "EXPIRING";
      return (
        <section
          className={`banner ${expiring ? "banner-warning" : "banner-danger"}`}
          aria-labelledby="banner-title"
          data-testid="renewal-banner"
        >
          <h2 id="banner-title">
            {expiring
              ? t("agreement.expiringTitle", {
                  date: formatDate(lang, agreement.endsOn),
                  days: formatNumber(lang, agreement.daysLeft ?? 0),
                })
              : t("agreement.expiredTitle", { date: formatDate(lang, agreement.endsOn) })}
          </h2>
          {agreement.lapsePreview.length > 0 ? (
            <>
              <p>{t(expiring ? "agreement.lapseIntro" : "agreement.lapseIntroExpired")}</p>
              <ul className="lapse-list" aria-label={t("agreement.lapseLabel")}>
                {agreement.lapsePreview.map((item, index) => (
                  <li key={`${item.benefit}-${index}`} data-benefit={item.benefit}>
                    {lapseText(t, item, agreement)}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t("agreement.expiredText")}</p>
          )}
          {agreement.viewerCanRenew ? (
            <RenewForm agreement={agreement} today={today} />
          ) : (
            <p className="muted">
              {t("agreement.askSeller", { seller: agreement.seller?.name ?? t("agreement.yourSeller") })}
            </p>
          )}
        </section>
      );
    }
    case "TERMINATED":
      return (
        <section className="banner banner-neutral" aria-labelledby="banner-title">
          <h2 id="banner-title">
            {t("agreement.terminatedTitle", { date: formatDate(lang, agreement.terminatedOn ?? agreement.endsOn) })}
          </h2>
          {agreement.terminationReason ? (
            <p>{t("agreement.terminationReason", { reason: agreement.terminationReason })}</p>
          ) : null}
        </section>
      );
    default:
      return null;
  }
}
