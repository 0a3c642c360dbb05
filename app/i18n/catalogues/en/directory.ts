import type { messages as vi } from "../vi/directory";

export const messages: Record<keyof typeof vi, string> = {
  "directory.title": "Fair-chance employers",
  "directory.lead":
    "Businesses verified by the police that have hired people through Chung Tay and chose to appear here.",
  "directory.filter.province": "Province or city",
  "directory.filter.trade": "Trade",
  "directory.filter.any": "All",
  "directory.filter.submit": "Filter",
  "directory.filter.clear": "Clear filters",
  "directory.count": "Employers listed: {count}",
  "directory.empty": "No employer is listed yet.",
  "directory.empty.filtered": "No employer matches these filters. Try removing some.",
  "directory.badge": "Hired through Chung Tay",
  "directory.trades": "Trades",
  "directory.hired": "People hired through the programme",
  "directory.kept": "Still employed after 12 months",
  "directory.lt5": "< 5",
  "directory.pages": "Directory pages",
  "directory.prev": "Previous",
  "directory.next": "Next",
  "directory.page": "Page {page} of {pages}",
  "directory.jobs": "See their jobs",
  "directory.about.title": "About this directory",
  "directory.about.earned":
    "Unlike the fair-chance pledge, which an organisation signs by itself, only organisations that have actually hired through the programme are listed here, and each can leave at any time.",
  "directory.about.small":
    "Figures below 5 are shown only as “< 5” so that nobody can be recognised. The directory shows nothing about any worker.",
  "directory.own.title": "Directory of fair-chance employers",
  "directory.own.what":
    "The directory shows your organisation's name, commune, province and trades, and two figures: people hired through the programme and people still employed after 12 months (below 5 shown only as “< 5”). Nothing about any worker. Your job listings carry the label “Hired through Chung Tay”.",
  "directory.own.shown": "Your organisation has been in the directory since {date}.",
  "directory.own.figures": "The directory shows: {hired} people hired, {kept} still employed after 12 months.",
  "directory.own.notShown": "Your organisation is not in the directory.",
  "directory.own.paused": "Your organisation chose to appear in the directory but is not shown for now, because:",
  "directory.own.blocked": "Your organisation cannot join the directory yet, because:",
  "directory.own.blocker.not_verified": "it has not been verified by the police yet;",
  "directory.own.blocker.no_hire":
    "it has not hired anyone through the programme yet (a hire recorded by the commune officer).",
  "directory.own.join": "Appear in the directory",
  "directory.own.leave": "Leave the directory",
  "directory.own.joined": "Your organisation is now in the directory.",
  "directory.own.left":
    "Your organisation has left the directory. Your jobs no longer carry “Hired through Chung Tay”.",
  "directory.own.refused": "Your organisation cannot be added to the directory yet.",
  "directory.own.view": "See the directory",
};
