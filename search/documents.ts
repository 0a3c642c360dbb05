/**
 * Pure mappers from database rows to public search documents. A document carries only what a public
 * page shows plus filter fields: never officer-only fields such as excluded offence categories.
 */

export type JobRow = {
  id: string;
  title: string;
  occupationCode: string;
  occupationNameVi: string;
  occupationNameEn: string;
  majorGroup: string;
  description: string;
  organizationId: string;
  organizationName: string;
  organizationVerified: boolean;
  fairChance: boolean;
  /** Listed in the directory of fair-chance employers: verified, hired through the programme, opted in. */
  recognised: boolean;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  provinceName: string;
  workplaceAddress: string;
  wageMin: number;
  wageMax: number;
  employmentType: string;
  openings: number;
  skills: string[];
  benefits: string[];
  startsAt: string | null;
  closesAt: string;
  status: string;
  publishedAt: Date | null;
};

export type TrainingRow = {
  id: string;
  title: string;
  occupationCode: string;
  occupationNameVi: string;
  occupationNameEn: string;
  majorGroup: string;
  levelCode: string;
  description: string;
  organizationId: string;
  organizationName: string;
  organizationVerified: boolean;
  communeCode: string;
  communeName: string;
  provinceCode: string;
  provinceName: string;
  durationWeeks: number;
  schedule: string;
  startsAt: string;
  applicationDeadline: string;
  seats: number;
  costVnd: number;
  support: string[];
  status: string;
  publishedAt: Date | null;
  leadsToJobs: number;
  /** Given by a business at its workplace (its organisation is an employer), not by a training provider. */
  byBusiness: boolean;
  /** The business's monthly allowance to trainees (VND); null when none is stated. */
  stipendVnd: number | null;
  /** For a business's slot: the title of the open job at the same business it leads to, if any. */
  ownJobTitle: string | null;
};

/** "2026-12-31" → 20261231: day comparisons in Meilisearch filters without time zones. */
export function dayNumber(isoDate: string): number {
  return Number(isoDate.replaceAll("-", ""));
}

const excerpt = (text: string, max = 600) => (text.length > max ? `${text.slice(0, max).trimEnd()}…` : text);

export function jobToDocument(row: JobRow) {
  return {
    id: row.id,
    title: row.title,
    occupationCode: row.occupationCode,
    occupationName: row.occupationNameVi,
    occupationNameEn: row.occupationNameEn,
    occupationGroup: row.majorGroup,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    fairChance: row.fairChance,
    recognised: row.recognised,
    description: excerpt(row.description),
    skills: row.skills,
    communeCode: row.communeCode,
    communeName: row.communeName,
    provinceCode: row.provinceCode,
    provinceName: row.provinceName,
    wageMin: row.wageMin,
    wageMax: row.wageMax,
    employmentType: row.employmentType,
    openings: row.openings,
    benefits: row.benefits,
    startsAt: row.startsAt ? dayNumber(row.startsAt) : null,
    closesAt: dayNumber(row.closesAt),
    publishedAt: row.publishedAt ? Math.floor(row.publishedAt.getTime() / 1000) : 0,
  };
}
export type JobDocument = ReturnType<typeof jobToDocument>;

export function trainingToDocument(row: TrainingRow) {
  return {
    id: row.id,
    title: row.title,
    occupationCode: row.occupationCode,
    trade: row.occupationNameVi,
    tradeEn: row.occupationNameEn,
    occupationGroup: row.majorGroup,
    levelCode: row.levelCode,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    description: excerpt(row.description),
    durationWeeks: row.durationWeeks,
    schedule: row.schedule,
    communeCode: row.communeCode,
    communeName: row.communeName,
    provinceCode: row.provinceCode,
    provinceName: row.provinceName,
    startsAt: dayNumber(row.startsAt),
    applicationDeadline: dayNumber(row.applicationDeadline),
    seats: row.seats,
    costVnd: row.costVnd,
    free: row.costVnd === 0 || row.support.includes("free"),
    support: row.support,
    leadsToJobs: row.leadsToJobs,
    byBusiness: row.byBusiness,
    stipendVnd: row.stipendVnd,
    ownJobTitle: row.ownJobTitle,
    publishedAt: row.publishedAt ? Math.floor(row.publishedAt.getTime() / 1000) : 0,
  };
}
export type TrainingDocument = ReturnType<typeof trainingToDocument>;

export type CandidateRow = {
  id: string;
  status: string;
  anonymized: boolean;
  hasMatchingConsent: boolean;
  skills: string[];
  trades: string[];
  tradeNames: string[];
  desiredOccupations: string[];
  desiredOccupationNames: string[];
  communeCode: string;
  provinceCode: string;
  preferredProvinceCode: string | null;
  willingToMove: boolean;
  availableFrom: string | null;
  expectedWage: number | null;
  bannedOccupationCodes: string[];
  updatedAt: Date;
};

/**
 * Server-only candidate document: what matching needs and nothing else. Never a name, an ID number, a
 * phone, an offence, a sentence or a record status (a unit test lists the allowed keys).
 */
export function candidateToDocument(row: CandidateRow) {
  return {
    id: row.id,
    skills: row.skills,
    trades: row.trades,
    tradeNames: row.tradeNames,
    occupationsWanted: row.desiredOccupations,
    occupationsWantedNames: row.desiredOccupationNames,
    communeCode: row.communeCode,
    provinceCode: row.provinceCode,
    preferredProvinceCode: row.preferredProvinceCode,
    willingToMove: row.willingToMove,
    availableFrom: row.availableFrom ? dayNumber(row.availableFrom) : null,
    expectedWage: row.expectedWage,
    bannedOccupationCodes: row.bannedOccupationCodes,
    updatedAt: Math.floor(row.updatedAt.getTime() / 1000),
  };
}
export type CandidateDocument = ReturnType<typeof candidateToDocument>;
