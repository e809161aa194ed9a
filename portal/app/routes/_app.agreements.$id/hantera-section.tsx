import { formatDate, formatNumber } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { IntentButton, IntentForm, RowActionCell, SuccessNotice } from "~/components/intent-form";
import { ReadOnlyNote } from "./read-only-note";
import type { SectionProps } from "./section-props";
import { StackedTable } from "~/components/stacked-table";

export function HanteraSection({ agreement }: SectionProps) {
  const t = useT();
  const lang = useLang();
  const { hanteraQuota: quota } = agreement;
  const canEdit = agreement.viewerCanManageHanteraAccounts;
  const accounts = agreement.hanteraAccounts;
  // After a lapse, while some accounts are flagged above the base quota, the customer chooses which stay: any active
  // one may be deactivated, a flagged one or an included one in its place (the API then clears the oldest flag).
  const choosing = agreement.viewerCanChooseHanteraAccounts && accounts.some((a) => a.active && a.overQuotaSince);
  const canChoose = (a: { active: boolean }) => a.active && (canEdit || choosing);
  const full = quota.used >= quota.quota;
  const percent = quota.quota > 0 ? Math.min(100, Math.round((quota.used / quota.quota) * 100)) : 100;
  const actions = canEdit || accounts.some(canChoose);
  return (
    <section className="section" aria-labelledby="hantera-title" id="hantera">
      <h2 id="hantera-title">{t("agreement.hanteraAccounts")}</h2>
      <div className="card">
        <div className="quota">
          <div className="quota-head">
            <span className="quota-value tabular" data-testid="hantera-quota">
              {formatNumber(lang, quota.used)} / {formatNumber(lang, quota.quota)}
            </span>
            <span className="muted">
              {t("agreement.quotaParts", {
                included: formatNumber(lang, quota.included),
                rented: formatNumber(lang, quota.rented),
              })}
            </span>
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
            <StackedTable
              caption={<caption className="visually-hidden">{t("agreement.hanteraAccounts")}</caption>}
              columns={[
                t("field.name"),
                t("field.email"),
                t("agreement.created"),
                t("agreements.status"),
                actions && t("apiTokens.actions"),
              ]}
            >
              <tbody>
                {accounts.map((account) => (
                  <tr key={account.id} data-account={account.email}>
                    <th scope="row">{account.name}</th>
                    <td className="cell-break">{account.email}</td>
                    <td className="nowrap">{formatDate(lang, account.createdAt)}</td>
                    <td>
                      {account.active && account.overQuotaSince ? (
                        <span className="badge badge-warning" title={t("agreement.accountOverQuotaHint")}>
                          {t("agreement.accountOverQuota", { date: formatDate(lang, account.overQuotaSince) })}
                        </span>
                      ) : account.active ? (
                        <span className="badge badge-active">{t("agreement.accountActive")}</span>
                      ) : (
                        <span className="badge badge-revoked">
                          {t("agreement.accountDeactivated", {
                            date: account.deactivatedAt ? formatDate(lang, account.deactivatedAt) : "",
                          })}
                        </span>
                      )}
                    </td>
                    <RowActionCell
                      editable={actions}
                      active={canChoose(account)}
                      intent="deactivateAccount"
                      target={account.id}
                      confirm={t("agreement.deactivateConfirm", { name: account.name })}
                      busy={t("agreement.deactivating")}
                    >
                      <span aria-hidden="true">{t("agreement.deactivate")}</span>
                      <span className="visually-hidden">{t("agreement.deactivateLabel", { name: account.name })}</span>
                    </RowActionCell>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          </div>
        )}
        {canEdit ? (
          <div className="subform">
            <h3>{t("agreement.addAccount")}</h3>
            <IntentForm
              intent="createAccount"
              fields={["name", "email"]}
              className="inline-form"
              aria-label={t("agreement.addAccount")}
            >
              {(f) => (
                <>
                  <div className="field field-grow">
                    <label htmlFor={f.props("name").id}>{t("agreement.accountName")}</label>
                    <input
                      required
                      maxLength={200}
                      autoComplete="off"
                      {...f.props("name")}
                      defaultValue={f.value("name")}
                    />
                    {f.error("name")}
                  </div>
                  <div className="field field-grow">
                    <label htmlFor={f.props("email").id}>{t("agreement.accountEmail")}</label>
                    <input
                      type="email"
                      required
                      autoComplete="off"
                      {...f.props("email")}
                      defaultValue={f.value("email")}
                    />
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
          <ReadOnlyNote />
        )}
      </div>
    </section>
  );
}
