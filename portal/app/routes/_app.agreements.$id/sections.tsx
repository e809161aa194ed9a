import type { ReactNode } from "react";
import type { AgreementPageQuery, AgreementStatus, Role } from "~/graphql/graphql";
import { formatDate, formatDateTime, formatNumber, type Translate } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { may } from "~/lib/agreements";
import { formatMoney } from "~/lib/money";
import { addYear, nextDay } from "~/lib/dates";
import { HOSTED_SERVICES, LICENCE_KINDS } from "./constants";
import { IntentButton, IntentForm, SuccessNotice } from "./forms";

export type AgreementData = NonNullable<AgreementPageQuery["agreement"]>;

interface SectionProps {
  agreement: AgreementData;
  role: Role;
  today: string;
}

/** Active and expiring agreements are valid: benefits can be used and changed. */
export function isValidStatus(status: AgreementStatus): boolean {
  return status === "ACTIVE" || status === "EXPIRING";
}

function isRenewable(status: AgreementStatus): boolean {
  return status === "ACTIVE" || status === "EXPIRING" || status === "EXPIRED";
}

/** One line of "what the customer loses", in the user's language. */
export function lapseText(t: Translate, item: AgreementData["lapsePreview"][number], agreement: AgreementData): string {
  switch (item.benefit) {
    case "HANTERA_ACCOUNTS":
      return t("lapse.HANTERA_ACCOUNTS", { quantity: item.quantity ?? 0 });
    case "LICENCE_RENTAL":
      return t("lapse.LICENCE_RENTAL", { quantity: item.quantity ?? 0, kind: item.licenceKind ? t(`licenceKind.${item.licenceKind}`) : "" });
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
export function StatusBanner({ agreement, role, today }: SectionProps) {
  const t = useT();
  const lang = useLang();
  const manager = may(role, "manage");
  switch (agreement.status) {
    case "DRAFT":
      return (
        <section className="banner banner-info" aria-labelledby="banner-title">
          <h2 id="banner-title">{t("agreement.draftTitle")}</h2>
          <p>{t("agreement.draftText", { start: formatDate(lang, agreement.startsOn) })}</p>
          {manager ? (
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
        <section className={`banner ${expiring ? "banner-warning" : "banner-danger"}`} aria-labelledby="banner-title" data-testid="renewal-banner">
          <h2 id="banner-title">
            {expiring
              ? t("agreement.expiringTitle", { date: formatDate(lang, agreement.endsOn), days: formatNumber(lang, agreement.daysLeft ?? 0) })
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
          {manager ? (
            <RenewForm agreement={agreement} role={role} today={today} />
          ) : (
            <p className="muted">{t("agreement.askSeller", { seller: agreement.seller?.name ?? t("agreement.yourSeller") })}</p>
          )}
        </section>
      );
    }
    case "TERMINATED":
      return (
        <section className="banner banner-neutral" aria-labelledby="banner-title">
          <h2 id="banner-title">{t("agreement.terminatedTitle", { date: formatDate(lang, agreement.terminatedOn ?? agreement.endsOn) })}</h2>
          {agreement.terminationReason ? <p>{t("agreement.terminationReason", { reason: agreement.terminationReason })}</p> : null}
        </section>
      );
    default:
      return null;
  }
}

function RenewForm({ agreement }: SectionProps) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="subform" id="renew">
      <h3>{t("agreement.renewHeading")}</h3>
      <p className="hint">{t("agreement.renewHint", { start: formatDate(lang, nextDay(agreement.endsOn)) })}</p>
      <IntentForm intent="renew" fields={["endsOn", "carryOverRentals"]} hidden={{ expectedVersion: String(agreement.version) }} className="inline-form">
        {(f) => (
          <>
            <div className="field">
              <label htmlFor={f.props("endsOn").id}>{t("agreement.newEnd")}</label>
              <input type="date" required {...f.props("endsOn")} defaultValue={f.value("endsOn", addYear(agreement.endsOn))} min={nextDay(agreement.endsOn)} />
              {f.error("endsOn")}
            </div>
            <div className="field field-check">
              <label className="check">
                <input type="checkbox" {...f.props("carryOverRentals")} defaultChecked={f.failed ? f.value("carryOverRentals") === "on" : agreement.licenceRentals.some((r) => r.active)} />
                {t("agreement.carryOver")}
              </label>
              {f.error("carryOverRentals")}
            </div>
            <IntentButton intent="renew" busy={t("agreement.renewing")}>
              {t("agreement.renew")}
            </IntentButton>
          </>
        )}
      </IntentForm>
    </div>
  );
}

export function PartiesCard({ agreement }: { agreement: AgreementData }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="parties-title">
      <h2 id="parties-title">{t("agreement.parties")}</h2>
      <dl className="facts">
        <dt>{t("field.customer")}</dt>
        <dd>
          {agreement.customer.name}
          <br />
          <span className="muted small tabular">{agreement.customer.organisationNumber}</span>
        </dd>
        <dt>{t("agreements.partner")}</dt>
        <dd>{agreement.partner ? agreement.partner.name : <span className="muted">{t("agreement.signedDirectlyLong")}</span>}</dd>
        <dt>{t("agreement.seller")}</dt>
        <dd>
          {agreement.seller ? (
            <>
              {agreement.seller.name}
              <br />
              <a href={`mailto:${agreement.seller.email}`} className="small">
                {agreement.seller.email}
              </a>
            </>
          ) : (
            <span className="muted">{t("common.none")}</span>
          )}
        </dd>
        <dt>{t("agreements.tier")}</dt>
        <dd>{agreement.tier.name}</dd>
        <dt>{t("agreement.validity")}</dt>
        <dd>
          {formatDate(lang, agreement.startsOn)} – {formatDate(lang, agreement.terminatedOn ?? agreement.endsOn)}
        </dd>
        {agreement.activatedAt ? (
          <>
            <dt>{t("agreement.activatedAt")}</dt>
            <dd>{formatDateTime(lang, agreement.activatedAt)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function Benefit({ included, children }: { included: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <li className={included ? "benefit benefit-yes" : "benefit benefit-no"}>
      <span className="benefit-mark" aria-hidden="true">
        {included ? "✓" : "–"}
      </span>
      <span>
        {children}
        {included ? null : <span className="visually-hidden"> ({t("agreement.notIncluded")})</span>}
      </span>
    </li>
  );
}

export function TierCard({ agreement }: { agreement: AgreementData }) {
  const t = useT();
  const lang = useLang();
  const { tier } = agreement;
  return (
    <section className="card" aria-labelledby="tier-title">
      <h2 id="tier-title">{t("agreement.tierBenefits", { tier: tier.name })}</h2>
      <p className="muted small">{t(`tierDescription.${tier.code}`)}</p>
      <ul className="benefits">
        <Benefit included={tier.annualVisit}>{t("benefit.annualVisit")}</Benefit>
        <Benefit included={tier.includedHanteraAccounts > 0}>{t("benefit.hanteraAccounts", { count: formatNumber(lang, tier.includedHanteraAccounts) })}</Benefit>
        <Benefit included={tier.latestVersions}>{t("benefit.latestVersions")}</Benefit>
        <Benefit included={tier.licenceRentals}>{t("benefit.licenceRentals")}</Benefit>
      </ul>
    </section>
  );
}

export function PeriodsTimeline({ agreement, today }: { agreement: AgreementData; today: string }) {
  const t = useT();
  const lang = useLang();
  const valid = isValidStatus(agreement.status);
  return (
    <section className="section" aria-labelledby="periods-title">
      <h2 id="periods-title">{t("agreement.periods")}</h2>
      <ol className="timeline" data-testid="periods">
        {agreement.periods.map((period) => {
          const current = valid && period.startsOn <= today && today <= period.endsOn;
          const upcoming = agreement.status !== "DRAFT" && agreement.status !== "TERMINATED" && period.startsOn > today;
          return (
            <li key={period.id} className={current ? "timeline-item timeline-current" : "timeline-item"} aria-current={current ? "true" : undefined}>
              <span className="timeline-dot" aria-hidden="true" />
              <span className="timeline-title">{t("agreement.period", { n: period.sequence })}</span>
              <span className="timeline-dates">
                {formatDate(lang, period.startsOn)} – {formatDate(lang, period.endsOn)}
              </span>
              {current ? <span className="badge badge-agreement-active">{t("agreement.currentPeriod")}</span> : null}
              {upcoming ? <span className="badge">{t("agreement.upcomingPeriod")}</span> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function HanteraSection({ agreement, role }: SectionProps) {
  const t = useT();
  const lang = useLang();
  const { hanteraQuota: quota } = agreement;
  const canEdit = may(role, "benefits") && isValidStatus(agreement.status);
  const full = quota.used >= quota.quota;
  const percent = quota.quota > 0 ? Math.min(100, Math.round((quota.used / quota.quota) * 100)) : 100;
  const accounts = agreement.hanteraAccounts;
  return (
    <section className="section" aria-labelledby="hantera-title" id="hantera">
      <h2 id="hantera-title">{t("agreement.hanteraAccounts")}</h2>
      <div className="card">
        <div className="quota">
          <div className="quota-head">
            <span className="quota-value tabular" data-testid="hantera-quota">
              {formatNumber(lang, quota.used)} / {formatNumber(lang, quota.quota)}
            </span>
            <span className="muted">{t("agreement.quotaParts", { included: formatNumber(lang, quota.included), rented: formatNumber(lang, quota.rented) })}</span>
          </div>
          <div
            className={full ? "meter meter-full" : "meter"}
            role="meter"
            aria-label={t("agreement.quotaLabel")}
            aria-valuemin={0}
            aria-valuemax={quota.quota}
            aria-valuenow={quota.used}
            aria-valuetext={t("agreement.quotaText", { used: quota.used, quota: quota.quota })}
          >
            <span className="meter-fill" style={{ width: `${percent}%` }} />
          </div>
          {full ? <p className="hint">{t("agreement.quotaFull")}</p> : null}
        </div>
        <SuccessNotice intents={["createAccount", "deactivateAccount"]} />
        {accounts.length === 0 ? (
          <p className="muted">{t("agreement.noAccounts")}</p>
        ) : (
          <div className="table-wrap table-flat">
            <table>
              <caption className="visually-hidden">{t("agreement.hanteraAccounts")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("field.name")}</th>
                  <th scope="col">{t("field.email")}</th>
                  <th scope="col">{t("agreement.created")}</th>
                  <th scope="col">{t("agreements.status")}</th>
                  {canEdit ? <th scope="col">{t("apiTokens.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {accounts.map((account) => (
                  <tr key={account.id} data-account={account.email}>
                    <th scope="row">{account.name}</th>
                    <td>{account.email}</td>
                    <td className="nowrap">{formatDate(lang, account.createdAt)}</td>
                    <td>
                      {account.active ? (
                        <span className="badge badge-active">{t("agreement.accountActive")}</span>
                      ) : (
                        <span className="badge badge-revoked">
                          {t("agreement.accountDeactivated", { date: account.deactivatedAt ? formatDate(lang, account.deactivatedAt) : "" })}
                        </span>
                      )}
                    </td>
                    {canEdit ? (
                      <td>
                        {account.active ? (
                          <IntentForm intent="deactivateAccount" target={account.id} confirm={t("agreement.deactivateConfirm", { name: account.name })}>
                            {() => (
                              <IntentButton intent="deactivateAccount" target={account.id} busy={t("agreement.deactivating")} className="button button-danger button-small">
                                <span aria-hidden="true">{t("agreement.deactivate")}</span>
                                <span className="visually-hidden">{t("agreement.deactivateLabel", { name: account.name })}</span>
                              </IntentButton>
                            )}
                          </IntentForm>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canEdit ? (
          <div className="subform">
            <h3>{t("agreement.addAccount")}</h3>
            <IntentForm intent="createAccount" fields={["name", "email"]} className="inline-form" aria-label={t("agreement.addAccount")}>
              {(f) => (
                <>
                  <div className="field field-grow">
                    <label htmlFor={f.props("name").id}>{t("agreement.accountName")}</label>
                    <input required maxLength={200} autoComplete="off" {...f.props("name")} defaultValue={f.value("name")} />
                    {f.error("name")}
                  </div>
                  <div className="field field-grow">
                    <label htmlFor={f.props("email").id}>{t("agreement.accountEmail")}</label>
                    <input type="email" required autoComplete="off" {...f.props("email")} defaultValue={f.value("email")} />
                    {f.error("email")}
                  </div>
                  <IntentButton intent="createAccount" busy={t("agreement.addingAccount")}>
                    {t("agreement.addAccountButton")}
                  </IntentButton>
                </>
              )}
            </IntentForm>
          </div>
        ) : (
          <ReadOnlyNote role={role} permission="benefits" status={agreement.status} />
        )}
      </div>
    </section>
  );
}

function ReadOnlyNote({ role, permission, status }: { role: Role; permission: "benefits" | "addOns"; status: AgreementStatus }) {
  const t = useT();
  if (!may(role, permission)) return <p className="muted small read-only">{t("agreement.readOnly")}</p>;
  if (!isValidStatus(status)) return <p className="muted small read-only">{t("agreement.notValidNote")}</p>;
  return null;
}

export function LicenceSection({ agreement, role, today }: SectionProps) {
  const t = useT();
  const lang = useLang();
  const canEdit = may(role, "benefits") && isValidStatus(agreement.status) && agreement.tier.licenceRentals;
  const current = agreement.periods.find((period) => period.startsOn <= today && today <= period.endsOn) ?? agreement.periods[agreement.periods.length - 1];
  const rentals = agreement.licenceRentals;
  return (
    <section className="section" aria-labelledby="licences-title" id="licences">
      <h2 id="licences-title">{t("agreement.licenceRentals")}</h2>
      <div className="card">
        <div className="totals">
          <table className="totals-table">
            <caption className="visually-hidden">{t("agreement.totalsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("agreement.licenceKind")}</th>
                <th scope="col" className="numeric">
                  {t("agreement.quantity")}
                </th>
                <th scope="col" className="numeric">
                  {t("agreement.perMonth")}
                </th>
              </tr>
            </thead>
            <tbody>
              {LICENCE_KINDS.map((kind) => {
                const total = agreement.licenceRentalTotals.find((row) => row.kind === kind);
                return (
                  <tr key={kind}>
                    <th scope="row">{t(`licenceKind.${kind}`)}</th>
                    <td className="numeric tabular">{formatNumber(lang, total?.quantity ?? 0)}</td>
                    <td className="numeric tabular">{total ? formatMoney(lang, total.monthlyCost) : t("common.none")}</td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t("agreement.monthlyCost")}
                </th>
                <td className="numeric tabular" data-testid="monthly-cost">
                  {formatMoney(lang, agreement.monthlyCost)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <SuccessNotice intents={["rentLicence", "endRental"]} />
        {rentals.length === 0 ? (
          <p className="muted">{t("agreement.noRentals")}</p>
        ) : (
          <div className="table-wrap table-flat">
            <table>
              <caption className="visually-hidden">{t("agreement.licenceRentals")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("agreement.licenceKind")}</th>
                  <th scope="col" className="numeric">
                    {t("agreement.quantity")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("agreement.perMonth")}
                  </th>
                  <th scope="col">{t("agreements.period")}</th>
                  <th scope="col">{t("agreements.status")}</th>
                  {canEdit ? <th scope="col">{t("apiTokens.actions")}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rentals.map((rental) => (
                  <tr key={rental.id}>
                    <th scope="row">{t(`licenceKind.${rental.kind}`)}</th>
                    <td className="numeric tabular">{formatNumber(lang, rental.quantity)}</td>
                    <td className="numeric tabular">{formatMoney(lang, rental.monthlyPrice)}</td>
                    <td className="nowrap">
                      {formatDate(lang, rental.startsOn)} – {formatDate(lang, rental.endedOn ?? rental.endsOn)}
                    </td>
                    <td>
                      {rental.active ? (
                        <span className="badge badge-active">{t("agreement.rentalActive")}</span>
                      ) : rental.startsOn > today ? (
                        <span className="badge">{t("agreement.rentalUpcoming")}</span>
                      ) : (
                        <span className="badge badge-revoked">{t("agreement.rentalEnded")}</span>
                      )}
                      {rental.carriedOver ? <span className="badge badge-carried">{t("agreement.carriedOver")}</span> : null}
                    </td>
                    {canEdit ? (
                      <td>
                        {rental.active ? (
                          <IntentForm intent="endRental" target={rental.id} confirm={t("agreement.endRentalConfirm")}>
                            {() => (
                              <IntentButton intent="endRental" target={rental.id} busy={t("agreement.endingRental")} className="button button-danger button-small">
                                {t("agreement.endRental")}
                              </IntentButton>
                            )}
                          </IntentForm>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canEdit ? (
          <div className="subform">
            <h3>{t("agreement.rentHeading")}</h3>
            <IntentForm intent="rentLicence" fields={["kind", "quantity", "monthlyPrice", "startsOn", "endsOn"]} className="inline-form" aria-label={t("agreement.rentHeading")}>
              {(f) => (
                <>
                  <div className="field">
                    <label htmlFor={f.props("kind").id}>{t("agreement.licenceKind")}</label>
                    <select {...f.props("kind")} defaultValue={f.value("kind", "BOOKING")}>
                      {LICENCE_KINDS.map((kind) => (
                        <option key={kind} value={kind}>
                          {t(`licenceKind.${kind}`)}
                        </option>
                      ))}
                    </select>
                    {f.error("kind")}
                  </div>
                  <div className="field field-narrow">
                    <label htmlFor={f.props("quantity").id}>{t("agreement.quantity")}</label>
                    <input type="number" min={1} max={10000} step={1} required inputMode="numeric" {...f.props("quantity")} defaultValue={f.value("quantity")} />
                    {f.error("quantity")}
                  </div>
                  <div className="field field-narrow">
                    <label htmlFor={f.props("monthlyPrice").id}>{t("agreement.monthlyPriceKr")}</label>
                    <input required inputMode="decimal" placeholder="1 234,50" {...f.props("monthlyPrice")} defaultValue={f.value("monthlyPrice")} />
                    {f.error("monthlyPrice")}
                  </div>
                  <div className="field">
                    <label htmlFor={f.props("startsOn").id}>{t("agreement.startsOn")}</label>
                    <input type="date" required {...f.props("startsOn")} defaultValue={f.value("startsOn", today)} />
                    {f.error("startsOn")}
                  </div>
                  <div className="field">
                    <label htmlFor={f.props("endsOn").id}>{t("agreement.endsOn")}</label>
                    <input type="date" required {...f.props("endsOn")} defaultValue={f.value("endsOn", current?.endsOn)} />
                    {f.error("endsOn")}
                  </div>
                  <IntentButton intent="rentLicence" busy={t("agreement.renting")}>
                    {t("agreement.rent")}
                  </IntentButton>
                </>
              )}
            </IntentForm>
            <p className="hint">{t("agreement.rentHint")}</p>
          </div>
        ) : !agreement.tier.licenceRentals ? (
          <p className="muted small">{t("agreement.rentalsNotInTier")}</p>
        ) : (
          <ReadOnlyNote role={role} permission="benefits" status={agreement.status} />
        )}
      </div>
    </section>
  );
}

export function AddOnSection({ agreement, role }: SectionProps) {
  const t = useT();
  const lang = useLang();
  const canEdit = may(role, "addOns") && isValidStatus(agreement.status);
  const running = (kind: "HOSTING" | "MONITORING") => agreement.addOns.some((addOn) => addOn.kind === kind && addOn.active);
  return (
    <section className="section" aria-labelledby="addons-title" id="addons">
      <h2 id="addons-title">{t("agreement.addOns")}</h2>
      <div className="card">
        <SuccessNotice intents={["orderHosting", "orderMonitoring", "cancelAddOn"]} />
        {agreement.addOns.length === 0 ? (
          <p className="muted">{t("agreement.noAddOns")}</p>
        ) : (
          <ul className="addon-list">
            {agreement.addOns.map((addOn) => (
              <li key={addOn.id} className="addon" data-addon={addOn.kind}>
                <div>
                  <p className="addon-title">
                    {t(`addOnKind.${addOn.kind}`)}{" "}
                    {addOn.active ? (
                      <span className="badge badge-active">{t("agreement.addOnActive")}</span>
                    ) : (
                      <span className="badge badge-revoked">{t("agreement.addOnEnded", { date: addOn.endedOn ? formatDate(lang, addOn.endedOn) : "" })}</span>
                    )}
                  </p>
                  {addOn.hostedServices.length > 0 ? (
                    <p className="small">
                      {t("agreement.hostedServices")}: {addOn.hostedServices.map((service) => t(`hostedService.${service}`)).join(", ")}
                    </p>
                  ) : null}
                  <p className="muted small">
                    {t("agreement.since", { date: formatDate(lang, addOn.startsOn) })}
                    {addOn.endReason ? ` · ${endReasonText(t, addOn.endReason)}` : null}
                  </p>
                </div>
                {canEdit && addOn.active ? (
                  <IntentForm intent="cancelAddOn" target={addOn.id} confirm={t("agreement.cancelAddOnConfirm", { kind: t(`addOnKind.${addOn.kind}`) })}>
                    {() => (
                      <IntentButton intent="cancelAddOn" target={addOn.id} busy={t("agreement.cancellingAddOn")} className="button button-danger button-small">
                        {t("agreement.cancelAddOn")}
                      </IntentButton>
                    )}
                  </IntentForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? (
          <div className="grid-2 subform">
            {running("HOSTING") ? null : (
              <div>
                <h3>{t("agreement.orderHosting")}</h3>
                <p className="hint">{t("agreement.hostingHint")}</p>
                <IntentForm intent="orderHosting" fields={["hostedServices"]}>
                  {(f) => (
                    <>
                      <fieldset className="checks" aria-describedby={f.props("hostedServices")["aria-describedby"]}>
                        <legend>{t("agreement.hostedServices")}</legend>
                        {HOSTED_SERVICES.map((service) => (
                          <label key={service} className="check">
                            <input type="checkbox" name="hostedServices" value={service} defaultChecked={f.value("hostedServices")?.split(",").includes(service)} />
                            {t(`hostedService.${service}`)}
                          </label>
                        ))}
                      </fieldset>
                      {f.error("hostedServices")}
                      <IntentButton intent="orderHosting" busy={t("agreement.ordering")}>
                        {t("agreement.orderHostingButton")}
                      </IntentButton>
                    </>
                  )}
                </IntentForm>
              </div>
            )}
            {running("MONITORING") ? null : (
              <div>
                <h3>{t("agreement.orderMonitoring")}</h3>
                <p className="hint">{t("agreement.monitoringHint")}</p>
                <IntentForm intent="orderMonitoring" fields={["kind"]}>
                  {() => (
                    <IntentButton intent="orderMonitoring" busy={t("agreement.ordering")}>
                      {t("agreement.orderMonitoringButton")}
                    </IntentButton>
                  )}
                </IntentForm>
              </div>
            )}
          </div>
        ) : (
          <ReadOnlyNote role={role} permission="addOns" status={agreement.status} />
        )}
      </div>
    </section>
  );
}

function endReasonText(t: Translate, reason: string): string {
  switch (reason) {
    case "CANCELLED":
      return t("addOnEnd.CANCELLED");
    case "AGREEMENT_TERMINATED":
      return t("addOnEnd.AGREEMENT_TERMINATED");
    case "AGREEMENT_EXPIRED":
      return t("addOnEnd.AGREEMENT_EXPIRED");
    default:
      return reason;
  }
}

export function VersionsSection({ agreement }: { agreement: AgreementData }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="section" aria-labelledby="versions-title" id="versions">
      <h2 id="versions-title">{t("agreement.propertiesAndVersions")}</h2>
      {agreement.updatesNeeded.length > 0 ? (
        <div className="alert alert-warning" role="status" data-testid="updates-needed">
          <p className="alert-title">{t("agreement.updatesNeeded", { count: agreement.updatesNeeded.length })}</p>
          <ul>
            {agreement.updatesNeeded.map((item) => (
              <li key={`${item.property.id}-${item.product}`}>
                {t("agreement.updateItem", {
                  property: item.property.name,
                  product: t(`product.${item.product}`),
                  version: item.version,
                  latest: item.latestVersion ?? "",
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="alert alert-success" role="status">
          {t("agreement.allUpToDate")}
        </p>
      )}
      <div className="property-grid">
        {agreement.properties.map((property) => (
          <article key={property.id} className="card" aria-labelledby={`property-${property.id}`}>
            <h3 id={`property-${property.id}`}>{property.name}</h3>
            <p className="muted small">
              {property.streetAddress}, {property.postalCode} {property.city} · {t("agreement.apartments", { count: formatNumber(lang, property.apartments) })}
            </p>
            {property.installedVersions.length === 0 ? (
              <p className="muted small">{t("agreement.noVersions")}</p>
            ) : (
              <table className="versions-table">
                <caption className="visually-hidden">{t("agreement.versionsCaption", { property: property.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("agreement.product")}</th>
                    <th scope="col">{t("agreement.installed")}</th>
                    <th scope="col">{t("agreement.latest")}</th>
                  </tr>
                </thead>
                <tbody>
                  {property.installedVersions.map((installed) => (
                    <tr key={installed.product} className={installed.outdated ? "outdated" : undefined}>
                      <th scope="row">{t(`product.${installed.product}`)}</th>
                      <td className="tabular">
                        {installed.version}{" "}
                        {installed.outdated ? (
                          <span className="badge badge-warning">⚠ {t("agreement.outdated")}</span>
                        ) : (
                          <span className="badge badge-active">{t("agreement.upToDate")}</span>
                        )}
                      </td>
                      <td className="tabular">{installed.latestVersion ?? t("common.none")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}

/** Renewal (when not already offered in the banner) and termination, for sellers and admins. */
export function ManageSection({ agreement, role, today }: SectionProps) {
  const t = useT();
  const lang = useLang();
  if (!may(role, "manage")) return null;
  const renewHere = agreement.status === "ACTIVE" && isRenewable(agreement.status);
  const terminable = isValidStatus(agreement.status);
  if (!renewHere && !terminable) return null;
  return (
    <section className="section" aria-labelledby="manage-title" id="manage">
      <h2 id="manage-title">{t(renewHere ? "agreement.manage" : "agreement.terminateHeading")}</h2>
      <div className="grid-2">
        {renewHere ? (
          <div className="card">
            <RenewForm agreement={agreement} role={role} today={today} />
          </div>
        ) : null}
        {terminable ? (
          <div className="card">
            <div className="subform">
              {renewHere ? <h3>{t("agreement.terminateHeading")}</h3> : null}
              <p className="hint">{t("agreement.terminateHint", { start: formatDate(lang, agreement.startsOn), end: formatDate(lang, agreement.endsOn) })}</p>
              <IntentForm
                intent="terminate"
                fields={["terminatesOn", "reason"]}
                hidden={{ expectedVersion: String(agreement.version) }}
                confirm={t("agreement.terminateConfirm", { number: agreement.number })}
                className="stack form-narrow"
              >
                {(f) => (
                  <>
                    <div className="field">
                      <label htmlFor={f.props("terminatesOn").id}>{t("agreement.terminatesOn")}</label>
                      <input type="date" required {...f.props("terminatesOn")} defaultValue={f.value("terminatesOn", today)} min={agreement.startsOn} max={agreement.endsOn} />
                      {f.error("terminatesOn")}
                    </div>
                    <div className="field">
                      <label htmlFor={f.props("reason").id}>{t("agreement.reason")}</label>
                      <textarea required maxLength={1000} rows={3} {...f.props("reason")} defaultValue={f.value("reason")} />
                      {f.error("reason")}
                    </div>
                    <div>
                      <IntentButton intent="terminate" busy={t("agreement.terminating")} className="button button-danger">
                        {t("agreement.terminate")}
                      </IntentButton>
                    </div>
                  </>
                )}
              </IntentForm>
            </div>
          </div>
        ) : null}
      </div>
    </section>
  );
}
