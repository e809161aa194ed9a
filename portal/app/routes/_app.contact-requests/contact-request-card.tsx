import { Link } from "@remix-run/react";
import { TextField } from "~/components/admin-fields";
import { IntentButton, IntentForm } from "~/components/intent-form";
import type { ContactRequestsQuery } from "~/graphql/graphql";
import { formatDateTime, type MessageKey } from "~/i18n/i18n";
import { SUPPORT_CASE_CATEGORIES } from "~/lib/enums";
import { useLang, useT } from "~/i18n/use-t";

type Request = ContactRequestsQuery["contactRequests"]["edges"][number]["node"];
type Organisation = ContactRequestsQuery["organisations"]["edges"][number]["node"];

/** The organisation the sender named, when Trygg has one by that number or name: offered first. */
function likelyMatch(request: Request, organisations: readonly Organisation[]): Organisation | undefined {
  const number = request.organisationNumber?.replace(/\D/g, "");
  const name = request.organisationName?.trim().toLowerCase();
  return (
    organisations.find((o) => number && o.organisationNumber.replace(/\D/g, "") === number) ??
    organisations.find((o) => name && o.name.toLowerCase() === name)
  );
}

/** One request from the contact page: what the sender wrote, and linking it to an organisation (or registering it). */
export function ContactRequestCard({
  request: r,
  organisations,
}: {
  request: Request;
  organisations: readonly Organisation[];
}) {
  const t = useT();
  const lang = useLang();
  // A help request becomes a customer's case (decision 0092): only customers are offered for it.
  const choices = r.kind === "HELP" ? organisations.filter((o) => o.kind === "CUSTOMER") : organisations;
  const match = likelyMatch(r, choices);
  return (
    <li className="card" data-sender={r.name} data-kind={r.kind}>
      <h2>
        {r.organisationName ? `${r.name}, ${r.organisationName}` : r.name}{" "}
        <span className={r.kind === "HELP" ? "badge badge-waiting" : "badge badge-active"}>
          {t(`contactRequests.kind.${r.kind}`)}
        </span>
        {r.systemDown ? (
          <>
            {" "}
            <span className="badge badge-danger">{t("contactRequests.systemDown")}</span>
          </>
        ) : null}
      </h2>
      <p className="muted small">
        {t("contactRequests.received", {
          when: formatDateTime(lang, r.receivedAt),
          due: formatDateTime(lang, r.answerDueAt),
        })}
      </p>
      <p>
        <a href={`mailto:${r.email}`}>{r.email}</a>
        {r.phone ? ` · ${r.phone}` : ""}
        {r.organisationNumber ? ` · ${t("contactRequests.number", { number: r.organisationNumber })}` : ""}
      </p>
      <blockquote className="quote">{r.text}</blockquote>
      {r.organisation ? (
        <p data-testid="linked-to">
          {t("contactRequests.linkedTo", { name: r.organisation.name })}
          {r.supportCase ? (
            <>
              {" "}
              <Link to={`/support/${encodeURIComponent(r.supportCase.id)}`} data-testid="contact-case">
                {t("contactRequests.case", { number: r.supportCase.number })}
              </Link>
            </>
          ) : null}
        </p>
      ) : (
        <div className="stack">
          <IntentForm
            intent="linkContactRequest"
            target={r.id}
            fields={r.kind === "HELP" ? ["organisationId", "category"] : ["organisationId"]}
            className="inline-form"
            aria-label={t("contactRequests.linkLabel", { name: r.name })}
          >
            {(kit) => (
              <>
                <div className="field field-grow">
                  <label htmlFor={kit.props("organisationId").id}>{t("contactRequests.organisation")}</label>
                  <select {...kit.props("organisationId")} defaultValue={kit.value("organisationId", match?.id ?? "")}>
                    <option value="">{t("contactRequests.chooseOrganisation")}</option>
                    {choices.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name} ({o.organisationNumber})
                      </option>
                    ))}
                  </select>
                  {kit.error("organisationId")}
                </div>
                {r.kind === "HELP" ? (
                  // Said by the person who read it, so the case goes where the customer's own case would (0103).
                  <div className="field">
                    <label htmlFor={kit.props("category").id}>{t("support.case.category")}</label>
                    <select {...kit.props("category")} defaultValue={kit.value("category", "OTHER")}>
                      {SUPPORT_CASE_CATEGORIES.map((c) => (
                        <option key={c} value={c}>
                          {t(`support.category.${c}` as MessageKey)}
                        </option>
                      ))}
                    </select>
                    {kit.error("category")}
                  </div>
                ) : null}
                <IntentButton intent="linkContactRequest" target={r.id} busy={t("admin.saving")}>
                  {t("contactRequests.link")}
                </IntentButton>
              </>
            )}
          </IntentForm>
          {/* Sellers and admins register any sender; support the sender of a help request (decision 0113). */}
          {r.viewerCanRegisterCustomer ? (
            <IntentForm
              intent="registerCustomerFromContactRequest"
              target={r.id}
              fields={["name", "organisationNumber"]}
              className="inline-form"
              aria-label={t("contactRequests.registerLabel", { name: r.name })}
            >
              {(kit) => (
                <>
                  <TextField
                    kit={kit}
                    name="name"
                    label="contactRequests.customerName"
                    initial={r.organisationName ?? ""}
                    required
                  />
                  <TextField
                    kit={kit}
                    name="organisationNumber"
                    label="field.organisationNumber"
                    initial={r.organisationNumber ?? ""}
                    inputMode="numeric"
                    required
                  />
                  <IntentButton intent="registerCustomerFromContactRequest" target={r.id} busy={t("admin.saving")}>
                    {t("contactRequests.register")}
                  </IntentButton>
                </>
              )}
            </IntentForm>
          ) : null}
        </div>
      )}
    </li>
  );
}
