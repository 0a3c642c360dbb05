/** Messages for posting pages. Add each key to both objects (a unit test checks they match). */
export const postingVi = {
  "posting.backToList": "Quay lại danh sách",
  "posting.status": "Trạng thái",
  "posting.updatedAt": "Cập nhật",
  "posting.leadsToHint": "Đánh dấu một hoặc nhiều tin tuyển dụng.",

  "jobs.own.lead":
    "Tin đã đăng hiện trong kết quả tìm kiếm cho người lao động và cán bộ công an xã. Bản nháp chỉ bạn thấy.",
  "jobs.own.expiredHint": "Đã quá hạn nộp hồ sơ. Sửa hạn nộp nếu muốn đăng lại.",
  "jobs.form.section.job": "Công việc",
  "jobs.form.section.place": "Nơi làm việc",
  "jobs.form.section.pay": "Lương và quyền lợi",
  "jobs.form.section.dates": "Thời hạn",
  "jobs.form.draftOnly":
    "Tổ chức chưa được xác minh nên tin sẽ được lưu ở dạng nháp. Bạn có thể đăng sau khi được xác minh.",

  "trainings.own.lead": "Khóa học đã đăng hiện trong kết quả tìm kiếm. Bản nháp chỉ bạn thấy.",
  "trainings.own.expiredHint": "Đã quá hạn đăng ký. Sửa hạn đăng ký nếu muốn mở lại.",
  "trainings.action.publish": "Đăng khóa học",
  "trainings.action.close": "Ngừng tuyển sinh",
  "trainings.action.reopen": "Mở lại tuyển sinh",
  "trainings.saved.draft": "Đã lưu bản nháp khóa học.",
  "trainings.saved.draftUnverified":
    "Tổ chức chưa được xác minh nên khóa học được lưu ở dạng nháp. Bạn có thể đăng sau khi được xác minh.",
  "trainings.saved.updated": "Đã lưu thay đổi khóa học.",
  "trainings.status.changed": "Đã cập nhật trạng thái khóa học: {status}.",
  "trainings.error.notVerified": "Tổ chức chưa được xác minh: chưa thể đăng khóa học công khai.",
  "trainings.error.expired": "Khóa học đã quá hạn đăng ký. Hãy sửa hạn đăng ký trước khi mở lại.",
  "trainings.error.invalidTransition": "Không thể chuyển khóa học sang trạng thái này.",
  "trainings.error.partnerJob":
    "Chỉ chọn được tin tuyển dụng đang mở của nơi tuyển dụng đã xác minh trong cùng tỉnh với nơi học.",
  "trainings.form.description": "Giới thiệu khóa học",
  "trainings.form.leadsTo.none": "Hiện chưa có tin tuyển dụng nào đang mở trong tỉnh này.",
  "trainings.form.section.course": "Khóa học",
  "trainings.form.section.dates": "Thời gian và chỉ tiêu",
  "trainings.form.section.cost": "Học phí và hỗ trợ",
  "trainings.form.section.place": "Địa điểm học",
  "trainings.form.draftOnly":
    "Tổ chức chưa được xác minh nên khóa học sẽ được lưu ở dạng nháp. Bạn có thể đăng sau khi được xác minh.",

  "profile.lead":
    "Thông tin này hiện cùng các tin bạn đăng. Cán bộ công an xã dùng nó để liên hệ khi giới thiệu người lao động.",
  "profile.section.contact": "Người liên hệ",
  "profile.section.fairChance": "Cơ hội công bằng",
  "profile.pledge.hint": "Tin của tổ chức đã ký cam kết được đánh dấu trong kết quả tìm kiếm.",
  "profile.stance.hint":
    "Hiện trên trang tin tuyển dụng và khóa học của bạn, để cán bộ công an xã giới thiệu đúng người.",
  "profile.province.warning":
    "Tổ chức đã được xác minh. Nếu chuyển sang tỉnh, thành phố khác, tổ chức sẽ phải chờ công an nơi mới xác minh lại; trong lúc chờ, các tin đã đăng tạm ẩn khỏi kết quả tìm kiếm.",
  "profile.saved.reverify":
    "Đã lưu hồ sơ. Tổ chức được chuyển về trạng thái chờ xác minh (do đã chuyển sang tỉnh, thành phố khác, hoặc đã sửa hồ sơ sau khi bị từ chối); trong lúc chờ, các tin đã đăng tạm ẩn khỏi kết quả tìm kiếm.",
  "profile.save": "Lưu hồ sơ",
} as const;

export const postingEn: Record<keyof typeof postingVi, string> = {
  "posting.backToList": "Back to the list",
  "posting.status": "Status",
  "posting.updatedAt": "Updated",
  "posting.leadsToHint": "Tick one or more job postings.",

  "jobs.own.lead": "Published jobs appear in search results for candidates and commune officers. Only you see drafts.",
  "jobs.own.expiredHint": "The closing date has passed. Change it to publish again.",
  "jobs.form.section.job": "The job",
  "jobs.form.section.place": "Workplace",
  "jobs.form.section.pay": "Pay and benefits",
  "jobs.form.section.dates": "Dates",
  "jobs.form.draftOnly":
    "Your organisation is not verified yet, so the job will be saved as a draft. Publish it once verified.",

  "trainings.own.lead": "Published courses appear in search results. Only you see drafts.",
  "trainings.own.expiredHint": "The enrolment deadline has passed. Change it to reopen.",
  "trainings.action.publish": "Publish the course",
  "trainings.action.close": "Stop enrolment",
  "trainings.action.reopen": "Reopen enrolment",
  "trainings.saved.draft": "Course draft saved.",
  "trainings.saved.draftUnverified":
    "Your organisation is not verified yet, so the course was saved as a draft. Publish it once verified.",
  "trainings.saved.updated": "Course changes saved.",
  "trainings.status.changed": "Course status updated: {status}.",
  "trainings.error.notVerified": "Your organisation is not verified yet: it cannot publish courses.",
  "trainings.error.expired": "The enrolment deadline has passed. Change it before reopening.",
  "trainings.error.invalidTransition": "The course cannot move to that status.",
  "trainings.error.partnerJob": "Choose only open jobs of verified employers in the same province as the course.",
  "trainings.form.description": "About the course",
  "trainings.form.leadsTo.none": "No open jobs in this province yet.",
  "trainings.form.section.course": "The course",
  "trainings.form.section.dates": "Dates and seats",
  "trainings.form.section.cost": "Fee and support",
  "trainings.form.section.place": "Where",
  "trainings.form.draftOnly":
    "Your organisation is not verified yet, so the course will be saved as a draft. Publish it once verified.",

  "profile.lead":
    "This appears with your postings. Commune officers use it to contact you when they refer a candidate.",
  "profile.section.contact": "Contact person",
  "profile.section.fairChance": "Fair chance",
  "profile.pledge.hint": "Postings of organisations that signed the pledge are marked in search results.",
  "profile.stance.hint": "Shown on your job and course pages, so commune officers refer the right people.",
  "profile.province.warning":
    "Your organisation is verified. If it moves to another province, the police there must verify it again; until then its postings are hidden from search.",
  "profile.saved.reverify":
    "Profile saved. Your organisation is awaiting verification again (it moved to another province, or corrected its profile after a rejection); until then its postings are hidden from search.",
  "profile.save": "Save the profile",
};
