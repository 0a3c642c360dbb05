import type { messages as vi } from "../vi/home";

export const messages: Record<keyof typeof vi, string> = {
  "home.metaTitle": "Chung Tay · Jobs and vocational training for people returning from prison",
  "home.metaDescription":
    "Connecting people who have completed a prison sentence with jobs and vocational training, together with commune police and employers.",
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
  "home.stats.units":
    "{provinces} provinces and cities and {communes} communes, wards and special zones (since 1/7/2025)",
  "home.search.title": "Find a job",
  "home.search.trainings": "Browse vocational courses, many of them free",
  "home.search.employers": "Fair-chance employers who have hired through Chung Tay",
};
