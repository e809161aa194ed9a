import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { Brand } from "~/components/brand";
import { ErrorPanel } from "~/components/error-panel";
import { ActionItemsTable } from "~/components/action-items-table";
import { TailoringPrintDocument } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { formatDay } from "~/lib/dates";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const title = pageTitle(matches, "print.title");
  return [{ title: data ? `${data.agreement.number} · ${title}` : title }];
};

/**
 * The agreed plan on paper: outside the logged-in layout (no menu, no header), but behind the same
 * login — apiFor sends a visitor without a session to /login.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const { agreement } = await api.query(TailoringPrintDocument, { id: params.id ?? "" });
  if (!agreement?.tailoring?.actionPlan) throw new Response("Not found", { status: 404 });
  return { agreement, printedAt: new Date().toISOString() };
}

export default function TailoringPrintPage() {
  const t = useT();
  const lang = useLang();
  const { agreement, printedAt } = useLoaderData<typeof loader>();
  const tailoring = agreement.tailoring!;
  const plan = tailoring.actionPlan!;
  const agreed = tailoring.currentStep === "DONE";
  return (
    <main id="main" className="print-page">
      <div className="print-toolbar no-print">
        <Link to={`/agreements/${agreement.id}/tailoring`}>← {t("print.back")}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t("print.print")}
        </button>
      </div>
      <header className="print-header">
        <Brand />
        <div>
          <h1>{t("print.heading")}</h1>
          <p className="muted">
            {t("print.subheading", { number: agreement.number, customer: agreement.customer.name })}
          </p>
        </div>
      </header>
      {!agreed ? <p className="print-draft">{t("print.draft")}</p> : null}

      <section className="print-grid" aria-label={t("print.parties")}>
        <dl className="facts">
          <dt>{t("field.customer")}</dt>
          <dd>{agreement.customer.name}</dd>
          <dt>{t("print.partner")}</dt>
          <dd>{agreement.partner?.name ?? t("common.none")}</dd>
          <dt>{t("print.seller")}</dt>
          <dd>{agreement.seller?.name ?? t("common.none")}</dd>
          <dt>{t("print.tier")}</dt>
          <dd>{agreement.tier.name}</dd>
          <dt>{t("print.period")}</dt>
          <dd>
            {formatDay(lang, agreement.startsOn)} – {formatDay(lang, agreement.endsOn)}
          </dd>
        </dl>
        <dl className="facts">
          <dt>{t("tailoring.done.endOn")}</dt>
          <dd data-testid="print-end-date">
            {plan.endOn
              ? formatDay(lang, plan.endOn)
              : plan.proposedEndOn
                ? t("print.proposedOnly", { date: formatDay(lang, plan.proposedEndOn) })
                : t("common.none")}
          </dd>
          <dt>{t("print.agreedVendor")}</dt>
          <dd>{plan.vendorAgreedBy?.name ?? t("common.none")}</dd>
          <dt>{t("print.agreedCustomer")}</dt>
          <dd>{plan.customerAgreedBy?.name ?? t("common.none")}</dd>
          <dt>{t("print.confirmed")}</dt>
          <dd>
            {plan.prioritiesConfirmedAt && plan.prioritiesConfirmedBy
              ? t("tailoring.whoWhen", {
                  name: plan.prioritiesConfirmedBy.name,
                  date: formatDateTime(lang, plan.prioritiesConfirmedAt),
                })
              : t("common.none")}
          </dd>
          <dt>{t("print.progress")}</dt>
          <dd>{t("print.percent", { percent: plan.percentDone })}</dd>
        </dl>
      </section>
      {plan.proposedServiceVisitOn ? (
        <p className="print-visit">
          {t("tailoring.done.visit", { date: formatDay(lang, plan.proposedServiceVisitOn) })}
        </p>
      ) : null}

      <ActionItemsTable
        className="print-table"
        items={plan.items}
        caption={t("print.items", { count: plan.items.length })}
        ownerAs="text"
        titleNotes={(item) => (
          <>
            {item.description ? <span className="cell-note">{item.description}</span> : null}
            {item.why ? <span className="cell-note">{t("tailoring.item.whyText", { why: item.why })}</span> : null}
          </>
        )}
        status={(item) => t(`tailoring.itemStatus.${item.status}`)}
      />

      <div className="print-signatures">
        <div>
          <p className="signature-line">{plan.vendorAgreedBy?.name ?? ""}</p>
          <p className="muted small">{t("print.forVendor")}</p>
        </div>
        <div>
          <p className="signature-line">{plan.customerAgreedBy?.name ?? ""}</p>
          <p className="muted small">{t("print.forCustomer", { customer: agreement.customer.name })}</p>
        </div>
      </div>
      <footer className="print-footer muted small">
        {t("print.printedAt", { date: formatDateTime(lang, printedAt) })}
      </footer>
    </main>
  );
}

export function ErrorBoundary() {
  return (
    <main id="main" className="page page-narrow">
      <ErrorPanel error={useRouteError()} />
    </main>
  );
}
