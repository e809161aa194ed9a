import { randomUUID } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, redirect, useLoaderData, useRouteError } from "@remix-run/react";
import { DatabaseSizeChart } from "@trygg/charts";
import { useEffect, useRef } from "react";
import { ErrorPanel } from "~/components/error-panel";
import { IntentButton, IntentForm, SuccessNotice, useFormResult, type FieldKit } from "~/components/intent-form";
import {
  CompleteServiceVisitFromFormDocument,
  RecordVisitChecksFromFormDocument,
  VisitProtocolFormDocument,
  type CheckResult,
  type VisitCheckEntryInput,
  type VisitCheckKind,
} from "~/graphql/graphql";
import { pageTitle } from "~/i18n/meta";
import { useLang, useT } from "~/i18n/use-t";
import { apiFor } from "~/lib/api.server";
import { formError, formErrors, refused, type FormError, type FormResult } from "~/lib/form-result";
import { intentOf } from "~/lib/intent.server";
import {
  batchErrors,
  completionErrors,
  noteField,
  proposalField,
  protocolFields,
  readingOf,
  resultField,
  sizeField,
  versionOf,
} from "./protocol-errors";
import { QueuedNotice, useOfflineQueue } from "./offline-queue";
import { SignaturePad } from "./signature-pad";

