/** Released persons, consent and privacy. Add each key to both objects (a unit test checks they match). */
export const personsVi = {
  "persons.error.citizenId": "Số CCCD gồm đúng 12 chữ số.",
  "persons.error.communeOutOfScope": "Chỉ đăng ký được người cư trú tại xã, phường bạn phụ trách.",
  "persons.error.tooYoung": "Người được đăng ký phải đủ 15 tuổi trở lên.",
  "persons.error.notReleased": "Ngày này chưa đến: chỉ đăng ký người đã ra trại.",
  "persons.error.offenceAfterCompletion": "Ngày phạm tội phải trước ngày chấp hành xong hình phạt chính.",
  "consent.error.noPurpose": "Chọn ít nhất một mục đích.",
  "consent.error.evidence": "Cần số biên bản giấy lưu tại xã hoặc ảnh chụp, bản quét phiếu đồng ý đã ký.",
  "consent.error.file": "Tệp phải là ảnh JPG, PNG hoặc PDF, dung lượng tối đa 5 MB.",
  "consent.error.givenInFuture": "Ngày đồng ý không được sau hôm nay.",
  "consent.error.recordStatusPurpose": "Muốn chia sẻ tình trạng án tích, người đó phải đồng ý riêng mục đích này.",
  "consent.error.contactPurpose": "Muốn chia sẻ số điện thoại, người đó phải đồng ý riêng mục đích chia sẻ liên hệ.",
} as const;

export const personsEn: Record<keyof typeof personsVi, string> = {
  "persons.error.citizenId": "A citizen ID number has exactly 12 digits.",
  "persons.error.communeOutOfScope": "You can only register people living in the communes you serve.",
  "persons.error.tooYoung": "A registered person must be 15 or older.",
  "persons.error.notReleased": "That date has not come yet: only people already released can be registered.",
  "persons.error.offenceAfterCompletion": "The offence date must be before the main penalty was completed.",
  "consent.error.noPurpose": "Choose at least one purpose.",
  "consent.error.evidence": "Give the number of the paper form kept at the commune, or a photo or scan of the signed form.",
  "consent.error.file": "The file must be a JPG, PNG or PDF of at most 5 MB.",
  "consent.error.givenInFuture": "The consent date cannot be after today.",
  "consent.error.recordStatusPurpose": "Sharing the record status needs its own consent purpose.",
  "consent.error.contactPurpose": "Sharing the phone number needs the contact-sharing purpose.",
};
