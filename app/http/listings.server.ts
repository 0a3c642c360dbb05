import { type ActionFunctionArgs, json, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { z } from "zod";

import { type OrgScope, requireOrganizationScope } from "~/auth/org-scope.server";
import type { Permission } from "~/auth/permissions.server";
import { requireStaff } from "~/auth/scope.server";
import { getEnv } from "~/env.server";
import { listingCacheHeaders } from "~/http/listing-cache";
import { formatNumber } from "~/i18n/format";
import { listCommunes, listProvinces, searchPlaces } from "~/modules/admin-units/admin-units.server";
import {
  createJob,
  getOwnJob,
  jobInputSchema,
  listOwnJobs,
  type OwnJob,
  transitionJob,
  updateJob,
} from "~/modules/jobs/jobs.server";
import { getPublicJob, jobCard } from "~/modules/jobs/public.server";
import { LISTING_KINDS, type ListingKind, POSTING_AREAS, type PostingRole } from "~/modules/listings/kinds";
import type { PostingOutcome, TransitionOutcome } from "~/modules/listings/posting.server";
import { candidatesForListing } from "~/modules/matching/suggestions.server";
import { getOrganizationProfile } from "~/modules/organizations/profile.server";
import { listOccupations, listTrainingLevels } from "~/modules/reference/reference.server";
import { listingVersion, publicData } from "~/modules/search/public-data-cache.server";
import {
  parseJobSearch,
  parseTrainingSearch,
  searchJobs,
  searchTrainings,
} from "~/modules/search/public-search.server";
import { listLinkableJobs } from "~/modules/trainings/partner-jobs.server";
import { getPublicTraining, trainingCard } from "~/modules/trainings/public.server";
import { trainingInputSchema } from "~/modules/trainings/schema.server";
import {
  createTraining,
  getOwnTraining,
  listOwnTrainings,
  type OwnTraining,
  transitionTraining,
  updateTraining,
} from "~/modules/trainings/trainings.server";
import { type FieldErrors, type FormValues, readForm, validateForm } from "~/utils/forms";
import type { NotFound } from "~/utils/outcome";
import { queryOf } from "~/utils/text";

import { personListingAction, personListingState } from "./person-listing.server";
import { found, idOf, notFound, orNotFound } from "./responses.server";

/*
 * The loaders and actions of the listing pages, one of each for jobs and training slots: the public
 * search and detail pages, the officer's candidates page, and the owner's list, new and edit pages.
 * What differs per kind is the data below (and app/modules/listings/kinds.ts). Route files wrap these
 * in arrow functions: a factory call at the top level would keep them in the browser bundle.
 */

type Organization = NonNullable<Awaited<ReturnType<typeof getOrganizationProfile>>>;

/** Per kind: how the public pages read, and how the owner's pages read, fill and save a posting. */
const KINDS = {
  job: {
    search: async (params: URLSearchParams) => {
      const parsed = parseJobSearch(params);
      const places = await searchPlaces(parsed.province, parsed.commune);
      const search = { ...parsed, province: places.province, commune: places.commune };
      const result = await searchJobs(search);
      return {
        search,
        places,
        extra: {},
        result: { ...result, hits: result.hits.map(jobCard), related: result.related.map(jobCard) },
      };
    },
    read: getPublicJob,
    /** Job postings belong to businesses: the permission alone picks the role. */
    permissions: { employer: ["post:job:own"] },
    listOwn: async (scope: OrgScope) => ({ jobs: await listOwnJobs(scope) }),
    transition: transitionJob,
    getOwn: getOwnJob,
    /** The stored job as the form shows it (amounts grouped the Vietnamese way, lists as typed). */
    formValues: (job: OwnJob): FormValues => ({
      title: job.title,
      occupationCode: job.occupationCode,
      description: job.description,
      provinceCode: job.provinceCode,
      communeCode: job.communeCode,
      workplaceAddress: job.workplaceAddress,
      wageMin: formatNumber(job.wageMin, "vi"),
      wageMax: formatNumber(job.wageMax, "vi"),
      employmentType: job.employmentType,
      openings: String(job.openings),
      skills: job.skills.join(", "),
      experience: job.experience,
      benefits: job.benefits,
      startsAt: job.startsAt ?? "",
      closesAt: job.closesAt,
      excludedOffenceCategories: job.excludedOffenceCategories,
      exclusionReason: job.exclusionReason,
    }),
    /** A new job starts at the organisation's own place, full-time, one opening. */
    newValues: (org: Organization): FormValues => ({
      provinceCode: org.provinceCode,
      communeCode: org.communeCode,
      workplaceAddress: org.address,
      employmentType: "full_time",
      openings: "1",
    }),
    /** The lists that follow the province typed in the form. */
    lists: async (_scope: OrgScope, province: string | null) => ({
      communes: province ? await listCommunes(province) : [],
    }),
    choices: async () => ({}),
    parse: (values: FormValues) => validateForm(jobInputSchema, values),
    create: createJob,
    update: updateJob,
  },
  training: {
    search: async (params: URLSearchParams) => {
      const parsed = parseTrainingSearch(params);
      const [places, levels] = await Promise.all([searchPlaces(parsed.province, parsed.commune), listTrainingLevels()]);
      const search = { ...parsed, province: places.province, commune: places.commune };
      const result = await searchTrainings(search);
      return {
        search,
        places,
        extra: { levels },
        result: { ...result, hits: result.hits.map(trainingCard), related: result.related.map(trainingCard) },
      };
    },
    read: getPublicTraining,
    /** The area's own role only: an employer holds post:training:own too, but not on the provider's pages. */
    permissions: {
      employer: ["view:home:employer", "post:training:own"],
      provider: ["view:home:provider", "post:training:own"],
    },
    listOwn: async (scope: OrgScope) => ({ trainings: await listOwnTrainings(scope) }),
    transition: transitionTraining,
    getOwn: getOwnTraining,
    formValues: (training: OwnTraining): FormValues => ({
      title: training.title,
      occupationCode: training.occupationCode,
      levelCode: training.levelCode,
      description: training.description,
      durationWeeks: String(training.durationWeeks),
      schedule: training.schedule,
      startsAt: training.startsAt,
      applicationDeadline: training.applicationDeadline,
      seats: String(training.seats),
      costVnd: training.costVnd > 0 ? formatNumber(training.costVnd, "vi") : "",
      stipendVnd: training.stipendVnd ? formatNumber(training.stipendVnd, "vi") : "",
      support: training.support,
      provinceCode: training.provinceCode,
      communeCode: training.communeCode,
      address: training.address,
      leadsToJobIds: training.leadsToJobIds,
    }),
    /** A new slot is held at the organisation's own address (a business's workplace) unless changed. */
    newValues: (org: Organization): FormValues => ({
      provinceCode: org.provinceCode,
      communeCode: org.communeCode,
      address: org.address,
    }),
    /** The communes and the linkable jobs of the province as typed (it may differ from the organisation's). */
    lists: async (scope: OrgScope, province: string | null) => {
      const [communes, partnerJobs] = province
        ? await Promise.all([listCommunes(province), listLinkableJobs(scope, province)])
        : [[], []];
      return { communes, partnerJobs };
    },
    choices: async () => ({ levels: await listTrainingLevels() }),
    parse: (values: FormValues) => {
      const parsed = validateForm(trainingInputSchema, values);
      return parsed.ok
        ? { ...parsed, data: { ...parsed.data, leadsToJobIds: [...new Set(parsed.data.leadsToJobIds)] } }
        : parsed;
    },
    create: createTraining,
    update: updateTraining,
  },
};

type Kinds = typeof KINDS;
type Own<K extends ListingKind> = NonNullable<Awaited<ReturnType<Kinds[K]["getOwn"]>>>;

/**
 * One kind's configuration with the types the handlers below need: each entry of KINDS is typed by its
 * own kind, which TypeScript cannot follow through a `kind` variable.
 */
function kindOf<K extends ListingKind>(kind: K) {
  return KINDS[kind] as unknown as {
    search: (params: URLSearchParams) => ReturnType<Kinds[K]["search"]>;
    read: (id: string) => ReturnType<Kinds[K]["read"]>;
    permissions: Partial<Record<PostingRole, Permission[]>>;
    listOwn: (scope: OrgScope) => ReturnType<Kinds[K]["listOwn"]>;
    transition: (scope: OrgScope, id: string, action: string) => Promise<TransitionOutcome<string>>;
    getOwn: (scope: OrgScope, id: string) => Promise<Own<K> | undefined>;
    formValues: (own: Own<K>) => FormValues;
    newValues: (org: Organization) => FormValues;
    lists: (scope: OrgScope, province: string | null) => ReturnType<Kinds[K]["lists"]>;
    choices: () => ReturnType<Kinds[K]["choices"]>;
    parse: (values: FormValues) => { ok: true; data: unknown } | { ok: false; errors: FieldErrors };
    create: (scope: OrgScope, input: never, options: { publish: boolean }) => Promise<PostingOutcome<string>>;
    update: (scope: OrgScope, id: string, input: never) => Promise<PostingOutcome<string> | NotFound>;
  };
}

// ---- Public pages -------------------------------------------------------------------------------

/** /jobs, /trainings: the search, its place filters made consistent, and the result cards. */
export async function listingSearchLoader<K extends ListingKind>(kind: K, { request }: LoaderFunctionArgs) {
  // Anonymous visitors share the data for a few seconds (app/modules/search/public-data-cache.server.ts).
  const { search, places, extra, result } = await publicData(request, () => kindOf(kind).search(queryOf(request)));
  return json(
    { search, provinces: places.provinces, communes: places.communes, ...extra, result } as Awaited<
      ReturnType<Kinds[K]["search"]>
    >["extra"] & {
      search: Awaited<ReturnType<Kinds[K]["search"]>>["search"];
      provinces: typeof places.provinces;
      communes: typeof places.communes;
      result: Awaited<ReturnType<Kinds[K]["search"]>>["result"];
    },
    { headers: listingCacheHeaders(request) },
  );
}

/** /jobs/:id, /trainings/:id: the listing if the public may see it today; a malformed id is simply not found. */
export async function listingDetailLoader<K extends ListingKind>(kind: K, { request, params }: LoaderFunctionArgs) {
  const id = idOf(params.id);
  // A logged-in person also gets whether they saved it or asked for a referral (null for everyone else).
  const [listing, person] = await Promise.all([
    publicData(
      request,
      () => kindOf(kind).read(id),
      () => listingVersion(kind, id),
    ),
    personListingState(request, kind, id),
  ]);
  if (!listing) throw notFound();
  // The page's own absolute address, for the share block (copy, Web Share, Zalo).
  const shareUrl = `${getEnv().publicUrl}${LISTING_KINDS[kind].path}/${id}`;
  // Under the kind's name ({ job } or { training }), as the pages and their tests read it.
  const data = { [kind]: listing, person, shareUrl } as {
    [P in K]: NonNullable<Awaited<ReturnType<Kinds[K]["read"]>>>;
  } & { person: typeof person; shareUrl: string };
  return json(data, { headers: listingCacheHeaders(request) });
}

/** A logged-in person saves the listing or asks their officer for a referral. */
export async function listingDetailAction(kind: ListingKind, { request, params }: ActionFunctionArgs) {
  return personListingAction(request, kind, idOf(params.id));
}

/** /officer/jobs/:id/candidates, /officer/trainings/:id/candidates. */
export async function listingCandidatesLoader(kind: ListingKind, { request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request, "match:person:commune");
  const id = idOf(params.id);
  // Unknown, closed, or past its date: not found (candidates only for a listing one can still be referred to).
  const page = await candidatesForListing(scope, { kind, listingId: id });
  if (!page) throw notFound();
  return json(page, { headers: { "Cache-Control": "private, no-store" } });
}

// ---- The owner's pages ----------------------------------------------------------------------------

function requirePostingScope(kind: ListingKind, role: PostingRole, request: Request) {
  const permissions = kindOf(kind).permissions[role];
  if (!permissions) throw new Error(`no ${kind} postings for ${role}`);
  return requireOrganizationScope(request, ...permissions);
}

function listPath(kind: ListingKind, role: PostingRole): string {
  return (POSTING_AREAS[kind] as Partial<Record<PostingRole, { list: string }>>)[role]!.list;
}

/** /employer/jobs, /employer/trainings, /provider/trainings: the organisation's postings and its verification. */
export async function ownListingsLoader<K extends ListingKind>(
  kind: K,
  role: PostingRole,
  { request }: LoaderFunctionArgs,
) {
  const savedParam = z.enum(["open", "draft", "draftUnverified", "updated"]).optional().catch(undefined);
  const scope = await requirePostingScope(kind, role, request);
  const [rows, org] = await Promise.all([kindOf(kind).listOwn(scope), getOrganizationProfile(scope)]);
  if (!org) throw notFound();
  return json({
    kind,
    area: role,
    ...(rows as Awaited<ReturnType<Kinds[K]["listOwn"]>>),
    verification: { status: org.verificationStatus, reason: org.rejectionReason },
    saved: savedParam.parse(new URL(request.url).searchParams.get("saved") ?? undefined),
  });
}

/** A status change from the list (`intent` = publish, close, fill or reopen); the service re-checks every rule. */
export async function ownListingsAction(kind: ListingKind, role: PostingRole, { request }: ActionFunctionArgs) {
  const { failures } = LISTING_KINDS[kind].own;
  const transitionSchema = z.object({ id: z.uuid(), intent: z.enum(LISTING_KINDS[kind].actions) });
  const scope = await requirePostingScope(kind, role, request);
  const parsed = validateForm(transitionSchema, await readForm(request));
  if (!parsed.ok) return json({ id: null, status: null, error: failures.invalid_transition }, { status: 400 });
  const outcome = await kindOf(kind).transition(scope, parsed.data.id, parsed.data.intent);
  if (!outcome.ok) {
    if (outcome.reason === "not_found") throw notFound();
    return json({ id: parsed.data.id, status: null, error: failures[outcome.reason] }, { status: 400 });
  }
  return json({ id: parsed.data.id, status: outcome.status, error: null });
}

/** The form's lists: occupations, provinces, the kind's own (levels), and those that follow the province. */
async function formChoices<K extends ListingKind>(kind: K, scope: OrgScope, provinceCode: string) {
  const config = kindOf(kind);
  const [occupations, provinces, lists, choices] = await Promise.all([
    listOccupations(),
    listProvinces(),
    config.lists(scope, provinceCode),
    config.choices(),
  ]);
  return {
    occupations,
    provinces,
    ...(lists as Awaited<ReturnType<Kinds[K]["lists"]>>),
    ...(choices as Awaited<ReturnType<Kinds[K]["choices"]>>),
  };
}

/** The posting of the URL, if it is the actor's organisation's; any other id is simply not found. */
async function ownListingOf<K extends ListingKind>(kind: K, scope: OrgScope, id: string | undefined): Promise<Own<K>> {
  return found(await kindOf(kind).getOwn(scope, idOf(id)));
}

/**
 * Validate and save (create or update) a submitted form; otherwise answer with what was typed and the
 * lists of the province as submitted (it may differ from the organisation's).
 */
async function saveForm<K extends ListingKind>(
  kind: K,
  scope: OrgScope,
  request: Request,
  save: (input: never, publish: boolean) => Promise<Response | FieldErrors>,
) {
  const values = await readForm(request);
  const province =
    typeof values.provinceCode === "string" && /^\d{2}$/.test(values.provinceCode) ? values.provinceCode : null;
  const answer = async (errors: FieldErrors, status = 400) =>
    json(
      { values, errors, ...((await kindOf(kind).lists(scope, province)) as Awaited<ReturnType<Kinds[K]["lists"]>>) },
      { status },
    );
  // Without JavaScript, "load communes" posts the form: answer with the same values and the lists.
  if (values.intent === "load-communes") return answer({}, 200);
  const parsed = kindOf(kind).parse(values);
  if (!parsed.ok) return answer(parsed.errors);
  const outcome = await save(parsed.data as never, values.intent === "publish");
  return outcome instanceof Response ? outcome : answer(outcome);
}

export async function newListingLoader<K extends ListingKind>(
  kind: K,
  role: PostingRole,
  { request }: LoaderFunctionArgs,
) {
  const scope = await requirePostingScope(kind, role, request);
  const org = await getOrganizationProfile(scope);
  if (!org) throw notFound();
  const values = kindOf(kind).newValues(org);
  return json({
    kind,
    area: role,
    values,
    canPublish: org.verificationStatus === "verified",
    ...(await formChoices(kind, scope, org.provinceCode)),
  });
}

export async function newListingAction<K extends ListingKind>(
  kind: K,
  role: PostingRole,
  { request }: ActionFunctionArgs,
) {
  const scope = await requirePostingScope(kind, role, request);
  return saveForm(kind, scope, request, async (input, publish) => {
    const outcome = await kindOf(kind).create(scope, input, { publish });
    if (!outcome.ok) return outcome.errors;
    const saved =
      outcome.status === "open" ? "open" : outcome.notice === "saved_as_draft" ? "draftUnverified" : "draft";
    return redirect(`${listPath(kind, role)}?saved=${saved}`);
  });
}

export async function editListingLoader<K extends ListingKind>(
  kind: K,
  role: PostingRole,
  { request, params }: LoaderFunctionArgs,
) {
  const scope = await requirePostingScope(kind, role, request);
  const listing = await ownListingOf(kind, scope, params.id);
  return json({
    kind,
    area: role,
    values: kindOf(kind).formValues(listing),
    status: listing.status as Own<K>["status"],
    ...(await formChoices(kind, scope, listing.provinceCode)),
  });
}

export async function editListingAction<K extends ListingKind>(
  kind: K,
  role: PostingRole,
  { request, params }: ActionFunctionArgs,
) {
  const scope = await requirePostingScope(kind, role, request);
  const listing = await ownListingOf(kind, scope, params.id);
  return saveForm(kind, scope, request, async (input) => {
    const outcome = orNotFound(await kindOf(kind).update(scope, listing.id, input));
    if (!outcome.ok) return outcome.errors;
    return redirect(`${listPath(kind, role)}?saved=updated`);
  });
}
