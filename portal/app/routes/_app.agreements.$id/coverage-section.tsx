import { Link, useActionData, useLocation } from "@remix-run/react";
import { IntentButton, IntentForm, SuccessNotice } from "~/components/intent-form";
import type { AgreementCoverageChoicesQuery, CoverageStateFieldsFragment } from "~/graphql/graphql";
import { formatDateTime, formatNumber } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";
import { formatMoney } from "~/lib/money";
import type { IntentResult } from "./intents";
import type { AgreementData } from "./section-props";
import { SELLERS, isOneOf } from "@trygg/roles";

type Choices = AgreementCoverageChoicesQuery | null;

/** The preview's answer, when the last form sent was the coverage form and the API showed the effect. */
function usePreviewed() {
  const result = useActionData() as IntentResult | undefined;
  if (!result || result.intent !== "previewCoverage" || !result.ok || !result.coverage) return undefined;
  return { effect: result.coverage, values: result.values as Record<string, string> };
}

function CoverageState({ state, caption }: { state: CoverageStateFieldsFragment; caption: string }) {
  const t = useT();
  const lang = useLang();
  return (
    <div className="card" data-testid={`coverage-${caption}`}>
      <h4>{t(caption === "before" ? "coverage.before" : "coverage.after")}</h4>
      <dl className="facts">
        <dt>{t("coverage.properties")}</dt>
        <dd>{state.properties.map((p) => p.name).join(", ")}</dd>
        <dt>{t("coverage.annualVisit")}</dt>
        <dd>{t(state.annualVisit ? "coverage.yes" : "coverage.no")}</dd>
        <dt>{t("coverage.hanteraQuota")}</dt>
        <dd className="tabular">{formatNumber(lang, state.hanteraQuota)}</dd>
        <dt>{t("coverage.yearlyValue")}</dt>
        <dd className="tabular">{formatMoney(lang, state.yearlyValue)}</dd>
      </dl>
    </div>
  );
}

/** What the change would do, shown before anything changes; confirming posts the same change with its version. */
function CoverageConfirmation({ agreement }: { agreement: AgreementData }) {
  const t = useT();
  const lang = useLang();
  const location = useLocation();
  const previewed = usePreviewed();
  if (!previewed) return null;
  const { effect, values } = previewed;
  const nameOf = (id: string) => agreement.properties.find((p) => p.id === id)?.name ?? "";
  return (
    <div className="order-confirmation" role="region" aria-labelledby="coverage-effect-title">
      <h3 id="coverage-effect-title">{t("coverage.effectTitle")}</h3>
      <div className="grid-2">
        <CoverageState state={effect.before} caption="before" />
        <CoverageState state={effect.after} caption="after" />
      </div>
      {effect.visitsCancelled.length > 0 ? (
        <div className="alert alert-warning" role="status" data-testid="coverage-visits-cancelled">
          <p className="alert-title">{t("coverage.visitsCancelled", { count: effect.visitsCancelled.length })}</p>
          <ul>
            {effect.visitsCancelled.map((v) => (
              <li key={v.visitId}>
                {formatDateTime(lang, v.scheduledAt)} · {nameOf(v.propertyId)}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="hint">{t("coverage.noVisitsCancelled")}</p>
      )}
      <IntentForm intent="changeCoverage" hidden={values} fields={[]} className="button-row">
        {() => (
          <>
            <IntentButton intent="changeCoverage" busy={t("coverage.saving")}>
              {t("coverage.confirm")}
            </IntentButton>
            <Link to={`${location.pathname}#coverage`} className="button button-secondary" preventScrollReset>
              {t("order.change")}
            </Link>
          </>
        )}
      </IntentForm>
    </div>
  );
}

function CoverageForm({ agreement, choices }: { agreement: AgreementData; choices: Choices }) {
  const t = useT();
  const covered = new Set(agreement.properties.map((p) => p.id));
  const others = (choices?.properties.edges ?? []).map((e) => e.node).filter((p) => !covered.has(p.id));
  return (
    <div className="card">
      <h3>{t("coverage.heading")}</h3>
      <p className="hint">{t("coverage.hint")}</p>
      <IntentForm intent="previewCoverage" also={["changeCoverage"]} fields={[]} className="stack">
        {() => (
          <>
            <fieldset className="field">
              <legend>{t("coverage.remove")}</legend>
              {agreement.properties.map((p) => (
                <label key={p.id} className="check">
                  <input type="checkbox" name="remove" value={p.id} /> {p.name}
                </label>
              ))}
            </fieldset>
            <fieldset className="field">
              <legend>{t("coverage.add")}</legend>
              {others.length === 0 ? <p className="muted small">{t("coverage.noOtherProperties")}</p> : null}
              {others.map((p) => (
                <label key={p.id} className="check">
                  <input type="checkbox" name="add" value={p.id} /> {p.name}
                </label>
              ))}
            </fieldset>
            <div>
              <IntentButton intent="previewCoverage" busy={t("coverage.previewing")}>
                {t("coverage.preview")}
              </IntentButton>
            </div>
          </>
        )}
      </IntentForm>
      <CoverageConfirmation agreement={agreement} />
    </div>
  );
}

function PartiesForm({ agreement, choices }: { agreement: AgreementData; choices: Choices }) {
  const t = useT();
  const sellers = (choices?.users.edges ?? []).map((e) => e.node).filter((u) => isOneOf(u.role, SELLERS));
  const partners = (choices?.partners.edges ?? []).map((e) => e.node);
  return (
    <div className="card">
      <h3>{t("coverage.partiesHeading")}</h3>
      <p className="hint">{t("coverage.partiesHint")}</p>
      <IntentForm
        intent="changeParties"
        fields={["sellerId", "partnerId"]}
        hidden={{ expectedVersion: String(agreement.version) }}
        className="stack form-narrow"
      >
        {(f) => (
          <>
            <div className="field">
              <label htmlFor={f.props("sellerId").id}>{t("agreement.seller")}</label>
              <select {...f.props("sellerId")} defaultValue={f.value("sellerId", agreement.seller?.id ?? "")}>
                {agreement.seller ? null : <option value="">{t("common.none")}</option>}
                {sellers.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
              {f.error("sellerId")}
            </div>
            <div className="field">
              <label htmlFor={f.props("partnerId").id}>{t("agreements.partner")}</label>
              <select {...f.props("partnerId")} defaultValue={f.value("partnerId", agreement.partner?.id ?? "")}>
                <option value="">{t("agreement.signedDirectlyLong")}</option>
                {partners.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
              {f.error("partnerId")}
            </div>
            <div>
              <IntentButton intent="changeParties" busy={t("coverage.saving")}>
                {t("coverage.saveParties")}
              </IntentButton>
            </div>
          </>
        )}
      </IntentForm>
    </div>
  );
}

/** Correcting what the agreement covers and who sells and signs it, for sellers and admins (decision 0074). */
export function CoverageSection({ agreement, choices }: { agreement: AgreementData; choices: Choices }) {
  const t = useT();
  if (!agreement.viewerCanChangeCoverage && !agreement.viewerCanChangeParties) return null;
  return (
    <section className="section" aria-labelledby="coverage-title" id="coverage">
      <h2 id="coverage-title">{t("coverage.title")}</h2>
      <SuccessNotice intents={["changeCoverage", "changeParties"]} />
      <div className="grid-2">
        {agreement.viewerCanChangeCoverage ? <CoverageForm agreement={agreement} choices={choices} /> : null}
        {agreement.viewerCanChangeParties ? <PartiesForm agreement={agreement} choices={choices} /> : null}
      </div>
    </section>
  );
}