export const meta: MetaFunction = ({ matches }) => [{ title: pageTitle(matches, "visitForm.title") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { api } = await apiFor(request);
  const data = await api.query(VisitProtocolFormDocument, { id: params.id ?? "" });
  const visit = data.node && "checks" in data.node ? data.node : null;
  if (!visit) throw new Response("Not found", { status: 404 });
  return { visit };
}

const RESULTS: CheckResult[] = ["OK", "NEEDS_ACTION", "NOT_APPLICABLE"];
/** Saving keeps the draft; completing records the checks, then freezes the protocol. */
const INTENTS = ["save", "complete"] as const;
type Intent = (typeof INTENTS)[number];

/**
 * Records every check with a result, then (when completing) completes the visit with the signature drawn on the pad (if
 * any).
 */
export async function action({ request, params }: ActionFunctionArgs): Promise<FormResult<Intent>> {
  const { api } = await apiFor(request);
  const form = await request.formData();
  const intent = intentOf(form, INTENTS);
  const visitId = params.id ?? "";
  const text = (name: string) => String(form.get(name) ?? "");
  const values = Object.fromEntries(
    [...form.entries()]
      .filter(([name, value]) => typeof value === "string" && name !== "signature" && name !== "intent")
      .map(([name, value]) => [name, String(value)]),
  );
  const errors: FormError[] = [];
  const checks: VisitCheckEntryInput[] = [];
  for (const kind of form.getAll("kind").map(String) as VisitCheckKind[]) {
    const result = text(resultField(kind)) as CheckResult;
    if (!RESULTS.includes(result)) continue;
    const reading = kind === "DATABASE_SIZE" ? readingOf(text(sizeField(kind))) : null;
    if (Number.isNaN(reading)) {
      errors.push(formError(sizeField(kind), "INVALID_INPUT", "visitForm.error.size"));
      continue;
    }
    checks.push({
      kind,
      result,
      note: text(noteField(kind)),
      databaseSizeMb: reading,
      fromProposal: text(proposalField(kind)) === "1",
    });
  }
  // Every check in one request, all or none, at the version the form was read (or queued) at: a save from a
  // tablet that was offline while another device saved is refused, not written over the newer one.
  if (errors.length === 0 && checks.length > 0) {
    const r = await api.mutate(RecordVisitChecksFromFormDocument, {
      input: { visitId, checks, expectedVersion: versionOf(text("expectedVersion")) },
    });
    const refusal = refused(intent, r.recordVisitChecks.userErrors, values);
    if (!refusal.ok && refusal.errors.length > 0)
      return {
        ...refusal,
        errors: batchErrors(
          checks.map((c) => c.kind),
          refusal.errors,
        ),
      };
  }
  if (errors.length === 0 && intent === "complete") {
    const image = text("signature");
    const name = text("signedByName").trim();
    // A drawn signature without a name would be left out without a word.
    if (image && !name)
      return {
        intent,
        ok: false,
        errors: [formError("signedByName", "REQUIRED", "visitForm.error.signerMissing")],
        values,
      };
    const r = await api.mutate(CompleteServiceVisitFromFormDocument, {
      input: { visitId, signature: image && name ? { signedByName: name, imageDataUrl: image } : null },
    });
    errors.push(...completionErrors(formErrors(r.completeServiceVisit.userErrors)));
    if (errors.length === 0) throw redirect(`/visits/${encodeURIComponent(visitId)}`);
  }
  if (errors.length > 0) return { intent, ok: false, errors, values };
  return { intent, ok: true, errors: [], values: {}, done: "visitForm.saved", nonce: randomUUID() };
}

type Visit = ReturnType<typeof useLoaderData<typeof loader>>["visit"];
type Check = Visit["checks"][number];
type Proposal = Visit["prefilledChecks"][number];

const MIB = 1024 * 1024;

/**
 * Monitoring's proposal beside the check it fills: marked as a proposal, with its evidence, so the technician
 * confirms or corrects it rather than taking it for a finding of the visit. The size check shows the year's
 * backup sizes, drawn by the same chart as the protocol.
 */
function ProposalNotice({ proposal, visit }: { proposal: Proposal; visit: Visit }) {
  const t = useT();
  const sized = [...(visit.backupEvidence?.checks ?? [])].sort(
    (a, b) => (b.lastSizeBytes ?? -1) - (a.lastSizeBytes ?? -1),
  )[0];
  const points = (sized?.sizes ?? []).map((w) => ({
    visitedOn: w.weekOf,
    sizeMb: Math.round((w.sizeBytes / MIB) * 10) / 10,
  }));
  return (
    <aside
      className="proposal"
      data-testid={`proposal-${proposal.kind}`}
      aria-label={t("visitForm.proposal.title")}
      style={{ margin: "12px 0", padding: 12, borderLeft: "4px solid #0b6e4f", background: "#f0fdf4" }}
    >
      <p style={{ margin: 0, fontWeight: 600 }}>{t("visitForm.proposal.title")}</p>
      <p style={{ margin: "4px 0", overflowWrap: "anywhere" }}>{proposal.note}</p>
      <p className="small muted" style={{ margin: 0 }}>
        {t("visitForm.proposal.hint")} {t(`visit.result.${proposal.result}`)}.
      </p>
      {proposal.kind === "DATABASE_SIZE" && points.length > 1 ? (
        <div data-testid="proposal-size-chart" className="chart-fit" style={{ marginTop: 8 }}>
          <DatabaseSizeChart points={points} width={560} height={200} title={t("visitForm.proposal.sizeTitle")} />
        </div>
      ) : null}
    </aside>
  );
}

const BIG_INPUT = { display: "block", minHeight: 48, fontSize: "1.1rem", width: "100%" } as const;
const LEGEND = { fontSize: "1.15rem", fontWeight: 600 } as const;

/**
 * One check: its result (a large radio per answer), the hardware found, the size reading, a note; errors under each.
 */
function CheckFieldset({ check: c, visit, kit }: { check: Check; visit: Visit; kit: FieldKit }) {
  const t = useT();
  const lang = useLang();
  const result = kit.props(resultField(c.kind));
  const proposal = visit.prefilledChecks.find((p) => p.kind === c.kind) ?? null;
  // A check not yet recorded starts from the proposal; a recorded one keeps what was saved, the proposal beside it.
  const start = !c.recorded && proposal ? proposal : null;
  return (
    <fieldset style={{ marginBottom: 24, padding: 16 }}>
      <legend style={LEGEND}>{lang === "en" ? c.titleEn : c.titleSv}</legend>
      <input type="hidden" name="kind" value={c.kind} />
      {start ? <input type="hidden" name={proposalField(c.kind)} value="1" /> : null}
      {proposal ? <ProposalNotice proposal={proposal} visit={visit} /> : null}
      <div
        role="radiogroup"
        aria-invalid={result["aria-invalid"]}
        aria-describedby={result["aria-describedby"]}
        style={{ display: "flex", flexWrap: "wrap", gap: 8 }}
      >
        {RESULTS.map((r) => (
          <label
            key={r}
            style={{
              display: "inline-flex",
              alignItems: "center",
              gap: 8,
              minHeight: 48,
              padding: "0 16px",
              border: "1px solid #cbd5e1",
              borderRadius: 8,
            }}
          >
            <input
              type="radio"
              name={result.name}
              value={r}
              defaultChecked={(start ? start.result : c.result) === r}
              style={{ width: 24, height: 24 }}
            />
            {t(`visit.result.${r}`)}
          </label>
        ))}
      </div>
      {kit.error(resultField(c.kind))}
      {c.kind === "HARDWARE_AND_VERSIONS" ? (
        <ul className="small">
          {visit.hardwarePrefill.map((v) => (
            <li key={v.product}>
              {t(`product.${v.product}`)}: {v.installed ?? "–"} / {v.latest ?? "–"}{" "}
              {v.outdated ? `(${t("visitForm.outdated")})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {c.kind === "DATABASE_SIZE" ? (
        <div style={{ marginTop: 12 }}>
          <label htmlFor={kit.props(sizeField(c.kind)).id}>{t("visitForm.sizeMb")}</label>
          <input
            {...kit.props(sizeField(c.kind))}
            inputMode="decimal"
            defaultValue={(start ? start.databaseSizeMb : c.databaseSizeMb) ?? ""}
            style={{ ...BIG_INPUT, maxWidth: 240 }}
          />
          {kit.error(sizeField(c.kind))}
        </div>
      ) : null}
      <div style={{ marginTop: 12 }}>
        <label htmlFor={kit.props(noteField(c.kind)).id}>{t("visit.note")}</label>
        <textarea
          {...kit.props(noteField(c.kind))}
          defaultValue={start ? start.note : c.note}
          rows={3}
          style={{ display: "block", width: "100%", fontSize: "1.05rem" }}
        />
        {kit.error(noteField(c.kind))}
      </div>
    </fieldset>
  );
}

/** What was typed, kept in localStorage until saved, so a dropped connection and a reload lose nothing. */
function useDraftKeptLocally(key: string, saved: boolean) {
  const area = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = area.current;
    if (!root) return;
    const draft = JSON.parse(localStorage.getItem(key) ?? "{}") as Record<string, string>;
    for (const [name, value] of Object.entries(draft)) {
      root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`).forEach((el) => {
        // Typed on the server-rendered page before this script ran: newer than the draft, so it stays.
        if (el.value !== el.defaultValue) return;
        if (el instanceof HTMLInputElement && el.type === "radio") el.checked = el.value === value;
        else el.value = value;
      });
    }
    // Listened to on the area around the form: the form starts afresh after each save.
    const keepForm = (form: HTMLFormElement) => {
      const values: Record<string, string> = {};
      new FormData(form).forEach((v, k) => {
        // The version is the page's, not the draft's: a draft put back after a reload saves at the version read then.
        if (k !== "signature" && k !== "kind" && k !== "expectedVersion" && typeof v === "string") values[k] = v;
      });
      localStorage.setItem(key, JSON.stringify(values));
    };
    const keep = (event: Event) => {
      const form = (event.target as HTMLInputElement).form;
      if (form) keepForm(form);
    };
    // A slow tablet shows the page before its script runs; what was typed meanwhile raised no event here.
    root
      .querySelectorAll<HTMLTextAreaElement | HTMLInputElement>("textarea, input[type=text], input[type=number]")
      .forEach((el) => {
        if (el.value !== el.defaultValue && el.form) keepForm(el.form);
      });
    root.addEventListener("input", keep);
    root.addEventListener("change", keep);
    // From here on every keystroke is kept; a journey in the browser tests waits for this before typing.
    root.dataset.draftKept = "true";
    return () => {
      root.removeEventListener("input", keep);
      root.removeEventListener("change", keep);
    };
  }, [key]);
  useEffect(() => {
    if (saved) localStorage.removeItem(key);
  }, [saved, key]);
  return area;
}

/**
 * The technician's protocol form on a tablet: large targets, one column at 768 px, and what was
 * typed kept on the tablet until it is saved. Errors stand under the check they concern.
 */
export default function VisitProtocolFormPage() {
  const t = useT();
  const { visit } = useLoaderData<typeof loader>();
  const saved = useFormResult<Intent>("save")?.ok === true;
  const area = useDraftKeptLocally(`trygg-visit-form-${visit.id}`, saved);
  const queue = useOfflineQueue(`trygg-visit-queue-${visit.id}`);

  // A finished visit's form is closed: said under the page's own heading, with the way to the protocol itself.
  if (visit.completedAt)
    return (
      <div className="page-heading">
        <h1>{t("visitForm.title")}</h1>
        <p>{t("visitForm.completed")}</p>
        <p>
          <Link to={`/visits/${encodeURIComponent(visit.id)}`}>{t("visitForm.toVisit")}</Link>
        </p>
      </div>
    );
  return (
    <>
      <div className="page-heading">
        <h1>{t("visitForm.title")}</h1>
        <p className="muted">
          {visit.agreement.number} · {visit.agreement.customer.name} · {visit.property.name} · {visit.visitedOn}
        </p>
      </div>
      <SuccessNotice intents={INTENTS} />
      <QueuedNotice queued={queue.queued} />
      <div ref={area} style={{ maxWidth: 720 }}>
        <IntentForm
          intent="complete"
          also={["save"]}
          fields={protocolFields(visit.checks.map((c) => c.kind))}
          className="visit-form"
          aria-label={t("visitForm.title")}
          hidden={{ expectedVersion: String(visit.version) }}
          onSubmit={queue.onSubmit}
        >
          {(kit) => (
            <>
              {visit.checks.map((c) => (
                <CheckFieldset key={c.kind} check={c} visit={visit} kit={kit} />
              ))}
              <fieldset style={{ marginBottom: 24, padding: 16 }}>
                <legend style={LEGEND}>{t("visit.signature")}</legend>
                <div style={{ marginBottom: 12 }}>
                  <label htmlFor={kit.props("signedByName").id}>{t("visitForm.signerName")}</label>
                  <input {...kit.props("signedByName")} autoComplete="off" style={BIG_INPUT} />
                  {kit.error("signedByName")}
                </div>
                <SignaturePad
                  label={t("visitForm.signHere")}
                  clearLabel={t("visitForm.clearSignature")}
                  error={kit.error("signature")}
                />
              </fieldset>
              <div className="visit-form-actions">
                <IntentButton intent="save" busy={t("visitForm.saving")} className="button button-secondary">
                  {t("visitForm.save")}
                </IntentButton>
                <IntentButton intent="complete" busy={t("visitForm.completing")}>
                  {t("visitForm.complete")}
                </IntentButton>
              </div>
            </>
          )}
        </IntentForm>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
