import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { EmptyState, Pagination } from "~/components/list-controls";
import { ErrorPanel } from "~/components/error-panel";
import { WorklistDocument, type Party, type WorklistQuery } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { viewerOf } from "~/lib/viewer.server";
import { pageFromUrl } from "~/lib/paging";
import { redirectToLogin } from "~/lib/session.server";
import { StepLabel } from "~/components/step-label";
import { partyOf } from "~/lib/tailoring";
import { formatDay } from "~/lib/dates";
import { PartnerWorklist } from "./partner-worklist";
import { partnerAction, partnerWorklist } from "./partner.server";
import { StackedTable } from "~/components/stacked-table";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "worklist.title") }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const page = pageFromUrl(new URL(request.url));
  const { api, session } = await apiFor(request);
  const viewer = await viewerOf(api, context);
  if (!viewer) return redirectToLogin(session);
  if (viewer.organisation.kind === "PARTNER" && viewer.sections.includes("WORKLIST"))
    return partnerWorklist(api, page.variables);
  // A seller's worklist is what waits on the vendor; a customer admin's is what waits on them.
  const party: Party | undefined = partyOf(viewer.user.role);
  if (!party) throw new Response("Forbidden", { status: 403 });
  const data = await api.query(WorklistDocument, {
    waitingOn: party,
    withAgreements: party === "CUSTOMER",
    withProposals: viewer.sections.includes("PROPOSAL_DECIDING"),
    ...page.variables,
  });
  const agreements = (data.agreements?.edges ?? []).map((edge) => edge.node);
  const proposals = data.agreementProposals ?? null;
  return { kind: "TAILORINGS" as const, party, tailorings: data.tailorings, agreements, proposals };
}

/** Only a partner's worklist has forms: progress on its action items, a newly installed version. */
export async function action({ request }: ActionFunctionArgs) {
  const { api } = await apiFor(request);
  return partnerAction(api, await request.formData());
}

export default function WorklistPage() {
  const data = useLoaderData<typeof loader>();
  return data.kind === "PARTNER" ? <PartnerWorklist {...data} /> : <TailoringWorklist {...data} />;
}

function TailoringWorklist({
  party,
  tailorings,
  agreements,
  proposals,
}: Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "TAILORINGS" }>) {
  const t = useT();
  const lang = useLang();
  const rows = tailorings.edges.map((edge) => edge.node);
  return (
    <>
      <div className="page-heading">
        <h1>{t("worklist.title")}</h1>
        <p className="muted">{party === "VENDOR" ? t("worklist.introVendor") : t("worklist.introCustomer")}</p>
      </div>
      {proposals ? <WaitingProposals proposals={proposals} /> : null}
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">{party === "VENDOR" ? t("worklist.waitingOnVendor") : t("worklist.waitingOnYou")}</h2>
        {rows.length === 0 ? (
          <EmptyState
            title={t("worklist.empty")}
            hint={party === "VENDOR" ? t("worklist.emptyHintVendor") : t("worklist.emptyHintCustomer")}
          />
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <StackedTable
              data-testid="worklist"
              caption={<caption className="visually-hidden">{t("worklist.caption")}</caption>}
              columns={[
                t("worklist.agreement"),
                t("field.customer"),
                t("worklist.step"),
                t("worklist.since"),
                party === "VENDOR" && t("worklist.seller"),
                // The link says where it leads; on a phone it needs no label above it.
                { label: "", header: <span className="visually-hidden">{t("worklist.open")}</span> },
              ]}
            >
              <tbody>
                {rows.map((row) => {
                  const since = row.history[row.history.length - 1]?.occurredAt ?? row.createdAt;
                  const step = row.currentStep;
                  return (
                    <tr key={row.id} data-agreement={row.agreement.number}>
                      <th scope="row">
                        <Link to={`/agreements/${row.agreement.id}/tailoring`} className="nowrap-link">
                          {row.agreement.number}
                        </Link>
                        <span className="cell-note">{row.agreement.tier.name}</span>
                      </th>
                      <td>{row.agreement.customer.name}</td>
                      <td>
                        <StepLabel tailoring={row} />
                        {row.stepsToRedo.includes(step) ? (
                          <span className="badge badge-redo">{t("tailoring.state.TO_REDO")}</span>
                        ) : null}
                      </td>
                      <td className="tabular">{formatDateTime(lang, since)}</td>
                      {party === "VENDOR" ? <td>{row.agreement.seller?.name ?? t("common.none")}</td> : null}
                      <td>
                        <Link
                          to={`/agreements/${row.agreement.id}/tailoring`}
                          className="button button-secondary button-small"
                          aria-label={t("worklist.openLabel", { number: row.agreement.number })}
                        >
                          {t("worklist.open")}
                        </Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </StackedTable>
          </div>
        )}
        <Pagination pageInfo={tailorings.pageInfo} shown={rows.length} total={tailorings.totalCount} />
      </section>

      {party === "CUSTOMER" ? (
        <section className="section" aria-labelledby="agreements-title">
          <h2 id="agreements-title">{t("worklist.yourAgreements")}</h2>
          <p className="muted">{t("worklist.untailoredIntro")}</p>
          {agreements.length === 0 ? (
            <EmptyState title={t("worklist.noAgreements")} />
          ) : (
            <ul className="link-list" data-testid="customer-agreements">
              {agreements.map((agreement) => (
                <li key={agreement.id} data-agreement={agreement.number}>
                  <Link to={`/agreements/${agreement.id}/tailoring`}>
                    {agreement.tailoring
                      ? t("worklist.showFor", { number: agreement.number })
                      : t("worklist.askFor", { number: agreement.number })}
                  </Link>
                  <span className="muted small">
                    {" "}
                    · {agreement.tier.name} · {t("worklist.endsOn", { date: formatDay(lang, agreement.endsOn) })}
                    {agreement.tailoring ? (
                      <>
                        {" · "}
                        <StepLabel tailoring={agreement.tailoring} />
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}

/** Partners' agreement proposals waiting for the seller: decided on the proposals page. */
function WaitingProposals({ proposals }: { proposals: NonNullable<WorklistQuery["agreementProposals"]> }) {
  const t = useT();
  const lang = useLang();
  return (
    <section className="section" aria-labelledby="proposals-title" data-testid="waiting-proposals">
      <h2 id="proposals-title">{t("worklist.proposals", { count: proposals.totalCount })}</h2>
      {proposals.totalCount === 0 ? (
        <p className="muted">{t("proposals.empty")}</p>
      ) : (
        <ul className="link-list">
          {proposals.edges.map(({ node }) => (
            <li key={node.id}>
              <Link to="/proposals">{node.customer.name}</Link>
              <span className="muted small">
                {" "}
                · {node.partner.name} · {t("proposals.wishedStartOn")} {formatDay(lang, node.wishedStartOn)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
