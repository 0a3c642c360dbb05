-- The order of persons on every list (docs/decisions/022-person-name-order.md), computed by the database
-- from the name so that every writer (intake, anonymisation, seeds, imports) keeps it right and existing rows
-- are filled by this migration. No ICU, no lower()/upper() and no locale character classes: translate() with
-- explicit tables, so PostgreSQL 15 and PGlite give the same key whatever the server's locale. Compare the key
-- with COLLATE "C" (bytes).
--
-- The key: the given name (the last word) first, then the family name and the middle names in their order;
-- each word as its letters in the Vietnamese alphabet (a ă â b c d đ e ê [f] g h i [j] k l m n o ô ơ p q r s t
-- u ư v [w] x y [z], mapped to A…g so bytes sort them in that order; digits before letters; other letters
-- after), then "!" (below every letter: "Ha" before "Hai"), then the word's tone as a secondary difference:
-- 0 none (ngang), 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng (the dictionary order of Hoàng Phê and of CLDR "vi").
-- Case and the tone mark's position ("Hoà" / "Hòa") make no difference. Punctuation is dropped.
-- Example: 'Nguyễn Thị Hà' → 'LA!1 RKafIR!3 ZLM!5'.
CREATE OR REPLACE FUNCTION ct_name_sort_key(full_name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
  SELECT coalesce(string_agg(k, ' ' ORDER BY (i = last) DESC, i), '')
  FROM (
    SELECT k, i, max(i) OVER () AS last
    FROM (
      SELECT p || '!' || t AS k, row_number() OVER (ORDER BY n) AS i
      FROM (
        SELECT n,
          translate(
            translate(translate(word, 'àÀảẢãÃáÁạẠằẰẳẲẵẴắẮặẶầẦẩẨẫẪấẤậẬèÈẻẺẽẼéÉẹẸềỀểỂễỄếẾệỆìÌỉỈĩĨíÍịỊòÒỏỎõÕóÓọỌồỒổỔỗỖốỐộỘờỜởỞỡỠớỚợỢùÙủỦũŨúÚụỤừỪửỬữỮứỨựỰỳỲỷỶỹỸýÝỵỴAĂÂBCDĐEÊFGHIJKLMNOÔƠPQRSTUƯVWXYZ', 'aaaaaaaaaaăăăăăăăăăăââââââââââeeeeeeeeeeêêêêêêêêêêiiiiiiiiiiooooooooooôôôôôôôôôôơơơơơơơơơơuuuuuuuuuuưưưưưưưưưưyyyyyyyyyyaăâbcdđeêfghijklmnoôơpqrstuưvwxyz'), '.,-''"()/_:;!?`~*&%$#@+=<>[]{}|\^', ''),
            'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefg') AS p,
          coalesce(substring(translate(translate(word, '0123456789', ''), 'àÀảẢãÃáÁạẠằẰẳẲẵẴắẮặẶầẦẩẨẫẪấẤậẬèÈẻẺẽẼéÉẹẸềỀểỂễỄếẾệỆìÌỉỈĩĨíÍịỊòÒỏỎõÕóÓọỌồỒổỔỗỖốỐộỘờỜởỞỡỠớỚợỢùÙủỦũŨúÚụỤừỪửỬữỮứỨựỰỳỲỷỶỹỸýÝỵỴ', '112233445511223344551122334455112233445511223344551122334455112233445511223344551122334455112233445511223344551122334455') from '[1-5]'), '0') AS t
        FROM regexp_split_to_table(normalize(full_name, NFC), '[ \t\r\n\u00a0]+') WITH ORDINALITY AS w(word, n)
      ) words
      WHERE p <> ''
    ) numbered
  ) keyed
$$;
--> statement-breakpoint
ALTER TABLE "released_person" ADD COLUMN "name_sort_key" text GENERATED ALWAYS AS (ct_name_sort_key(full_name)) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "released_person" ADD COLUMN "other_decisions_completed_on" date;--> statement-breakpoint
CREATE INDEX "person_name_sort_idx" ON "released_person" USING btree ("name_sort_key" collate "C","id");