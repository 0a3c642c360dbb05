/** The 10 major groups of the Vietnamese occupation list (Decision 34/2020/QĐ-TTg, aligned with ISCO-08). */
export const OCCUPATION_GROUPS = [
  { code: "0", vi: "Lực lượng vũ trang", en: "Armed forces" },
  { code: "1", vi: "Nhà lãnh đạo", en: "Managers" },
  { code: "2", vi: "Nhà chuyên môn bậc cao", en: "Professionals" },
  { code: "3", vi: "Nhà chuyên môn bậc trung", en: "Technicians and associate professionals" },
  { code: "4", vi: "Nhân viên trợ lý văn phòng", en: "Clerical support workers" },
  { code: "5", vi: "Dịch vụ cá nhân, bảo vệ và bán hàng", en: "Service and sales workers" },
  { code: "6", vi: "Nông, lâm nghiệp và thủy sản", en: "Skilled agricultural, forestry and fishery workers" },
  { code: "7", vi: "Thợ thủ công và nghề liên quan", en: "Craft and related trades workers" },
  { code: "8", vi: "Thợ lắp ráp, vận hành máy móc, lái xe", en: "Plant and machine operators, drivers and assemblers" },
  { code: "9", vi: "Lao động giản đơn", en: "Elementary occupations" },
] as const;

export function occupationGroupName(code: string, locale: "vi" | "en"): string {
  return OCCUPATION_GROUPS.find((g) => g.code === code)?.[locale] ?? code;
}
