/**
 * The body of a démarche's statistics page (instructeur, administrateur and public pages): usual
 * processing time, funnel, acceptance rate, deposits and decisions per week, processing time per
 * month — each chart with its data table.
 */
import type { Locale } from "../../../common/i18n/types";
import { DECISION_STATES, type DemarcheStatistics } from "../../../server/domain/stats/compute";
import { useLocale, useT, useTn } from "../../lib/i18n";
import { BarChart, CHART_COLORS, DataTable, HorizontalBars } from "./charts";

const DECISION_COLORS = { accepte: CHART_COLORS.success, refuse: CHART_COLORS.error, sans_suite: CHART_COLORS.neutral };

const intlLocale = (locale: Locale) => (locale === "fr" ? "fr-FR" : "en-GB");
export function statFormatters(locale: Locale) {
  const number = new Intl.NumberFormat(intlLocale(locale));
  const decimal = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
  const week = new Intl.DateTimeFormat(intlLocale(locale), { day: "2-digit", month: "short", timeZone: "UTC" });
  const month = new Intl.DateTimeFormat(intlLocale(locale), { month: "short", year: "numeric", timeZone: "UTC" });
  const longDate = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: "UTC" });
  const day = (d: string) => new Date(`${d}T00:00:00Z`);
  return {
    number: (n: number) => number.format(n),
    decimal: (n: number) => decimal.format(n),
    week: (d: string) => week.format(day(d)),
    month: (d: string) => month.format(day(d)),
    date: (d: string) => longDate.format(day(d)),
  };
}

export function DemarcheStatisticsView({ stats }: { stats: DemarcheStatistics }) {
  const t = useT();
  const tn = useTn();
  const f = statFormatters(useLocale());
  const funnelRows = (["tous", "deposes", "instruction", "traites"] as const).map((key) => ({
    key,
    label: t(`statistiques.funnel.${key}`),
    value: stats.funnel[key],
    color: CHART_COLORS.primary,
    display: f.number(stats.funnel[key]),
  }));
  const decisionRows = DECISION_STATES.map((key) => ({
    key,
    label: t(`statistiques.decisions.${key}`),
    value: stats.decisionRates[key],
    color: DECISION_COLORS[key],
    display: t("statistiques.table.percent", { value: f.decimal(stats.decisionRates[key]) }),
  }));
  const p90 = stats.recentProcessingP90;
  const usualDuration =
    p90 === null
      ? null
      : p90 < 86_400
        ? tn("statistiques.usual.hours", Math.max(1, Math.ceil(p90 / 3600)))
        : tn("statistiques.usual.days", Math.ceil(p90 / 86_400));
  const weeks = stats.processedByWeek.map((w) => f.week(w.week));
  const monthsWithData = stats.processingTimeByMonth;
  return (
    <div className="guichet-statistics">
      <section className="fr-mb-6w" aria-labelledby="stats-usual">
        <h2 id="stats-usual">{t("statistiques.usual.title")}</h2>
        <p className="fr-text--lead">
          {usualDuration ? t("statistiques.usual.sentence", { duration: usualDuration }) : t("statistiques.usual.none")}
        </p>
      </section>

      <section className="fr-mb-6w" aria-labelledby="stats-funnel">
        <h2 id="stats-funnel">{t("statistiques.funnel.title")}</h2>
        <HorizontalBars title={t("statistiques.funnel.title")} desc={t("statistiques.funnel.desc")} rows={funnelRows} />
        <DataTable
          summary={t("statistiques.table.show")}
          caption={t("statistiques.funnel.title")}
          head={[t("statistiques.table.step"), t("statistiques.table.count")]}
          rows={funnelRows.map((r) => [r.label, r.display])}
        />
      </section>

      <section className="fr-mb-6w" aria-labelledby="stats-decisions">
        <h2 id="stats-decisions">{t("statistiques.decisions.title")}</h2>
        {stats.funnel.traites === 0 ? (
          <p>{t("statistiques.decisions.none")}</p>
        ) : (
          <>
            <HorizontalBars
              title={t("statistiques.decisions.title")}
              desc={t("statistiques.decisions.desc")}
              rows={decisionRows}
              max={100}
            />
            <DataTable
              summary={t("statistiques.table.show")}
              caption={t("statistiques.decisions.title")}
              head={[t("statistiques.table.decision"), t("statistiques.table.count"), t("statistiques.table.share")]}
              rows={decisionRows.map((r) => [r.label, f.number(stats.decisions[r.key]), r.display])}
            />
          </>
        )}
      </section>

      <section className="fr-mb-6w" aria-labelledby="stats-deposes">
        <h2 id="stats-deposes">{t("statistiques.deposesByWeek.title")}</h2>
        <BarChart
          title={t("statistiques.deposesByWeek.title")}
          desc={t("statistiques.deposesByWeek.desc")}
          categories={weeks}
          series={[
            {
              key: "deposes",
              label: t("statistiques.funnel.deposes"),
              color: CHART_COLORS.primary,
              values: stats.deposesByWeek.map((w) => w.count),
            },
          ]}
          format={f.number}
        />
        <DataTable
          summary={t("statistiques.table.show")}
          caption={t("statistiques.deposesByWeek.title")}
          head={[t("statistiques.table.week"), t("statistiques.table.count")]}
          rows={stats.deposesByWeek.map((w) => [f.week(w.week), f.number(w.count)])}
        />
      </section>

      <section className="fr-mb-6w" aria-labelledby="stats-processed">
        <h2 id="stats-processed">{t("statistiques.processedByWeek.title")}</h2>
        <BarChart
          title={t("statistiques.processedByWeek.title")}
          desc={t("statistiques.processedByWeek.desc")}
          categories={weeks}
          series={DECISION_STATES.map((s) => ({
            key: s,
            label: t(`statistiques.decisions.${s}`),
            color: DECISION_COLORS[s],
            values: stats.processedByWeek.map((w) => w[s]),
          }))}
          format={f.number}
        />
        <DataTable
          summary={t("statistiques.table.show")}
          caption={t("statistiques.processedByWeek.title")}
          head={[t("statistiques.table.week"), ...DECISION_STATES.map((s) => t(`statistiques.decisions.${s}`))]}
          rows={stats.processedByWeek.map((w) => [f.week(w.week), ...DECISION_STATES.map((s) => f.number(w[s]))])}
        />
      </section>

      <section className="fr-mb-6w" aria-labelledby="stats-months">
        <h2 id="stats-months">{t("statistiques.byMonth.title")}</h2>
        {monthsWithData.length === 0 ? (
          <p>{t("statistiques.byMonth.none")}</p>
        ) : (
          <>
            <BarChart
              title={t("statistiques.byMonth.title")}
              desc={t("statistiques.byMonth.desc")}
              categories={monthsWithData.map((m) => f.month(m.month))}
              series={[
                {
                  key: "days",
                  label: t("statistiques.table.days"),
                  color: CHART_COLORS.primary,
                  values: monthsWithData.map((m) => m.days ?? 0),
                },
              ]}
              format={f.number}
            />
            <DataTable
              summary={t("statistiques.table.show")}
              caption={t("statistiques.byMonth.title")}
              head={[t("statistiques.table.month"), t("statistiques.table.days")]}
              rows={monthsWithData.map((m) => [
                f.month(m.month),
                m.days === null ? t("statistiques.byMonth.noData") : f.number(m.days),
              ])}
            />
          </>
        )}
      </section>
    </div>
  );
}
