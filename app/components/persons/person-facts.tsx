import type { ReactNode } from "react";

import type { Occupation } from "~/modules/reference/reference.server";
import { useI18n } from "~/utils/i18n-react";

import type { PersonView } from "./types";

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children === "" || children === null || children === undefined ? "—" : children}</dd>
    </>
  );
}

type Names = {
  occupations: Pick<Occupation, "code" | "nameVi" | "nameEn">[];
  communes: Record<string, string>;
  preferredProvince: string | null;
};

/** Identity, release and sentence, bans, trades and wishes, needs, supervisor: the HCD-02 sheet as read back. */
export function PersonFacts({ person, names, age }: { person: PersonView; names: Names; age: number }) {
  const { t, date, vnd, locale } = useI18n();
  const occupationName = (code: string) => {
    const o = names.occupations.find((x) => x.code === code);
    return o ? (locale === "en" ? o.nameEn : o.nameVi) : code;
  };
  const list = (codes: string[]) => (codes.length ? codes.map(occupationName).join(", ") : "");
  const yesNo = (v: boolean) => t(v ? "persons.page.yes" : "persons.page.no");
  return (
    <div className="grid grid--2 person-facts">
      <section className="card" aria-labelledby="identity-title">
        <h2 id="identity-title">{t("persons.page.identity")}</h2>
        <dl className="facts">
          <Fact term={t("persons.field.fullName")}>{person.fullName}</Fact>
          <Fact term={t("persons.field.gender")}>{t(`persons.gender.${person.gender}`)}</Fact>
          <Fact term={t("persons.field.dateOfBirth")}>
            {date(person.dateOfBirth)} ({t("persons.page.age", { age })})
          </Fact>
          <Fact term={t("persons.field.citizenId")}>
            {person.citizenId ?? "—"}
            {person.needsNewIdCard ? (
              <span className="badge badge--pending">{t("persons.field.needsNewIdCard")}</span>
            ) : null}
          </Fact>
          <Fact term={t("consent.field.phone")}>{person.phone ?? ""}</Fact>
          <Fact term={t("consent.print.address")}>
            {[person.address, person.communeName, person.provinceName].filter(Boolean).join(", ")}
          </Fact>
        </dl>
      </section>

      <section className="card" aria-labelledby="release-title">
        <h2 id="release-title">{t("persons.page.release")}</h2>
        <dl className="facts">
          <Fact term={t("persons.field.releaseDate")}>{date(person.releaseDate)}</Fact>
          <Fact term={t("persons.field.releaseType")}>{t(`persons.releaseType.${person.releaseType}`)}</Fact>
        </dl>
        {person.convictions.map((c, i) => (
          <div key={c.id} className="conviction">
            {person.convictions.length > 1 ? <h3>{t("persons.page.conviction", { n: i + 1 })}</h3> : null}
            <dl className="facts">
              <Fact term={t("persons.field.offenceDate")}>{date(c.offenceDate)}</Fact>
              <Fact term={t("persons.field.offenceCategory")}>
                {t(`offence.${c.offenceCategory}`)}
                {c.nationalSecurity ? (
                  <span className="badge badge--pending">{t("offence.national_security")}</span>
                ) : null}
              </Fact>
              <Fact term={t("persons.field.penalty")}>
                {t(`persons.penalty.${c.penalty}`)}
                {c.sentenceMonths ? ` · ${t("persons.page.months", { months: c.sentenceMonths })}` : ""}
              </Fact>
              <Fact term={t("persons.field.mainCompletedOn")}>{date(c.mainCompletedOn)}</Fact>
              {c.supplementaryCompletedOn ? (
                <Fact term={t("persons.field.supplementaryCompletedOn")}>{date(c.supplementaryCompletedOn)}</Fact>
              ) : null}
            </dl>
          </div>
        ))}
        {person.otherDecisionsCompletedOn ? (
          <dl className="facts">
            <Fact term={t("persons.field.otherDecisionsCompletedOn")}>{date(person.otherDecisionsCompletedOn)}</Fact>
          </dl>
        ) : null}
        <h3>{t("persons.page.bans")}</h3>
        {person.bans.length === 0 ? (
          <p>{t("persons.page.none")}</p>
        ) : (
          <ul>
            {person.bans.map((b) => (
              <li key={b.id}>
                {b.kind === "occupation"
                  ? t("persons.page.banOccupation", { names: list(b.occupationCodes) })
                  : t("persons.page.banPlace", {
                      place: (b.communeCode && names.communes[b.communeCode]) || b.communeCode || b.description,
                    })}
                {b.endsOn ? ` (${t("persons.page.until", { date: date(b.endsOn) })})` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="skills-title">
        <h2 id="skills-title">{t("persons.page.skills")}</h2>
        <dl className="facts">
          <Fact term={t("persons.field.skills")}>{person.skills.join(", ")}</Fact>
          <Fact term={t("persons.field.trades")}>{list(person.trades)}</Fact>
          <Fact term={t("persons.field.experience")}>
            {person.experience ? <span className="prose">{person.experience}</span> : ""}
          </Fact>
          <Fact term={t("persons.field.education")}>{person.education}</Fact>
          <Fact term={t("persons.field.certificates")}>
            {person.certificates ? <span className="prose">{person.certificates}</span> : ""}
          </Fact>
          <Fact term={t("persons.field.desiredOccupations")}>{list(person.desiredOccupations)}</Fact>
          <Fact term={t("persons.field.preferredProvinceCode")}>
            {names.preferredProvince ?? t("persons.field.anyProvince")}
          </Fact>
          <Fact term={t("persons.field.willingToMove")}>{yesNo(person.willingToMove)}</Fact>
          <Fact term={t("persons.field.availableFrom")}>{person.availableFrom ? date(person.availableFrom) : ""}</Fact>
          <Fact term={t("persons.field.expectedWage")}>{person.expectedWage ? vnd(person.expectedWage) : ""}</Fact>
        </dl>
      </section>

      <section className="card" aria-labelledby="needs-title">
        <h2 id="needs-title">{t("persons.page.needs")}</h2>
        {person.needs.length ? (
          <ul className="badges">
            {person.needs.map((n) => (
              <li key={n} className="badge badge--soft">
                {t(`persons.need.${n}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("persons.page.none")}</p>
        )}
        {person.hardship ? (
          <p>
            <strong>{t("persons.field.hardship")}</strong>
            {person.hardshipNote ? `: ${person.hardshipNote}` : ""}
          </p>
        ) : null}
        <h2>{t("persons.page.supervisor")}</h2>
        {person.supervisorKind ? (
          <dl className="facts">
            <Fact term={t("persons.field.supervisorKind")}>{t(`persons.supervisorKind.${person.supervisorKind}`)}</Fact>
            <Fact term={t("persons.field.supervisorName")}>{person.supervisorName}</Fact>
            <Fact term={t("persons.field.supervisorContact")}>{person.supervisorContact}</Fact>
          </dl>
        ) : (
          <p>{t("persons.supervisorKind.none")}</p>
        )}
      </section>
    </div>
  );
}
