import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { SubmitButton } from "~/components/submit-button";
import {
  ProposeVisitTimesFromFormDocument,
  ProposeVisitTimesPageDocument,
  VisitTechniciansDocument,
} from "~/graphql/graphql";
import { formatDateTime, userErrorKey } from "~/i18n/i18n";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { swedishWallClockToInstant } from "~/lib/dates";
import { formError, formErrors, type FormError } from "~/lib/form-result";
import { TECHNICIANS, VISIT_BOOKERS, isOneOf } from "@trygg/roles";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "proposeVisit.title") }];

const SLOTS = ["time1", "time2", "time3"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const data = await api.query(ProposeVisitTimesPageDocument, { id: params.id ?? "" });
  const user = data.viewer?.user;
  if (!data.agreement || !user || !isOneOf(user.role, VISIT_BOOKERS)) throw new Response("Not found", { status: 404 });
  const { users } = await api.query(VisitTechniciansDocument, { organisationId: user.organisation.id });
  const technicians = users.edges.map((e) => e.node).filter((u) => isOneOf(u.role, TECHNICIANS) && !u.deactivatedAt);
  const open = data.visitTimeProposals.filter((p) => p.agreement.id === data.agreement!.id);
  const sent = new URL(request.url).searchParams.has("sent");
  return { agreement: data.agreement, technicians, open, me: user.id, sent };
}

interface Refusal {
  errors: FormError[];
}

/** Sends the times as Swedish wall-clock times; the API checks each against the booking rules. */
export async function action({ request, params }: ActionFunctionArgs): Promise<Refusal> {
  const form = await request.formData();
  const errors: Refusal["errors"] = [];
  const times: string[] = [];
  for (const slot of SLOTS) {
    const typed = String(form.get(slot) ?? "").trim();
    if (!typed) continue;
    const at = swedishWallClockToInstant(typed);
    if (at) times.push(at.toISOString());
    else errors.push(formError(slot, "INVALID_DATE", "proposeVisit.badTime"));
  }
  if (times.length === 0 && errors.length === 0) errors.push(formError("time1", "REQUIRED", "proposeVisit.noTime"));
  if (errors.length > 0) return { errors };
  const { api } = await apiFor(request);
  const { proposeVisitTimes: r } = await api.mutate(ProposeVisitTimesFromFormDocument, {
    input: {
      agreementId: params.id ?? "",
      propertyId: String(form.get("propertyId") ?? ""),
      technicianId: String(form.get("technicianId") ?? ""),
      times,
      note: String(form.get("note") ?? "") || null,
    },
  });
  // A time outside the period names the list of times; it is shown under the first.
  if (r.userErrors.length > 0)
    return { errors: formErrors(r.userErrors).map((e) => (e.field === "times" ? { ...e, field: "time1" } : e)) };
  throw redirect(`/agreements/${encodeURIComponent(params.id ?? "")}/visit-times?sent=1`);
}

/** Support or the seller proposes one to three times; the customer's admins answer from the mail or the portal. */
export default function ProposeVisitTimesPage() {
  const t = useT();
  const lang = useLang();
  const { agreement, technicians, open, me, sent } = useLoaderData<typeof loader>();
  const refusal = useActionData<typeof action>();
  const errorOf = (field: string | null) => refusal?.errors.find((e) => e.field === field);
  const words = (e: FormError) => t(e.key ?? userErrorKey(e.code));
  const describe = (field: string) =>
    errorOf(field) ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {};
  const error = (field: string) => {
    const e = errorOf(field);
    return e ? (
      <p className="field-error" id={`${field}-error`}>
        {words(e)}
      </p>
    ) : null;
  };
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/agreements/${encodeURIComponent(agreement.id)}#visits`}>← {agreement.number}</Link>
      </p>
      <div className="page-heading">
        <h1>{t("proposeVisit.title")}</h1>
        <p className="muted">
          {agreement.number} · {agreement.customer.name}
        </p>
      </div>
      {sent && open.length > 0 ? (
        <p className="alert alert-success" role="status" data-testid="proposal-sent">
          {t("proposeVisit.sent")}
        </p>
      ) : null}
      {open.length > 0 ? (
        <section aria-labelledby="open-title">
          <h2 id="open-title">{t("proposeVisit.open")}</h2>
          <ul className="link-list" data-testid="open-proposals">
            {open.map((p) => (
              <li key={p.id}>
                {p.property.name}: {p.times.map((x: string) => formatDateTime(lang, x)).join(", ")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {refusal && errorOf(null) ? (
        <p className="alert alert-error" role="alert">
          {words(errorOf(null)!)}
        </p>
      ) : null}
      <Form method="post" className="stack" style={{ maxWidth: 560 }} aria-label={t("proposeVisit.title")}>
        <label htmlFor="propertyId">{t("proposeVisit.property")}</label>
        <select id="propertyId" name="propertyId" {...describe("propertyId")}>
          {agreement.properties.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        {error("propertyId")}
        <label htmlFor="technicianId">{t("proposeVisit.technician")}</label>
        <select id="technicianId" name="technicianId" defaultValue={me} {...describe("technicianId")}>
          {technicians.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        {error("technicianId")}
        <fieldset>
          <legend>{t("proposeVisit.times")}</legend>
          <p className="muted small">{t("proposeVisit.timesHint")}</p>
          {SLOTS.map((slot, i) => (
            <div key={slot}>
              <label htmlFor={slot}>{t("proposeVisit.time", { n: i + 1 })}</label>
              <input id={slot} name={slot} type="datetime-local" {...describe(slot)} />
              {error(slot)}
            </div>
          ))}
        </fieldset>
        <label htmlFor="note">{t("proposeVisit.note")}</label>
        <textarea id="note" name="note" rows={3} maxLength={1000} />
        <SubmitButton busyLabel={t("proposeVisit.sending")}>{t("proposeVisit.send")}</SubmitButton>
      </Form>
    </>
  );
}
