/**
 * Messages that leave the app (SMS, Zalo, e-mail): out.*. A phone is often shared with a family, so these
 * say what to do and link to the app, and never name prison, a sentence, an offence, the police file or a
 * word that implies them: tests/unit/outside-messages.test.ts checks every one against the forbidden words
 * of app/modules/notifications/forbidden-words.ts, and the pipeline re-checks each rendered text (a listing
 * title is typed by an employer) and falls back to out.news when one slips in.
 * {link} is the message's short link. Add each key to both objects.
 */
export const messages = {
  "out.subject": "Chung Tay: bạn có tin mới",
  "out.news": "Chung Tay: Bạn có tin mới. Xem: {link}",
  "out.digest": "Chung Tay: Bạn có thêm tin mới hôm qua. Xem tất cả: {link}",
  "out.referral.org.new": "Chung Tay: Có người lao động mới được giới thiệu cho “{title}”. Xem và trả lời: {link}",
  "out.referral.org.interviewTomorrow": "Chung Tay: Nhắc lịch phỏng vấn ngày mai {time} cho “{title}”. Xem: {link}",
  "out.followUp.org.due": "Chung Tay: Mời xác nhận người lao động vẫn làm “{position}” (hạn {date}). Xem: {link}",
  "out.enrolment.org.due": "Chung Tay: Mời xác nhận học viên vẫn theo học “{position}” (hạn {date}). Xem: {link}",
  "out.verification.verified":
    "Chung Tay: {organization} đã được xác minh, bạn có thể đăng tin tuyển dụng. Xem: {link}",
  "out.verification.rejected": "Chung Tay: Thông tin của {organization} chưa được xác minh. Xem lý do: {link}",
  "out.referral.person.referred": "Chung Tay: Có một cơ hội mới dành cho bạn: “{title}”. Xem: {link}",
  "out.referral.person.interview": "Chung Tay: “{title}” muốn hẹn gặp bạn. Xem ngày giờ: {link}",
  "out.referral.person.interviewTomorrow":
    "Chung Tay: Nhắc bạn lịch hẹn gặp ngày mai lúc {time} cho “{title}”. Xem: {link}",
  "out.referral.person.offered": "Chung Tay: “{title}” muốn nhận bạn. Hãy trả lời đồng ý hay không: {link}",
  "out.course.person.starting": "Chung Tay: Khóa học “{course}” bắt đầu ngày {date}. Xem: {link}",
  "out.consent.person.expiring": "Chung Tay: Sự đồng ý bạn đã ký sẽ hết hạn ngày {date}. Xem: {link}",
  "out.alert.job": "Chung Tay: Có {count} việc làm mới hợp với tìm kiếm “{query}”. Xem: {link}",
  "out.alert.training": "Chung Tay: Có {count} khóa học mới hợp với tìm kiếm “{query}”. Xem: {link}",
  "out.digest.officer.subject": "Chung Tay: việc cần làm hôm nay",
  "out.digest.officer":
    "Chung Tay: Hôm nay {due} lượt theo dõi đến hạn, {overdue} quá hạn, {requests} yêu cầu giới thiệu, {moves} chuyển đến chờ nhận, {expiring} đồng ý sắp hết hạn. Xem: {link}",
  "out.reset.code": "Chung Tay: Mã đặt lại mật khẩu là {code}, dùng trong {minutes} phút. Không đưa mã này cho ai.",
  "out.reset.email.subject": "Chung Tay: đặt lại mật khẩu",
  "out.reset.email":
    "Chào bạn,\n\nCó yêu cầu đặt lại mật khẩu tài khoản Chung Tay của bạn. Mở liên kết sau trong {minutes} phút để đặt mật khẩu mới:\n{link}\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu của bạn không đổi.",
  "out.email.footer": "Bạn nhận thư này vì đã chọn nhận tin của Chung Tay qua e-mail. Ngừng nhận: {stop}",
} as const;
