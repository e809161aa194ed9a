import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteError } from "@remix-run/react";
import { ErrorPanel } from "~/components/error-panel";
import { OrganisationPageDocument } from "~/graphql/graphql";
import { formatDate } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const title = pageTitle(matches, "organisations.title");
  return [{ title: data ? `${data.organisation.name} · ${title}` : title }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const { node } = await api.query(OrganisationPageDocument, { id: params.id ?? "" });
  // Another tenant's organisation, or an id of something else, answers exactly like a missing one.
  if (node?.__typename !== "Organisation") throw new Response("Not found", { status: 404 });
  return { organisation: node };
}

/** One organisation, read-only: where a search result or a row in the list leads. */
export default function OrganisationPage() {
  const t = useT();
  const lang = useLang();
  const { organisation } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/organisations">← {t("layout.backToOrganisations")}</Link>
      </p>
      <div className="page-heading">
        <h1>{organisation.name}</h1>
        <p>
          <span className={`badge badge-${organisation.kind.toLowerCase()}`}>{t(`kind.${organisation.kind}`)}</span>
        </p>
      </div>
      <div className="card">
        <dl className="facts">
          <dt>{t("field.organisationNumber")}</dt>
          <dd className="tabular">{organisation.organisationNumber}</dd>
          <dt>{t("field.registered")}</dt>
          <dd>{formatDate(lang, organisation.createdAt)}</dd>
        </dl>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
