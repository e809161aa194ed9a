import { BackupSizeChart } from "@trygg/charts";
import { IntentButton, IntentForm, SuccessNotice } from "~/components/intent-form";
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
            <div className="hosting-backup-chart" data-testid="backup-trend">
              <BackupSizeChart
                runs={backups}
                title={t("hosting.backupTrend")}
                formatSize={(bytes) => size(lang, bytes)}
                describe={(r) =>
                  t("hosting.backupLine", {
                    time: formatDateTime(lang, r.finishedAt),
                    size: r.sizeBytes == null ? "–" : size(lang, r.sizeBytes),
                    result: t(r.succeeded ? "hosting.backupOk" : "hosting.backupFailed"),
                  })
                }
              />
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
              <div className="field">
                <label htmlFor={f.props("service").id}>{t("hosting.service")}</label>
                <select {...f.props("service")} defaultValue={f.value("service")}>
                  {hosting.services.map((s) => (
                    <option key={s.service} value={s.service}>
                      {t(`hostedService.${s.service}`)}
                    </option>
                  ))}
                </select>
                {f.error("service")}
              </div>
              <div className="field">
                <label htmlFor={f.props("versionBefore").id}>{t("hosting.versionBefore")}</label>
                <input required maxLength={20} {...f.props("versionBefore")} defaultValue={f.value("versionBefore")} />
                {f.error("versionBefore")}
              </div>
              <div className="field">
                <label htmlFor={f.props("versionAfter").id}>{t("hosting.versionAfter")}</label>
                <input required maxLength={20} {...f.props("versionAfter")} defaultValue={f.value("versionAfter")} />
                {f.error("versionAfter")}
              </div>
              <div className="field">
                <label htmlFor={f.props("updatedAt").id}>{t("hosting.updatedAtField")}</label>
                <input
                  type="datetime-local"
                  required
                  {...f.props("updatedAt")}
                  defaultValue={f.value("updatedAt", nowLocal)}
                />
                {f.error("updatedAt")}
              </div>
              <div className="field">
                <label htmlFor={f.props("note").id}>{t("hosting.note")}</label>
                <textarea maxLength={2000} rows={2} {...f.props("note")} defaultValue={f.value("note")} />
                {f.error("note")}
              </div>
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
              <div className="field">
                <label htmlFor={f.props("testedAt").id}>{t("hosting.testedAt")}</label>
                <input
                  type="datetime-local"
                  required
                  {...f.props("testedAt")}
                  defaultValue={f.value("testedAt", nowLocal)}
                />
                {f.error("testedAt")}
              </div>
              <div className="field">
                <label htmlFor={f.props("backupTakenAt").id}>{t("hosting.backupTakenAt")}</label>
                <input
                  type="datetime-local"
                  required
                  {...f.props("backupTakenAt")}
                  defaultValue={f.value("backupTakenAt")}
                />
                {f.error("backupTakenAt")}
              </div>
              <div className="field">
                <label htmlFor={f.props("result").id}>{t("hosting.result")}</label>
                <select {...f.props("result")} defaultValue={f.value("result", "OK")}>
                  {(["OK", "FAILED"] as const).map((r) => (
                    <option key={r} value={r}>
                      {t(`hosting.restoreResult.${r}`)}
                    </option>
                  ))}
                </select>
                {f.error("result")}
              </div>
              <div className="field">
                <label htmlFor={f.props("note").id}>{t("hosting.note")}</label>
                <textarea maxLength={2000} rows={2} {...f.props("note")} defaultValue={f.value("note")} />
                {f.error("note")}
              </div>
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
