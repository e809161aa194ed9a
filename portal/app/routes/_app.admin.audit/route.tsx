import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { EmptyState, FilterActions, PageSizeField, Pagination } from "~/components/list-controls";
import { AdminAuditDocument } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { pageFromUrl } from "~/lib/paging";
import { StackedTable } from "~/components/stacked-table";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "admin.audit.title") }];

/** The kinds of object the trail names, for the entity filter. */
const OBJECT_TYPES = [
  "Organisation",
  "User",
  "Property",
  "Agreement",
  "ProductRelease",
  "Tailoring",
  "ApiToken",
  "SupportCase",
  "HanteraAccount",
  "LicenceRental",
  "AddOn",
] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filter from the URL; a malformed day is dropped here and said so on the page, not sent. */
function filterFromUrl(url: URL) {
  const text = (name: string) => url.searchParams.get(name)?.trim().slice(0, 100) || null;
  const day = (name: string) => {
    const value = text(name);
    return value && DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
  };
  const badDay = ["from", "to"].some((name) => text(name) && !day(name));
  return {
    filter: {
      actorId: text("actor"),
      objectType: text("entity"),
      action: text("action"),
      occurredFrom: day("from"),
      occurredTo: day("to"),
    },
    badDay,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const page = pageFromUrl(url);
  const { filter, badDay } = filterFromUrl(url);
  const { api } = await apiFor(request);
  // auditEvents is for admins only: the API's FORBIDDEN becomes the 403 page.
  const data = await api.query(AdminAuditDocument, { filter, ...page.variables });
  return { events: data.auditEvents, actors: data.users.edges.map((e) => e.node), filter, badDay, size: page.size };
}

export default function AuditPage() {
  const t = useT();
  const lang = useLang();
  const { events, actors, filter, badDay, size } = useLoaderData<typeof loader>();
  const rows = events.edges.map((e) => e.node);
  const filtered = Object.values(filter).some(Boolean);
  return (
    <>
      <div className="page-heading">
        <h1>{t("admin.audit.title")}</h1>
        <p className="muted">{t("admin.audit.intro")}</p>
      </div>
      <Form method="get" className="filters" aria-label={t("admin.audit.filters")}>
        <div className="field">
          <label htmlFor="audit-actor">{t("admin.audit.actor")}</label>
          <select id="audit-actor" name="actor" defaultValue={filter.actorId ?? ""}>
            <option value="">{t("admin.all")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-entity">{t("admin.audit.entity")}</label>
          <select id="audit-entity" name="entity" defaultValue={filter.objectType ?? ""}>
            <option value="">{t("admin.all")}</option>
            {OBJECT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`admin.entity.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-action">{t("admin.audit.action")}</label>
          <input
            id="audit-action"
            name="action"
            defaultValue={filter.action ?? ""}
            placeholder="organisation.create"
            maxLength={100}
            aria-describedby="audit-action-hint"
          />
          <p id="audit-action-hint" className="hint">
            {t("admin.audit.actionHint")}
          </p>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t("admin.audit.from")}</label>
          <input id="audit-from" name="from" type="date" defaultValue={filter.occurredFrom ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t("admin.audit.to")}</label>
          <input id="audit-to" name="to" type="date" defaultValue={filter.occurredTo ?? ""} />
        </div>
        <PageSizeField size={size} />
        <FilterActions submitLabel={t("admin.filter")} filtered={filtered} />
      </Form>
      {badDay ? (
        <p className="alert alert-error" role="alert">
          {t("admin.audit.badDay")}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <EmptyState title={t("admin.audit.empty")} hint={filtered ? t("admin.audit.emptyHint") : undefined} />
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <StackedTable
            data-testid="audit"
            caption={<caption className="visually-hidden">{t("admin.audit.title")}</caption>}
            columns={[t("admin.audit.when"), t("admin.audit.actor"), t("admin.audit.action"), t("admin.audit.entity")]}
          >
            <tbody>
              {rows.map((event) => (
                <tr key={event.id} data-action={event.action}>
                  <td className="tabular">{formatDateTime(lang, event.occurredAt)}</td>
                  <td>
                    {event.actor?.formerUser ? t("actor.formerUser") : (event.actor?.name ?? t("admin.audit.system"))}
                  </td>
                  <th scope="row">
                    <code>{event.action}</code>
                  </th>
                  <td>
                    {OBJECT_TYPES.includes(event.objectType as (typeof OBJECT_TYPES)[number])
                      ? t(`admin.entity.${event.objectType as (typeof OBJECT_TYPES)[number]}`)
                      : event.objectType}
                  </td>
                </tr>
              ))}
            </tbody>
          </StackedTable>
        </div>
      )}
      <Pagination pageInfo={events.pageInfo} shown={rows.length} total={events.totalCount} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
