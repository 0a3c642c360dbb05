import type { SerializeFrom } from "@remix-run/node";
import type { ReactNode } from "react";

import { formatQuarter, type MessageKey } from "~/i18n";
import type { PersonExport } from "~/modules/persons/data-rights.server";

import { ConsentCard } from "./consent";
import { useLabels } from "./labels";

export type PersonDataView = SerializeFrom<PersonExport>;
export type PlaceNames = {
  occupations: Record<string, { vi: string; en: string }>;
  provinces: Record<string, string>;
  communes: Record<string, string>;
};

function Row({ label, children }: { label: MessageKey; children: ReactNode }) {
  const { t } = useLabels();
  const empty =
    children === null ||
    children === undefined ||
    children === "" ||
    (Array.isArray(children) && children.length === 0);
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>{empty ? <span className="hint">{t("self.data.none")}</span> : children}</dd>
    </>
  );
}

/**
 * Every field held about a person, in words: the person's own "my data" page and the officer's printable
 * export show the same thing. Convictions and bans included: it is the person's own data.
 */
export function PersonData({
  data,
  names,
  withdrawable = false,
}: {
  data: PersonDataView;
  names: PlaceNames;
  withdrawable?: boolean;
}) {
  const { t, date, vnd, number, word, yesNo, locale } = useLabels();
  const p = data.person;
  const occ = (codes: string[]) =>
    codes.map((c) => (names.occupations[c] ? names.occupations[c][locale] : c)).join(", ");
  const exp = data.expungement;
  return (
    <div className="person-data">
      <section className="card">
        <h2>{t("self.data.identity")}</h2>
        <dl className="facts">
          <Row label="self.f.fullName">{p.fullName}</Row>
          <Row label="self.f.gender">{word("self.gender", p.gender)}</Row>
          <Row label="self.f.dateOfBirth">{date(p.dateOfBirth)}</Row>
          <Row label="self.f.citizenId">{p.citizenId}</Row>
          <Row label="self.f.needsNewIdCard">{yesNo(p.needsNewIdCard)}</Row>
          <Row label="self.f.phone">{p.phone}</Row>
          <Row label="self.f.address">{p.address}</Row>
          <Row label="self.f.commune">
            {p.communeName}, {p.provinceName}
          </Row>
          <Row label="self.f.status">
            {word("self.status", p.status)}
            {p.closedReason ? ` · ${word("self.closure", p.closedReason)}` : ""}
            {p.closedAt ? ` · ${date(p.closedAt)}` : ""}
          </Row>
          {p.closedNote ? <Row label="self.f.closedNote">{p.closedNote}</Row> : null}
        </dl>
      </section>

      <section className="card">
        <h2>{t("self.data.release")}</h2>
        <dl className="facts">
          <Row label="self.f.releaseDate">{date(p.releaseDate)}</Row>
          <Row label="self.f.releaseType">{word("self.releaseType", p.releaseType)}</Row>
        </dl>
      </section>

      <section className="card">
        <h2>{t("self.data.work")}</h2>
        <dl className="facts">
          <Row label="self.f.skills">{p.skills.join(", ")}</Row>
          <Row label="self.f.trades">{occ(p.trades)}</Row>
          <Row label="self.f.experience">{p.experience}</Row>
          <Row label="self.f.education">{p.education}</Row>
          <Row label="self.f.certificates">{p.certificates}</Row>
          <Row label="self.f.desiredOccupations">{occ(p.desiredOccupations)}</Row>
          <Row label="self.f.preferredProvince">
            {p.preferredProvinceCode ? (names.provinces[p.preferredProvinceCode] ?? p.preferredProvinceCode) : null}
          </Row>
          <Row label="self.f.willingToMove">{yesNo(p.willingToMove)}</Row>
          <Row label="self.f.availableFrom">{p.availableFrom ? date(p.availableFrom) : null}</Row>
          <Row label="self.f.expectedWage">{p.expectedWage ? vnd(p.expectedWage) : null}</Row>
        </dl>
      </section>

      <section className="card">
        <h2>{t("self.data.support")}</h2>
        <dl className="facts">
          <Row label="self.f.needs">{p.needs.map((n) => word("self.need", n)).join(", ")}</Row>
          <Row label="self.f.hardship">{yesNo(p.hardship)}</Row>
          {p.hardshipNote ? <Row label="self.f.hardshipNote">{p.hardshipNote}</Row> : null}
          <Row label="self.f.supervisor">{[p.supervisorName, p.supervisorContact].filter(Boolean).join(" · ")}</Row>
        </dl>
      </section>

      <section className="card">
        <h2>{t("self.data.record")}</h2>
        {exp.recordedOn ? (
          <p>
            {t("self.f.recordExpungedOn")}: <strong>{date(exp.recordedOn)}</strong>
          </p>
        ) : exp.computed?.kind === "no_record" ? (
          <p>{t("self.record.none")}</p>
        ) : exp.computed ? (
          <p>
            {t(exp.computed.kind === "court" ? "self.record.court" : "self.record.automatic", {
              date: date(exp.computed.date),
            })}
          </p>
        ) : (
          <p className="hint">{t("self.data.none")}</p>
        )}
        <h3>{t("self.data.convictions")}</h3>
        {data.convictions.length === 0 ? (
          <p className="hint">{t("self.data.none")}</p>
        ) : (
          data.convictions.map((c) => (
            <dl className="facts facts--block" key={c.id}>
              <Row label="self.f.offenceDate">{date(c.offenceDate)}</Row>
              <Row label="self.f.offenceCategory">{word("offence", c.offenceCategory)}</Row>
              <Row label="self.f.nationalSecurity">{yesNo(c.nationalSecurity)}</Row>
              <Row label="self.f.penalty">{word("self.penalty", c.penalty)}</Row>
              {c.sentenceMonths ? <Row label="self.f.sentenceMonths">{number(c.sentenceMonths)}</Row> : null}
              <Row label="self.f.mainCompletedOn">{date(c.mainCompletedOn)}</Row>
              {c.supplementaryCompletedOn ? (
                <Row label="self.f.supplementaryCompletedOn">{date(c.supplementaryCompletedOn)}</Row>
              ) : null}
            </dl>
          ))
        )}
        <h3>{t("self.data.bans")}</h3>
        {data.courtBans.length === 0 ? (
          <p className="hint">{t("self.data.none")}</p>
        ) : (
          data.courtBans.map((b) => (
            <dl className="facts facts--block" key={b.id}>
              {b.kind === "occupation" ? (
                <Row label="self.f.banOccupation">{occ(b.occupationCodes)}</Row>
              ) : (
                <Row label="self.f.banPlace">
                  {b.communeCode
                    ? (names.communes[b.communeCode] ?? b.communeCode)
                    : b.provinceCode
                      ? (names.provinces[b.provinceCode] ?? b.provinceCode)
                      : ""}
                </Row>
              )}
              {b.description ? <Row label="self.f.banNote">{b.description}</Row> : null}
              <Row label="self.f.endsOn">{b.endsOn ? date(b.endsOn) : null}</Row>
            </dl>
          ))
        )}
      </section>

      <section className="card">
        <h2>{t("self.data.classifications")}</h2>
        {data.classifications.length === 0 ? (
          <p className="hint">{t("self.data.none")}</p>
        ) : (
          <ul className="plain-list">
            {data.classifications.map((c) => (
              <li key={c.id}>
                <strong>{formatQuarter(c.quarter, locale)}</strong>: {c.group}
                {c.note ? ` · ${c.note}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section>
        <h2>{t("self.data.consents")}</h2>
        {data.consentGrants.length === 0 ? (
          <p className="hint">{t("self.consents.none")}</p>
        ) : (
          <ul className="list">
            {data.consentGrants.map((g) => (
              <ConsentCard key={g.id} grant={g} withdrawable={withdrawable} />
            ))}
          </ul>
        )}
      </section>

      {data.transfers.length ? (
        <section className="card">
          <h2>{t("self.data.transfers")}</h2>
          <ul className="plain-list">
            {data.transfers.map((tr) => (
              <li key={tr.id}>
                {date(tr.requestedAt)}:{" "}
                {t("self.transfers.fromTo", {
                  from: names.communes[tr.fromCommuneCode] ?? tr.fromCommuneCode,
                  to: names.communes[tr.toCommuneCode] ?? tr.toCommuneCode,
                })}{" "}
                ({word("self.transferStatus", tr.status)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.account ? (
        <section className="card">
          <h2>{t("self.data.account")}</h2>
          <dl className="facts">
            <Row label="self.f.accountPhone">{data.account.phone}</Row>
            <Row label="self.f.accountCreated">{date(data.account.createdAt)}</Row>
          </dl>
        </section>
      ) : null}
    </div>
  );
}
