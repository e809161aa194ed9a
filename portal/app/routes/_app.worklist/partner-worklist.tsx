import { Link } from "@remix-run/react";
import { SelectField, TextField } from "~/components/admin-fields";
import { IntentButton, IntentForm, SuccessNotice } from "~/components/intent-form";
import { EmptyState, Pagination } from "~/components/list-controls";
import { useT } from "~/i18n/use-t";
import type { partnerWorklist } from "./partner.server";
import { PRODUCTS } from "~/lib/enums";
import { PARTNER_INTENTS, PARTNER_ITEM_STATUSES } from "./partner-options";
import { StackedTable } from "~/components/stacked-table";

type Props = Omit<Awaited<ReturnType<typeof partnerWorklist>>, "kind">;

/** A partner's worklist: the action items it owns, still open, and installations behind the latest release. */
export function PartnerWorklist({ plans, pageInfo, total, outdated, properties }: Props) {
  const t = useT();
  const productOptions = PRODUCTS.map((p) => ({ value: p, label: t(`admin.product.${p}`) }));
  return (
    <>
      <div className="page-heading">
        <h1>{t("worklist.title")}</h1>
        <p className="muted">{t("partner.intro")}</p>
      </div>
      <SuccessNotice intents={PARTNER_INTENTS} />

      <section aria-labelledby="items-title">
        <h2 id="items-title">{t("partner.items.heading")}</h2>
        {plans.length === 0 ? (
          <EmptyState title={t("partner.items.empty")} hint={t("partner.items.emptyHint")} />
        ) : (
          plans.map((plan) => (
            <div key={plan.id} className="card section" data-agreement={plan.agreement.number}>
              <h3>
                <Link to={`/agreements/${plan.agreement.id}/tailoring`}>{plan.agreement.number}</Link> ·{" "}
                {plan.agreement.customer.name}
              </h3>
              <ul className="link-list">
                {plan.items.map((item) => (
                  <li key={item.id} data-item={item.title}>
                    <p>
                      <strong>{item.title}</strong> <span className="badge">{t(`partner.status.${item.status}`)}</span>
                    </p>
                    {item.why ? <p className="muted small">{item.why}</p> : null}
                    {plan.viewerCanUpdatePartnerItems ? (
                      <IntentForm
                        intent="updateItem"
                        target={item.id}
                        hidden={{ expectedVersion: String(item.version) }}
                        className="inline-form"
                        aria-label={t("partner.items.formLabel", { title: item.title })}
                      >
                        {(kit) => (
                          <>
                            <SelectField
                              kit={kit}
                              name="status"
                              label="partner.items.status"
                              options={PARTNER_ITEM_STATUSES.map((s) => ({
                                value: s,
                                label: t(`partner.status.${s}`),
                              }))}
                            />
                            <IntentButton intent="updateItem" target={item.id} busy={t("admin.saving")}>
                              {t("partner.items.save")}
                            </IntentButton>
                          </>
                        )}
                      </IntentForm>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
        <Pagination pageInfo={pageInfo} shown={plans.length} total={total} />
      </section>

      <section className="section" aria-labelledby="outdated-title">
        <h2 id="outdated-title">{t("partner.outdated.heading")}</h2>
        {outdated.length === 0 ? (
          <EmptyState title={t("partner.outdated.empty")} />
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <StackedTable
              data-testid="outdated"
              caption={<caption className="visually-hidden">{t("partner.outdated.heading")}</caption>}
              columns={[
                t("partner.property"),
                t("partner.product"),
                t("partner.outdated.installed"),
                t("partner.outdated.latest"),
              ]}
            >
              <tbody>
                {outdated.map((row) => (
                  <tr key={`${row.property.id}-${row.product}`}>
                    <th scope="row">
                      {row.property.name}
                      <span className="cell-note">{row.property.customer.name}</span>
                    </th>
                    <td>{t(`admin.product.${row.product}`)}</td>
                    <td className="tabular">{row.version}</td>
                    <td className="tabular">{row.latestVersion}</td>
                  </tr>
                ))}
              </tbody>
            </StackedTable>
          </div>
        )}
      </section>

      <section className="card section" aria-labelledby="installed-title">
        <h2 id="installed-title">{t("partner.installed.heading")}</h2>
        <p className="muted">{t("partner.installed.intro")}</p>
        <IntentForm intent="setInstalledVersion" fields={["propertyId", "product", "version"]} className="stack">
          {(kit) => (
            <>
              <SelectField
                kit={kit}
                name="propertyId"
                label="partner.property"
                options={properties.map((p) => ({ value: p.id, label: `${p.name}, ${p.city}` }))}
                empty={t("admin.choose")}
              />
              <SelectField kit={kit} name="product" label="partner.product" options={productOptions} />
              <TextField
                kit={kit}
                name="version"
                label="partner.installed.version"
                hint="admin.release.versionHint"
                required
              />
              <IntentButton intent="setInstalledVersion" busy={t("admin.saving")}>
                {t("partner.installed.save")}
              </IntentButton>
            </>
          )}
        </IntentForm>
      </section>
    </>
  );
}
