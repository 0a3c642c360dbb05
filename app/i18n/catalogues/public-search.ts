/** Messages for public search pages. Add each key to both objects (a unit test checks they match). */
export const publicSearchVi = {
  "search.apply": "Áp dụng",
  "search.filters.active": "{count} đang áp dụng",
  "search.wage.atLeast": "Từ {amount}",
  "search.results.title": "Kết quả tìm kiếm",
  "jobs.wageSingle": "{amount}/tháng",
  "jobs.backToList": "Xem các việc làm khác",
  "trainings.about": "Về khóa học",
  "trainings.backToList": "Xem các khóa học khác",
  "trainings.cta.login": "Đăng nhập để nhờ giới thiệu đi học",
  "home.search.title": "Tìm việc làm",
  "home.search.trainings": "Xem các khóa học nghề, nhiều khóa miễn phí",
} as const;

export const publicSearchEn: Record<keyof typeof publicSearchVi, string> = {
  "search.apply": "Apply",
  "search.filters.active": "{count} applied",
  "search.wage.atLeast": "From {amount}",
  "search.results.title": "Search results",
  "jobs.wageSingle": "{amount}/month",
  "jobs.backToList": "See other jobs",
  "trainings.about": "About the course",
  "trainings.backToList": "See other courses",
  "trainings.cta.login": "Log in to ask for a referral to the course",
  "home.search.title": "Find a job",
  "home.search.trainings": "Browse vocational courses, many of them free",
};
