-- SPDX-License-Identifier: MIT
-- Full-text search. Two contentless FTS5 tables keep the index small (no second copy of the
-- text): article_fts holds every CJK character as the pair it starts (a run's last character
-- alone), Latin words and numbers, and the pinyin of titles and entity names, with positions for
-- phrases; article_uni holds single characters without positions and answers one-character
-- queries, which the pair table could only answer by expanding a prefix.
--
-- An FTS rowid is the article's sort key, (Julian day of its issue date << 20) + a number within
-- that day, so FTS5 returns hits in date order and a first page stops after 50 rows; keys of one
-- day are consecutive because FTS5 stores rowid deltas and large deltas cost bytes in every
-- posting. article_search maps keys to articles and records what was indexed (key and pinyin),
-- because deleting from a contentless table needs exactly the indexed values. SearchIndex fills these tables in bulk; the triggers only
-- take an article out of the index before its indexed text changes or it is deleted, so the
-- index never holds stale text. After such a change the importer indexes the article again.

-- body first: postings in the first column need no column marker, and most postings are body's.
CREATE VIRTUAL TABLE article_fts USING fts5(
    body, title, byline, captions, pinyin,
    content = '', tokenize = 'baokan');
-- A larger in-memory buffer than the 1 MB default: fewer, larger segments to merge during import.
INSERT INTO article_fts (article_fts, rank) VALUES ('hashsize', 16777216);

CREATE VIRTUAL TABLE article_uni USING fts5(
    text,
    content = '', detail = 'none', columnsize = 0, tokenize = 'baokan unigram');
INSERT INTO article_uni (article_uni, rank) VALUES ('hashsize', 16777216);

CREATE TABLE article_search (
    article_id INTEGER PRIMARY KEY,
    sort_key   INTEGER NOT NULL UNIQUE,
    pinyin     TEXT NOT NULL
);

-- The text of each FTS column, defined once for indexing and removal alike.
CREATE VIEW article_search_text (id, title, byline, body, captions, everything) AS
SELECT id, t, b, body, captions, t || char(10) || b || char(10) || body || char(10) || captions
FROM (SELECT id, body, captions,
             coalesce(kicker, '') || char(10) || display_title || char(10) || coalesce(subtitle, '') AS t,
             coalesce(dateline, '') || char(31) || reporters || char(31) || correspondents || char(31) ||
                 interns || char(31) || photographers || char(31) || coalesce(source, '') AS b
      FROM article);

CREATE TRIGGER article_search_before_delete BEFORE DELETE ON article
WHEN EXISTS (SELECT 1 FROM article_search WHERE article_id = old.id)
BEGIN
    INSERT INTO article_fts (article_fts, rowid, body, title, byline, captions, pinyin)
        SELECT 'delete', s.sort_key, v.body, v.title, v.byline, v.captions, s.pinyin
        FROM article_search s JOIN article_search_text v ON v.id = s.article_id WHERE s.article_id = old.id;
    INSERT INTO article_uni (article_uni, rowid, text)
        SELECT 'delete', s.sort_key, v.everything
        FROM article_search s JOIN article_search_text v ON v.id = s.article_id WHERE s.article_id = old.id;
    DELETE FROM article_search WHERE article_id = old.id;
END;

CREATE TRIGGER article_search_before_update BEFORE UPDATE
    OF kicker, display_title, subtitle, dateline, reporters, correspondents, interns, photographers, source,
       body, captions ON article
WHEN EXISTS (SELECT 1 FROM article_search WHERE article_id = old.id)
    AND (old.kicker IS NOT new.kicker OR old.display_title IS NOT new.display_title
         OR old.subtitle IS NOT new.subtitle OR old.dateline IS NOT new.dateline
         OR old.reporters IS NOT new.reporters OR old.correspondents IS NOT new.correspondents
         OR old.interns IS NOT new.interns OR old.photographers IS NOT new.photographers
         OR old.source IS NOT new.source OR old.body IS NOT new.body OR old.captions IS NOT new.captions)
BEGIN
    INSERT INTO article_fts (article_fts, rowid, body, title, byline, captions, pinyin)
        SELECT 'delete', s.sort_key, v.body, v.title, v.byline, v.captions, s.pinyin
        FROM article_search s JOIN article_search_text v ON v.id = s.article_id WHERE s.article_id = old.id;
    INSERT INTO article_uni (article_uni, rowid, text)
        SELECT 'delete', s.sort_key, v.everything
        FROM article_search s JOIN article_search_text v ON v.id = s.article_id WHERE s.article_id = old.id;
    DELETE FROM article_search WHERE article_id = old.id;
END;
