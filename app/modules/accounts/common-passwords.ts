/**
 * Passwords people pick first, in their folded form (lower case, no accents, letters and digits only):
 * the usual international lists and the Vietnamese favourites (matkhau, anhyeuem, yeuem...). Many are
 * shorter than the 10-character minimum and are refused by it anyway; they stay so the list also catches
 * them with a suffix (see WEAK_BASES). Never add "chungtay": the demo password is ChungTay@2026.
 */
export const COMMON_PASSWORDS: readonly string[] = [
  // International top lists
  "123456", "123456789", "12345678", "password", "qwerty", "12345", "1234567", "111111", "123123", "1234567890",
  "abc123", "1234", "password1", "iloveyou", "000000", "qwerty123", "1q2w3e4r", "123321", "654321", "666666",
  "987654321", "123qwe", "1qaz2wsx", "qwertyuiop", "zxcvbnm", "asdfghjkl", "1q2w3e4r5t", "1q2w3e", "qazwsx", "112233",
  "121212", "7777777", "888888", "999999", "555555", "159753", "147258369", "123654", "11111111", "00000000",
  "88888888", "66666666", "12341234", "123456a", "a123456", "123456abc", "abc12345", "abcd1234", "abcd123456", "password123",
  "password1234", "passw0rd", "p4ssw0rd", "passw0rd1", "admin", "admin123", "admin12345", "administrator", "root", "toor",
  "letmein", "welcome", "welcome1", "welcome123", "monkey", "dragon", "master", "sunshine", "princess", "football",
  "baseball", "superman", "batman", "trustno1", "shadow", "michael", "jennifer", "jordan23", "hello123", "helloworld",
  "login", "changeme", "secret", "test123", "test1234", "guest", "qwerty1", "qwerty12", "qwerty1234", "qwertyui",
  "qwe123", "qweasd", "qweasdzxc", "1qazxsw2", "zaq12wsx", "asdf1234", "asdfgh", "zxcvbn", "zxcv1234", "iloveyou1",
  "iloveyou123", "iloveyou2", "loveyou", "lovely", "love123", "starwars", "whatever", "freedom", "computer", "internet",
  "samsung", "samsung123", "nokia123", "iphone", "google", "facebook", "facebook123", "youtube", "microsoft", "minecraft",
  "pokemon", "naruto", "doraemon", "hellokitty", "liverpool", "chelsea", "arsenal", "manchester", "manutd", "realmadrid",
  "barcelona", "messi10", "ronaldo7", "cr7cr7cr7", "123456789a", "123456789b", "12345678a", "1234567890a", "a123456789", "aa123456",
  "aa123456789", "abc123456", "abc123456789", "0123456789", "9876543210", "1234567899", "147852369", "741852963", "159357", "1357924680",
  "1111111111", "2222222222", "0000000000", "1234512345", "1122334455", "11223344", "5201314", "520520", "0987654321", "0123456789a",
  "a1b2c3d4", "a1b2c3d4e5", "aaaaaa", "aaaaaa1", "aaaaaaaa1", "abcdef", "abcdef123", "abcdefgh", "abcdefgh1", "abcabc",
  "abcabc123", "1a2b3c4d", "1a2b3c4d5e", "qwer1234", "q1w2e3r4", "q1w2e3r4t5", "zxc123", "zxcasdqwe", "1qaz2wsx3edc", "hello",
  "hello1", "hello1234", "qwertyuiop123", "asdfghjkl123", "zxcvbnm123", "1qaz1qaz", "2wsx3edc", "qazwsxedc", "qazwsx123", "q1w2e3",
  // Vietnamese favourites
  "matkhau", "matkhau1", "matkhau12", "matkhau123", "matkhau1234", "matkhau2024", "matkhau2025", "matkhau2026", "matkhaumoi", "matkhaucuatoi",
  "anhyeuem", "anhyeuem1", "anhyeuem123", "emyeuanh", "emyeuanh123", "yeuem", "yeuem123", "yeuanh", "yeuanh123", "yeuemnhieu",
  "anhyeuemnhieu", "emyeuanhnhieu", "tinhyeu", "tinhyeu123", "hanhphuc", "hanhphuc123", "giadinh", "giadinh123", "bame", "bame123",
  "mebe", "bomeyeu", "conyeu", "vietnam", "vietnam123", "vietnam1", "vietnamvodich", "hanoi", "hanoi123", "saigon",
  "saigon123", "hochiminh", "hcm123", "danang", "danang123", "haiphong", "cantho", "nhatrang", "dalat", "lamdong",
  "phutho", "congan", "congan123", "conganxa", "canbo", "canbo123", "chiensi", "bodoi", "quandoi", "nguyen",
  "nguyen123", "tran123", "le123456", "pham123", "hoang123", "huynh123", "phan123", "vu123456", "dang123", "bui123",
  "ngo123", "duong123", "nguyenvan", "nguyenthi", "tranvan", "minhanh", "ngoclan", "thuhuong", "thanhhuong", "thanhtam",
  "hoanganh", "quanghuy", "ducanh", "tuananh", "minhtuan", "vanlong", "baongoc", "khanhlinh", "linhchi", "phuonganh",
  "thuytrang", "trangtrang", "muaxuan", "hoamai", "hoadao", "hoahong", "hoasen", "bongbong", "cuncon", "meomeo",
  "keokeo", "bebong", "bebi", "baby123", "babyyeu", "cucung", "emoi", "anhoi", "xinchao", "xinchao123",
  "chaoem", "chaoanh", "tambiet", "khongbiet", "khongco", "quenroi", "quenmatkhau", "dangnhap", "dangnhap123", "taikhoan",
  "taikhoan123", "thanhcong", "thanhcong123", "maimai", "mailamai", "tinhbanmaimai", "banthan", "nhoem", "nhoanh", "thuongem",
  "thuonganh", "ngoisao", "mattroi", "mattrang", "bautroi", "quehuong", "dathuong", "depzai", "depgai", "deptrai",
  "deptrai123", "xinhgai", "xinhdep", "cute123", "kute", "kute123", "hihi123", "haha123", "hoho123", "hehe123",
  "huhu123", "hoilamgi", "viettel", "viettel123", "vinaphone", "mobifone", "zalo123", "zalo12345", "123456zalo", "vietcombank",
  "techcombank", "agribank", "bidv123", "momo123", "matkhaumanh", "khongcomatkhau", "toilanguoi", "toiyeuvietnam", "vietnamoi", "hoabinh",
  "doclap", "tudo", "tudo123", "hanhphuc1", "anhyeuem2", "emyeuanh1", "yeuemmaimai", "yeuanhmaimai", "maiyeuem", "motconvit",
  "baconheo", "hocsinh", "sinhvien", "sinhvien123", "giaovien", "giaovien123", "congty", "congty123", "cuahang", "nhanvien",
  "nhanvien123", "quanly", "quanly123", "ketoan", "ketoan123", "tuyendung", "vieclam", "vieclam123", "hocnghe", "laodong",
];

/**
 * Words that stay weak whatever digits are put before or after them ("matkhau2027", "2026anhyeuem",
 * "Password!99"): checked after stripping leading and trailing digits from the folded password.
 */
export const WEAK_BASES: readonly string[] = [
  "a", "aa", "aaa", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghij",
  "password", "passw0rd", "pass", "matkhau", "matkhaumoi", "anhyeuem", "emyeuanh", "yeuem", "yeuanh", "iloveyou", "loveyou", "love",
  "qwe", "qwer", "qwert", "qwerty", "qwertyu", "qwertyui", "qwertyuiop", "asd", "asdf", "asdfgh", "asdfghjkl", "zxc", "zxcv", "zxcvbnm",
  "admin", "administrator", "user", "test", "login", "welcome", "hello", "xinchao", "vietnam", "hanoi", "saigon",
  "tinhyeu", "hanhphuc", "giadinh", "congan", "canbo", "dangnhap", "taikhoan", "nguyen", "baby", "kute",
];
