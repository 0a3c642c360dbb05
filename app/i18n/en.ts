import { accountEn } from "./catalogues/account";
import { alertsEn } from "./catalogues/alerts";
import { businessTrainingEn } from "./catalogues/business-training";
import { consentWithdrawalEn } from "./catalogues/consent-withdrawal";
import { deliveriesEn } from "./catalogues/deliveries";
import { eventsEn } from "./catalogues/events";
import { marketplaceEn } from "./catalogues/marketplace";
import { matchingEn } from "./catalogues/matching";
import { navigationEn } from "./catalogues/navigation";
import { notificationsEn } from "./catalogues/notifications";
import { outcomesEn } from "./catalogues/outcomes";
import { outsideEn } from "./catalogues/outside";
import { personsEn } from "./catalogues/persons";
import { postingEn } from "./catalogues/posting";
import { publicSearchEn } from "./catalogues/public-search";
import { referralsEn } from "./catalogues/referrals";
import { reportsEn } from "./catalogues/reports";
import { selfServiceEn } from "./catalogues/self-service";
import { supportEn } from "./catalogues/support";
import type { MessageKey } from "./vi";

export const en: Record<MessageKey, string> = {
  "app.name": "Chung Tay",
  "app.tagline": "Jobs and vocational training for people who have completed a prison sentence",
  "home.metaTitle": "Chung Tay · Jobs and vocational training for people returning from prison",
  "home.metaDescription":
    "Connecting people who have completed a prison sentence with jobs and vocational training, together with commune police and employers.",
  "nav.skip": "Skip to main content",
  "nav.main": "Main navigation",
  "nav.home": "Home",
  "nav.myHome": "My page",
  "nav.login": "Log in",
  "nav.logout": "Log out",
  "nav.register": "Register an employer or training provider",
  "nav.language": "Language",
  "nav.switchTo": "Tiếng Việt",
  "nav.loggedInAs": "Logged in as {name}",
  "footer.about":
    "Chung Tay connects people who have completed a prison sentence with jobs and vocational training, together with commune police and employers. Stigma and discrimination against them are prohibited by law.",
  "footer.privacy":
    "Personal information is shared only with the person's own consent, for the purpose they agreed to.",
  "demo.ribbon.title": "Demo data",
  "demo.ribbon.body":
    "a trial copy: every person and organisation here is made up. Do not enter anyone's real information.",

  "role.admin": "Provincial administrator",
  "role.officer": "Commune police officer",
  "role.employer": "Employer",
  "role.provider": "Vocational training provider",
  "role.person": "Job seeker",

  "home.hero.title": "Joining hands to reopen the door to work",
  "home.hero.lead":
    "About 50,000 people return home from prison every year. A stable job is what helps them most to settle back into the community.",
  "home.for.person.title": "Job seekers",
  "home.for.person.body":
    "Find free vocational courses and jobs near home. Your commune police officer helps you register and refers you.",
  "home.for.employer.title": "Businesses and household businesses",
  "home.for.employer.body":
    "Post jobs, receive candidates referred by commune officers, and get loan support for creating jobs.",
  "home.for.provider.title": "Vocational training providers",
  "home.for.provider.body": "Post courses, training places and support for fees, meals and boarding.",
  "home.for.officer.title": "Commune police",
  "home.for.officer.body":
    "Keep reintegration case files, refer people to jobs, follow outcomes and produce reports without paper books or Excel.",
  "home.cta.register": "Register an employer or training provider",
  "home.cta.login": "Log in",
  "home.cta.dashboard": "Go to my page",
  "home.stats.title": "Latest administrative units",
  "home.stats.units":
    "{provinces} provinces and cities and {communes} communes, wards and special zones (since 1/7/2025)",

  "login.title": "Log in",
  "login.lead": "Use the email or phone number you registered with.",
  "login.identifier": "Email or phone number",
  "login.identifier.hint": "For example: name@company.vn or 0912 345 678",
  "login.password": "Password",
  "login.submit": "Log in",
  "login.noAccount": "An employer or training provider without an account?",
  "login.personHelp": "Job seekers: your commune police officer gives you an activation code.",
  "login.error.invalid": "The email, phone number or password is wrong. Please check and try again.",
  "login.error.locked": "Too many failed attempts. Please try again in {minutes} minutes.",
  "login.error.disabled": "This account is locked. Please contact an administrator.",

  "register.title": "Register an organisation",
  "register.lead":
    "For businesses, cooperatives, household businesses, workshops and vocational training providers. After you register, the provincial or commune police where you are based verify your organisation before you can publish.",
  "register.section.org": "Organisation",
  "register.section.account": "Login account",
  "register.role": "You are",
  "register.role.employer": "An employer (business, cooperative, household business, workshop)",
  "register.role.training_provider": "A vocational training provider",
  "register.kind": "Kind",
  "register.orgName": "Organisation name",
  "register.taxCode": "Tax code (optional)",
  "register.taxCode.hint": "10 or 13 digits",
  "register.province": "Province or city",
  "register.commune": "Commune, ward or special zone",
  "register.loadCommunes": "Load the communes",
  "register.chooseProvinceFirst": "Choose the province first",
  "register.address": "Address (number, street, hamlet)",
  "register.contactName": "Contact person",
  "register.contactPhone": "Contact phone",
  "register.email": "Login email",
  "register.password": "Password",
  "register.password.hint": "At least 10 characters, with letters and digits",
  "register.passwordConfirm": "Repeat the password",
  "register.submit": "Register",
  "register.error.emailTaken": "This email is already used by another account.",
  "register.error.phoneTaken": "This phone number is already used by another account.",

  "kind.company": "Company",
  "kind.cooperative": "Cooperative",
  "kind.household_business": "Household business",
  "kind.workshop": "Workshop",
  "kind.training_centre": "Vocational training centre",
  "kind.school": "Intermediate school or college",
  "kind.police": "Police unit",

  "verification.pending": "Awaiting verification",
  "verification.verified": "Verified",
  "verification.rejected": "Rejected",

  "org.home.status": "Verification",
  "org.home.pending":
    "Your organisation is waiting for the provincial or commune police to verify it. Meanwhile you can prepare drafts, but not publish them.",
  "org.home.verified": "Your organisation is verified. You can publish.",
  "org.home.rejected": "Your organisation was not verified. Reason: {reason}",
  "org.home.profile": "Organisation profile",
  "org.home.address": "Address",
  "org.home.contact": "Contact",
  "org.home.taxCode": "Tax code",
  "org.home.registeredAt": "Registered on",

  "employer.home.title": "Employer page",
  "employer.home.next":
    "Post jobs so job seekers and commune officers can find them; they are public once your organisation is verified.",
  "provider.home.title": "Training provider page",
  "provider.home.next":
    "Post courses so job seekers and commune officers can find them; they are public once your centre is verified.",

  "officer.home.title": "Commune officer page",
  "officer.home.communes": "Communes you serve",
  "officer.home.pendingOrgs": "Organisations awaiting verification in the province",
  "officer.home.review": "Review and verify",

  "admin.home.title": "Provincial administration",
  "admin.home.province": "Province",
  "admin.home.communes": "Communes",
  "admin.home.officers": "Commune officers with an account",
  "admin.home.pendingOrgs": "Organisations awaiting verification",
  "admin.home.manageOfficers": "Manage officer accounts",

  "officers.title": "Commune officer accounts",
  "officers.lead":
    "Create accounts for commune police officers in the province. An officer may serve one or more communes.",
  "officers.list": "Officers",
  "officers.none": "No officers yet.",
  "officers.create": "Create an officer account",
  "officers.fullName": "Full name",
  "officers.email": "Email",
  "officers.phone": "Phone (optional)",
  "officers.communes": "Communes served",
  "officers.communes.hint": "Hold Ctrl (or tap several times on a phone) to choose several communes.",
  "officers.submit": "Create account",
  "officers.created": "Account created for {name}. Temporary password (shown once, pass it on): {password}",

  "review.title": "Verify organisations",
  "review.lead":
    "Employers and training providers in the province awaiting verification. Check their papers and address before confirming.",
  "review.none": "No organisation is awaiting verification.",
  "review.verify": "Verify",
  "review.reject": "Reject",
  "review.reason": "Reason for rejecting",
  "review.verified": "{name} is verified.",
  "review.rejected": "{name} was rejected.",
  "review.registeredBy": "Registered by",

  "form.errorSummary": "Please correct the fields marked below.",
  "form.required": "(required)",
  "validation.required": "Please fill this in.",
  "validation.choose": "Please choose one.",
  "validation.invalid": "This value is not valid.",
  "validation.tooLong": "Too long: at most {max} characters.",
  "validation.email": "This email is not valid, e.g. name@company.vn",
  "validation.phone": "This phone number is not valid, e.g. 0912 345 678",
  "validation.identifier": "Enter an email (e.g. name@company.vn) or a phone number (e.g. 0912 345 678).",
  "validation.taxCode": "A tax code has 10 or 13 digits.",
  "validation.password": "The password needs at least 10 characters, with letters and digits.",
  "validation.passwordMismatch": "The two passwords differ.",
  "validation.commune": "This commune is not in the chosen province.",
  "validation.communeOutOfProvince": "Only communes in your province may be chosen.",

  "error.title": "Something went wrong",
  "error.body":
    "Sorry, something failed on our side. Please try again in a few minutes. If it keeps happening, give the code below to support.",
  "error.requestId": "Error code",
  "error.notFound.title": "Page not found",
  "error.notFound.body": "The page you are looking for does not exist or has moved.",
  "error.forbidden": "You are not allowed to see this page.",
  "error.forbidden.title": "Not allowed",
  "error.backHome": "Back to the home page",
  "error.bodyTooLarge":
    "Request refused: what was sent is too large. Go back, shorten it or attach a smaller file, and send it again.",
  "error.origin": "Request refused: it did not come from a Chung Tay page.",
  "error.unavailable.title": "Temporarily unavailable",
  "error.unavailable.body":
    "Chung Tay cannot reach its data for the moment. Please try again in a few minutes. If it goes on, give the support team the error code below.",
  ...marketplaceEn,
  ...publicSearchEn,
  ...postingEn,
  ...businessTrainingEn,
  ...personsEn,
  ...selfServiceEn,
  ...accountEn,
  ...notificationsEn,
  ...outsideEn,
  ...deliveriesEn,
  ...matchingEn,
  ...referralsEn,
  ...outcomesEn,
  ...supportEn,
  ...eventsEn,
  ...reportsEn,
  ...consentWithdrawalEn,
  ...navigationEn,
  ...alertsEn,
};
