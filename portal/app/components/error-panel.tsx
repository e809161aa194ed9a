import { Link, isRouteErrorResponse, useLocation } from "@remix-run/react";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";

interface Explanation {
  title: MessageKey;
  message: MessageKey;
}

function explain(status: number | undefined): Explanation {
  switch (status) {
    case 400:
      return { title: "error.badRequestTitle", message: "error.badRequest" };
    case 403:
      return { title: "error.forbiddenTitle", message: "error.forbidden" };
    case 404:
      return { title: "error.notFoundTitle", message: "error.notFound" };
    case 502:
    case 503:
      return { title: "error.unavailableTitle", message: "error.unavailable" };
    default:
      return { title: "error.title", message: "error.generic" };
  }
}

function requestIdOf(data: unknown): string | undefined {
  if (typeof data === "object" && data !== null && "requestId" in data && typeof data.requestId === "string")
    return data.requestId;
  return undefined;
}

/**
 * A human explanation of what went wrong, with a way on. Never the error's message or stack: they
 * may hold internals, and they mean nothing to a property manager.
 */
export function ErrorPanel({ error }: { error: unknown }) {
  const t = useT();
  const location = useLocation();
  const status = isRouteErrorResponse(error) ? error.status : undefined;
  const requestId = isRouteErrorResponse(error) ? requestIdOf(error.data) : undefined;
  const { title, message } = explain(status);
  // A bad cursor or filter in the URL: trying the same URL again would fail again.
  const retry = status === 400 ? location.pathname : `${location.pathname}${location.search}`;
  return (
    <section className="error-panel" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">{t(title)}</h1>
      <p>{t(message)}</p>
      {requestId ? <p className="muted small">{t("error.reference", { id: requestId })}</p> : null}
      <p className="error-actions">
        {status !== 404 && status !== 403 ? (
          <Link to={retry} className="button" reloadDocument>
            {t("error.retry")}
          </Link>
        ) : null}
        <Link to="/" className="button button-secondary">
          {t("error.home")}
        </Link>
      </p>
    </section>
  );
}
