import type { messages as vi } from "../vi/menu";

export const messages: Record<keyof typeof vi, string> = {
  "nav.myHome": "My page",
  "nav.logout": "Log out",
  "nav.loggedInAs": "Logged in as {name}",
  "role.admin": "Provincial administrator",
  "role.officer": "Commune police officer",
  "role.employer": "Employer",
  "role.provider": "Vocational training provider",
  "role.person": "Job seeker",
  "role.national": "National supervising department",
  "account.nav": "Account",
  "admin.deliveries.title": "Messages sent outside",
  "nav.menu": "Menu",
  "nav.menu.label": "Open the menu",
  "nav.shortcuts": "Shortcuts",
  "nav.admin.officers": "Officers",
  "nav.admin.audit": "Access log",
  "nav.admin.review": "Verify organisations",
  "nav.reports": "Reports",
  "nav.national": "National figures",
  "nav.figures": "Public figures",
  "nav.officer.persons": "Persons' records",
  "nav.officer.referrals": "Referrals",
  "nav.officer.followUps": "Follow-ups",
  "nav.employer.jobs": "Job posts",
  "nav.employer.referrals": "Referred candidates",
  "nav.employer.placements": "People at work",
  "nav.provider.trainings": "Courses",
  "nav.provider.referrals": "Referred learners",
  "nav.person.matches": "Suggestions for me",
  "nav.person.referrals": "My referrals",
  "nav.person.consents": "Consents",
  "nav.notifications": "Notifications",
  "nav.notifications.unread": "Notifications ({count} unread)",
  "notifications.unread": "Unread",
  // The demo ribbon (app/components/demo-ribbon.tsx): translated on the server and sent in the root loader's
  // data, so no browser catalogue carries it (every public page's JavaScript budget, decision 035).
  "demo.ribbon.title": "Demo data",
  "demo.ribbon.body":
    "a trial copy: every person and organisation here is made up. Do not enter anyone's real information.",
  // The footer (app/root.tsx): translated on the server and sent in the root loader's data, like the ribbon.
  "footer.about":
    "Chung Tay connects people who have completed a prison sentence with jobs and vocational training, together with commune police and employers. Stigma and discrimination against them are prohibited by law.",
  "footer.figures": "Public figures and open data",
  "footer.privacy":
    "Personal information is shared only with the person's own consent, for the purpose they agreed to.",
  "footer.employers": "Fair-chance employers",
};
