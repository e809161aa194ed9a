import { BackupSizeChart } from "@trygg/charts";
import type { ReactNode } from "react";
import { IntentButton, IntentForm, SuccessNotice, type FieldKit } from "~/components/intent-form";
import type { HostingRecordFragment } from "~/graphql/graphql";
import { formatDate, formatDateTime, formatNumber, type Lang } from "~/i18n/i18n";
import { useLang, useT } from "~/i18n/use-t";

/** The forms this section posts to its page's action (hosting-action.server.ts runs them). */
export const HOSTING_INTENTS = ["recordHostedServiceUpdate", "recordRestoreTest"] as const;

const GB = 1024 ** 3;
const MB = 1024 ** 2;

function size(lang: Lang, bytes: number): string {
  return bytes >= GB
    ? `${formatNumber(lang, Math.round((bytes / GB) * 100) / 100)} GB`
    : `${formatNumber(lang, Math.round((bytes / MB) * 10) / 10)} MB`;
}

/**
 * "Drift": what Aptus Hosting did for the customer — the last backups with their size trend, the
 * restore tests, each hosted service's version against the latest release — and, for the vendor's
 * staff, the forms to record a restore test and an update.
 */
export function HostingSection({ hosting, nowLocal }: { hosting: HostingRecordFragment; nowLocal: string }) {
  const t = useT();
  const lang = useLang();
  const backups = hosting.backups;
  return (
    <section className="section" aria-labelledby="hosting-title" data-testid="hosting">
      <h2 id="hosting-title">{t("hosting.title")}</h2>
      <p className="muted">{t("hosting.intro")}</p>
      <SuccessNotice intents={HOSTING_INTENTS} />
      <div className="card">
        <h3>{t("hosting.servicesTitle")}</h3>
        <ul className="plain-list" data-testid="hosted-services">
          {hosting.services.map((s) => (
            <li key={s.service} data-service={s.service} data-outdated={s.outdated ? "true" : "false"}>
              <strong>{t(`hostedService.${s.service}`)}</strong>{" "}
              <span className="tabular">{s.runningVersion ?? t("hosting.unknownVersion")}</span>
              {s.outdated ? (
                <span className="badge badge-revoked">
                  {t("hosting.outdated")} · {t("hosting.latest").toLowerCase()} {s.latestVersion}
                </span>
              ) : s.runningVersion && s.latestVersion ? (
                <span className="badge badge-active">{t("hosting.upToDate")}</span>
              ) : null}
              {s.updatedAt ? (
                <span className="muted small">
                  {" "}
                  · {t("hosting.updatedAt").toLowerCase()} {formatDate(lang, s.updatedAt)}
                  {s.updates[0]?.recordedBy ? `, ${s.updates[0].recordedBy.name}` : ""}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
      <div className="card">
        <h3>{t("hosting.backupsTitle")}</h3>
        {backups.length === 0 ? (
          <p className="muted small">{t("hosting.noBackups")}</p>
        ) : (
          <>
            <div className="hosting-backup-charts">
              {backupsByCheck(backups).map((runs) => (
                <BackupTrend key={runs[0]!.checkId} runs={runs} />
              ))}
            </div>
            <ul className="plain-list" data-testid="hosting-backups">
              {backups.slice(0, 7).map((b) => (
                <li key={b.finishedAt}>
                  {t("hosting.backupLine", {
                    time: formatDateTime(lang, b.finishedAt),
                    size: b.sizeBytes == null ? "–" : size(lang, b.sizeBytes),
                    result: t(b.succeeded ? "hosting.backupOk" : "hosting.backupFailed"),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="card">
        <h3>{t("hosting.restoreTestsTitle")}</h3>
        {hosting.restoreTests.length === 0 ? (
          <p className="muted small">{t("hosting.noRestoreTests")}</p>
        ) : (
          <ul className="plain-list" data-testid="restore-tests">
            {hosting.restoreTests.map((r) => (
              <li key={r.testedAt}>
                {t("hosting.restoreTestLine", {
                  tested: formatDateTime(lang, r.testedAt),
                  backup: formatDateTime(lang, r.backupTakenAt),
                  result: t(`hosting.restoreResult.${r.result}`),
                })}
                {r.note ? <span className="muted small"> · {r.note}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      {hosting.viewerCanRecord ? <HostingForms hosting={hosting} nowLocal={nowLocal} /> : null}
    </section>
  );
}

type HostingBackupRun = HostingRecordFragment["backups"][number];

/** Each backup check's runs apart, in the order their newest run came: one installation's trend is not another's. */
function backupsByCheck(backups: readonly HostingBackupRun[]): HostingBackupRun[][] {
  const byCheck = new Map<string, HostingBackupRun[]>();
  for (const b of backups) byCheck.set(b.checkId, [...(byCheck.get(b.checkId) ?? []), b]);
  return [...byCheck.values()];
}

/** One backup check's size trend, named by its installation and check. */
function BackupTrend({ runs }: { runs: HostingBackupRun[] }) {
  const t = useT();
  const lang = useLang();
  // A partner who sees the customer but not this installation gets the check's name alone.
  const first = runs[0]!;
  const name = first.property ? `${first.property.name} · ${first.checkName}` : first.checkName;
  return (
    <figure className="hosting-backup-chart" data-testid="backup-trend">
      <figcaption className="small">{name}</figcaption>
      <BackupSizeChart
        runs={runs}
        title={t("hosting.backupTrendOf", { name })}
        formatSize={(bytes) => size(lang, bytes)}
        describe={(r) =>
          t("hosting.backupLine", {
            time: formatDateTime(lang, r.finishedAt),
            size: r.sizeBytes == null ? "–" : size(lang, r.sizeBytes),
            result: t(r.succeeded ? "hosting.backupOk" : "hosting.backupFailed"),
          })
        }
      />
    </figure>
  );
}

/** A form field: its label, the control the caller gives, and the refusal beside it. */
function FormField({ f, name, label, children }: { f: FieldKit; name: string; label: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={f.props(name).id}>{label}</label>
      {children}
      {f.error(name)}
    </div>
  );
}

function HostingForms({ hosting, nowLocal }: { hosting: HostingRecordFragment; nowLocal: string }) {
  const t = useT();
  return (
    <div className="grid-2">
      <div className="card subform">
        <h3>{t("hosting.recordUpdate")}</h3>
        <IntentForm
          intent="recordHostedServiceUpdate"
          fields={["service", "versionBefore", "versionAfter", "updatedAt", "note"]}
          aria-label={t("hosting.recordUpdate")}
        >
          {(f) => (
            <>
              <FormField f={f} name="service" label={t("hosting.service")}>
                <select {...f.props("service")} defaultValue={f.value("service")}>
                  {hosting.services.map((s) => (
                    <option key={s.service} value={s.service}>
                      {t(`hostedService.${s.service}`)}
                    </option>
                  ))}
                </select>
              </FormField>
              <FormField f={f} name="versionBefore" label={t("hosting.versionBefore")}>
                <input required maxLength={20} {...f.props("versionBefore")} defaultValue={f.value("versionBefore")} />
              </FormField>
              <FormField f={f} name="versionAfter" label={t("hosting.versionAfter")}>
                <input required maxLength={20} {...f.props("versionAfter")} defaultValue={f.value("versionAfter")} />
              </FormField>
              <FormField f={f} name="updatedAt" label={t("hosting.updatedAtField")}>
                <input
                  type="datetime-local"
                  required
                  {...f.props("updatedAt")}
                  defaultValue={f.value("updatedAt", nowLocal)}
                />
              </FormField>
              <FormField f={f} name="note" label={t("hosting.note")}>
                <textarea maxLength={2000} rows={2} {...f.props("note")} defaultValue={f.value("note")} />
              </FormField>
              <IntentButton intent="recordHostedServiceUpdate" busy={t("hosting.recording")}>
                {t("hosting.recordUpdateButton")}
              </IntentButton>
            </>
          )}
        </IntentForm>
      </div>
      <div className="card subform">
        <h3>{t("hosting.recordRestoreTest")}</h3>
        <IntentForm
          intent="recordRestoreTest"
          fields={["testedAt", "backupTakenAt", "result", "note"]}
          aria-label={t("hosting.recordRestoreTest")}
        >
          {(f) => (
            <>
              <FormField f={f} name="testedAt" label={t("hosting.testedAt")}>
                <input
                  type="datetime-local"
                  required
                  {...f.props("testedAt")}
                  defaultValue={f.value("testedAt", nowLocal)}
                />
              </FormField>
              <FormField f={f} name="backupTakenAt" label={t("hosting.backupTakenAt")}>
                <input
                  type="datetime-local"
                  required
                  {...f.props("backupTakenAt")}
                  defaultValue={f.value("backupTakenAt")}
                />
              </FormField>
              <FormField f={f} name="result" label={t("hosting.result")}>
                <select {...f.props("result")} defaultValue={f.value("result", "OK")}>
                  {(["OK", "FAILED"] as const).map((r) => (
                    <option key={r} value={r}>
                      {t(`hosting.restoreResult.${r}`)}
                    </option>
                  ))}
                </select>
              </FormField>
              <FormField f={f} name="note" label={t("hosting.note")}>
                <textarea maxLength={2000} rows={2} {...f.props("note")} defaultValue={f.value("note")} />
              </FormField>
              <IntentButton intent="recordRestoreTest" busy={t("hosting.recording")}>
                {t("hosting.recordRestoreTestButton")}
              </IntentButton>
            </>
          )}
        </IntentForm>
      </div>
    </div>
  );
}
