/**
 * Messages for training slots a business offers at its own workplace (/employer/trainings) and for how
 * the public pages show them. Add each key to both objects (a unit test checks they match).
 */
export const messages = {
  "businessTraining.form.title": "Tên chỗ học nghề",
  "businessTraining.form.title.hint": "Ví dụ: Học nghề sửa xe máy tại tiệm",
  "businessTraining.form.description": "Học những gì, ai kèm cặp",
  "businessTraining.form.section.course": "Học nghề gì",
  "businessTraining.form.section.cost": "Phụ cấp và hỗ trợ",
  "businessTraining.form.section.place": "Nơi học (mặc định là cơ sở của bạn)",
  "businessTraining.form.stipend": "Phụ cấp cho người học (đồng/tháng, để trống nếu không có)",
  "businessTraining.form.cost": "Học phí (đồng, thường để trống: miễn phí)",
  "businessTraining.form.leadsTo.hint":
    "Chọn một tin tuyển dụng đang mở của bạn, nếu người học xong sẽ được nhận vào làm.",
  "businessTraining.form.leadsTo.noJob": "Không gắn với việc làm nào",
  "businessTraining.form.leadsTo.none":
    "Bạn chưa có tin tuyển dụng nào đang mở. Đăng tin trước để gắn chỗ học nghề với việc làm.",
  "businessTraining.form.draftOnly":
    "Doanh nghiệp chưa được xác minh nên chỗ học nghề sẽ được lưu ở dạng nháp. Bạn có thể đăng sau khi công an xác minh.",
  "businessTraining.home.link": "Đào tạo tại doanh nghiệp",
  "businessTraining.action.publish": "Đăng chỗ học nghề",
  "trainings.error.ownJob": "Chỉ chọn được tin tuyển dụng đang mở của chính doanh nghiệp bạn.",
  "trainings.error.ownJobOne": "Chỉ chọn một việc làm sau khi học xong.",
  "trainings.form.jobFacts": "{organization} · {commune} · lương {wage} · hạn nộp {date}",
} as const;
