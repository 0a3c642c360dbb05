/**
 * Messages for training slots a business offers at its own workplace (/employer/trainings) and for how
 * the public pages show them. Add each key to both objects (a unit test checks they match).
 */
export const businessTrainingVi = {
  "businessTraining.own.title": "Đào tạo tại doanh nghiệp",
  "businessTraining.own.lead":
    "Nhận người học nghề ngay tại cơ sở của bạn, vừa học vừa làm. Chỗ học đã đăng hiện trong mục Học nghề cùng các khóa học; cán bộ công an xã giới thiệu người phù hợp. Bản nháp chỉ bạn thấy.",
  "businessTraining.own.new": "Đăng chỗ học nghề mới",
  "businessTraining.own.none": "Bạn chưa đăng chỗ học nghề nào.",
  "businessTraining.form.newTitle": "Đăng chỗ học nghề tại doanh nghiệp",
  "businessTraining.form.editTitle": "Sửa chỗ học nghề",
  "businessTraining.form.title": "Tên chỗ học nghề",
  "businessTraining.form.title.hint": "Ví dụ: Học nghề sửa xe máy tại tiệm",
  "businessTraining.form.description": "Học những gì, ai kèm cặp",
  "businessTraining.form.section.course": "Học nghề gì",
  "businessTraining.form.section.cost": "Phụ cấp và hỗ trợ",
  "businessTraining.form.section.place": "Nơi học (mặc định là cơ sở của bạn)",
  "businessTraining.form.stipend": "Phụ cấp cho người học (đồng/tháng, để trống nếu không có)",
  "businessTraining.form.cost": "Học phí (đồng, thường để trống: miễn phí)",
  "businessTraining.form.leadsTo": "Việc làm tại doanh nghiệp sau khi học xong",
  "businessTraining.form.leadsTo.hint":
    "Chọn một tin tuyển dụng đang mở của bạn, nếu người học xong sẽ được nhận vào làm.",
  "businessTraining.form.leadsTo.noJob": "Không gắn với việc làm nào",
  "businessTraining.form.leadsTo.none":
    "Bạn chưa có tin tuyển dụng nào đang mở. Đăng tin trước để gắn chỗ học nghề với việc làm.",
  "businessTraining.form.draftOnly":
    "Doanh nghiệp chưa được xác minh nên chỗ học nghề sẽ được lưu ở dạng nháp. Bạn có thể đăng sau khi công an xác minh.",
  "businessTraining.saved.open": "Đã đăng chỗ học nghề.",
  "businessTraining.saved.draft": "Đã lưu bản nháp chỗ học nghề.",
  "businessTraining.saved.draftUnverified":
    "Doanh nghiệp chưa được xác minh nên chỗ học nghề được lưu ở dạng nháp. Hãy đăng sau khi được xác minh.",
  "businessTraining.saved.updated": "Đã lưu thay đổi chỗ học nghề.",
  "businessTraining.error.notVerified": "Doanh nghiệp chưa được xác minh: chưa thể đăng chỗ học nghề công khai.",
  "businessTraining.home.link": "Đào tạo tại doanh nghiệp",
  "businessTraining.action.publish": "Đăng chỗ học nghề",
  "businessTraining.about": "Học những gì",

  "trainings.error.ownJob": "Chỉ chọn được tin tuyển dụng đang mở của chính doanh nghiệp bạn.",
  "trainings.error.ownJobOne": "Chỉ chọn một việc làm sau khi học xong.",
  "trainings.form.jobFacts": "{organization} · {commune} · lương {wage} · hạn nộp {date}",
  "trainings.byBusiness": "Doanh nghiệp đào tạo",
  "trainings.byBusiness.lead": "Học nghề ngay tại {name}, vừa học vừa làm.",
  "trainings.stipend": "Phụ cấp",
  "trainings.stipend.perMonth": "{amount}/tháng",
  "trainings.leadsToOwnJob": "Học xong làm {title} tại chính doanh nghiệp",
} as const;

export const businessTrainingEn: Record<keyof typeof businessTrainingVi, string> = {
  "businessTraining.own.title": "Training at your business",
  "businessTraining.own.lead":
    "Take trainees at your own workplace, learning while working. Published slots appear under Training with the courses; commune officers refer suitable people. Only you see drafts.",
  "businessTraining.own.new": "Offer a new training slot",
  "businessTraining.own.none": "You have not offered any training slot yet.",
  "businessTraining.form.newTitle": "Offer training at your business",
  "businessTraining.form.editTitle": "Edit the training slot",
  "businessTraining.form.title": "Name of the training",
  "businessTraining.form.title.hint": "E.g. Learn motorbike repair at our shop",
  "businessTraining.form.description": "What trainees learn, who teaches them",
  "businessTraining.form.section.course": "The trade",
  "businessTraining.form.section.cost": "Allowance and support",
  "businessTraining.form.section.place": "Where (your workplace by default)",
  "businessTraining.form.stipend": "Allowance to trainees (VND a month, empty if none)",
  "businessTraining.form.cost": "Fee (VND, usually empty: free)",
  "businessTraining.form.leadsTo": "Job at your business after the training",
  "businessTraining.form.leadsTo.hint": "Choose one of your open jobs if trainees who finish will be hired for it.",
  "businessTraining.form.leadsTo.noJob": "Not tied to a job",
  "businessTraining.form.leadsTo.none": "You have no open job yet. Post one first to tie the training to a job.",
  "businessTraining.form.draftOnly":
    "Your business is not verified yet, so the training slot will be saved as a draft. You can publish it once the police have verified you.",
  "businessTraining.saved.open": "Training slot published.",
  "businessTraining.saved.draft": "Training slot draft saved.",
  "businessTraining.saved.draftUnverified":
    "Your business is not verified yet, so the training slot was saved as a draft. Publish it once verified.",
  "businessTraining.saved.updated": "Training slot changes saved.",
  "businessTraining.error.notVerified": "Your business is not verified yet: it cannot publish training slots.",
  "businessTraining.home.link": "Training at your business",
  "businessTraining.action.publish": "Publish the training slot",
  "businessTraining.about": "What trainees learn",

  "trainings.error.ownJob": "Choose only an open job of your own business.",
  "trainings.error.ownJobOne": "Choose one job after the training.",
  "trainings.form.jobFacts": "{organization} · {commune} · wage {wage} · apply by {date}",
  "trainings.byBusiness": "Given by a business",
  "trainings.byBusiness.lead": "Learn the trade at {name}, while working.",
  "trainings.stipend": "Allowance",
  "trainings.stipend.perMonth": "{amount} a month",
  "trainings.leadsToOwnJob": "Leads to {title} at the same business",
};
