import { TableScroll } from "~/components/table-scroll";
import { useI18n } from "~/utils/i18n-react";

export type ChartView = {
  id: string;
  title: string;
  desc: string;
  svg: string;
  svgNarrow: string;
  table: { head: string[]; rows: (string | number)[][] };
};

/**
 * A chart drawn on the server: the SVG markup (made by app/modules/reports/charts.server.ts from our own
 * figures and catalogue labels, its texts escaped) embedded as is, and its numbers as a table beneath.
 * Both drawings are in the page; CSS shows the narrow one on a phone and the wide one elsewhere (the
 * hidden one is display: none, so screen readers meet one chart).
 */
export function ChartFigure({
  chart,
  dataLabel,
  note,
}: {
  chart: ChartView;
  /** The data table's disclosure label, in the caller's catalogue area (reports, public figures). */
  dataLabel: string;
  /** A sentence under the drawing (the public figures say which hidden values it leaves out). */
  note?: string;
}) {
  const { number } = useI18n();
  return (
    <figure className="card report-chart" id={`chart-${chart.id}`}>
      <figcaption>{chart.title}</figcaption>
      <div className="report-chart__svg report-chart__svg--wide" dangerouslySetInnerHTML={{ __html: chart.svg }} />
      <div
        className="report-chart__svg report-chart__svg--narrow"
        dangerouslySetInnerHTML={{ __html: chart.svgNarrow }}
      />
      {note ? <p className="hint">{note}</p> : null}
      <details>
        <summary>{dataLabel}</summary>
        <TableScroll label={chart.title}>
          <table className="report-table">
            <thead>
              <tr>
                {chart.table.head.map((h) => (
                  <th scope="col" key={h}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.table.rows.map((row) => (
                <tr key={String(row[0])}>
                  {row.map((cell, i) =>
                    i === 0 ? (
                      <th scope="row" key={i}>
                        {cell}
                      </th>
                    ) : (
                      <td key={i} className="num">
                        {typeof cell === "number" ? number(cell) : cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </figure>
  );
}
