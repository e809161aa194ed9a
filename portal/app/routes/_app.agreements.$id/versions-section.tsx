import { formatNumber } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import type { AgreementData } from "./section-props";
import { StackedTable } from "~/components/stacked-table";

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
              {property.streetAddress}, {property.postalCode} {property.city} ·{" "}
              {t("agreement.apartments", { count: formatNumber(lang, property.apartments) })}
            </p>
            {property.installedVersions.length === 0 ? (
              <p className="muted small">{t("agreement.noVersions")}</p>
            ) : (
              <StackedTable
                className="versions-table"
                caption={
                  <caption className="visually-hidden">
                    {t("agreement.versionsCaption", { property: property.name })}
                  </caption>
                }
                columns={[t("agreement.product"), t("agreement.installed"), t("agreement.latest")]}
              >
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
              </StackedTable>
            )}
          </article>
        ))}
      </div>
    </section>
  );
}
