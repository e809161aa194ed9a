import { Link } from "@remix-run/react";
import { TextField } from "~/components/admin-fields";
import { EmptyState } from "~/components/list-controls";
import { IntentButton, IntentForm } from "~/components/intent-form";
import type { ProposalStatus, ProposalsQuery } from "~/graphql/graphql";
import { formatDateTime } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { addYear, formatDay } from "~/lib/dates";

type Proposal = ProposalsQuery["agreementProposals"]["edges"][number]["node"];

const BADGE: Record<ProposalStatus, string> = {
  PROPOSED: "badge badge-waiting",
  ACTIVATED: "badge badge-active",
  DECLINED: "badge badge-revoked",
};

/** The day before the same day a year later: a year's agreement from `startsOn`. */
function yearFrom(startsOn: string): string {
  const end = new Date(`${addYear(startsOn)}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** Every proposal the viewer may see, newest first; the seller completes and activates or declines the open ones. */
export function ProposalList({
  proposals,
  deciding,
  tiers,
}: {
  proposals: readonly Proposal[];
  deciding: boolean;
  tiers: ReadonlyArray<{ code: string; name: string }>;
}) {
  const t = useT();
  const lang = useLang();
  const tierName = (code: string) => tiers.find((tier) => tier.code === code)?.name ?? code;
  return (
    <section className="section" aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t("proposals.list")}</h2>
      {proposals.length === 0 ? <EmptyState title={t("proposals.empty")} /> : null}
      <ul className="plain-list stack proposal-list" data-testid="proposals">
        {proposals.map((p) => (
          <li key={p.id} className="card" data-customer={p.customer.name} data-status={p.status}>
            <h3>
              {p.customer.name} <span className={BADGE[p.status]}>{t(`proposals.status.${p.status}`)}</span>
            </h3>
            <p className="muted small">
              {t("proposals.summary", {
                partner: p.partner.name,
                tier: tierName(p.tier),
                start: formatDay(lang, p.wishedStartOn),
                when: formatDateTime(lang, p.createdAt),
              })}
            </p>
            <p>
              {t("proposals.propertiesLabel")} {p.properties.map((property) => property.name).join(", ")}
            </p>
            {p.note ? <blockquote className="quote">{p.note}</blockquote> : null}
            {p.agreement ? (
              <p>
                {t("proposals.agreement")} <Link to={`/agreements/${p.agreement.id}`}>{p.agreement.name}</Link>
              </p>
            ) : null}
            {p.declineReason ? (
              <p data-testid="decline-reason">
                {t("proposals.reason")} {p.declineReason}
              </p>
            ) : null}
            {deciding && p.status === "PROPOSED" ? (
              <div className="stack">
                <IntentForm
                  intent="activateProposal"
                  target={p.id}
                  fields={["startsOn", "endsOn", "tier"]}
                  className="inline-form"
                  aria-label={t("proposals.activateLabel", { customer: p.customer.name })}
                >
                  {(kit) => (
                    <>
                      <TextField
                        kit={kit}
                        name="startsOn"
                        label="newAgreement.startsOn"
                        type="date"
                        initial={p.wishedStartOn}
                        required
                      />
                      <TextField
                        kit={kit}
                        name="endsOn"
                        label="newAgreement.endsOn"
                        type="date"
                        initial={yearFrom(p.wishedStartOn)}
                        required
                      />
                      <div className="field">
                        <label htmlFor={kit.props("tier").id}>{t("agreements.tier")}</label>
                        <select {...kit.props("tier")} defaultValue={kit.value("tier", p.tier)}>
                          {tiers.map((tier) => (
                            <option key={tier.code} value={tier.code}>
                              {tier.name}
                            </option>
                          ))}
                        </select>
                      </div>
                      <IntentButton intent="activateProposal" target={p.id} busy={t("admin.saving")}>
                        {t("proposals.activate")}
                      </IntentButton>
                    </>
                  )}
                </IntentForm>
                <IntentForm
                  intent="declineProposal"
                  target={p.id}
                  fields={["reason"]}
                  className="inline-form"
                  aria-label={t("proposals.declineLabel", { customer: p.customer.name })}
                >
                  {(kit) => (
                    <>
                      <TextField kit={kit} name="reason" label="proposals.declineReason" required />
                      <IntentButton intent="declineProposal" target={p.id} busy={t("admin.saving")}>
                        {t("proposals.decline")}
                      </IntentButton>
                    </>
                  )}
                </IntentForm>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
