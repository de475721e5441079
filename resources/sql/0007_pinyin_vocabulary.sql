-- SPDX-License-Identifier: MIT
-- Pinyin through a vocabulary instead of a pinyin column per article (issue 6). The column held
-- the pinyin of every article's title and PER/LOC/ORG names, a fifth of an imported archive's
-- index, and found them only there. pinyin_word maps the toneless pinyin of each distinct word
-- of the archive's titles and names, syllables run together ("baotou"), to the word; a pinyin
-- query looks its letters up here and searches the words it finds as Chinese text, so it finds
-- them in bodies too, and the snippets and the reader mark the Chinese. A polyphonic character
-- gives a word one row per reading (长春: changchun and zhangchun). Words are only added: a word
-- no article uses any more widens a pinyin query to Chinese that finds nothing, never misses.
--
-- article_fts loses its pinyin column and article_search its copy of it, so the index is
-- emptied and built again, as after 0005: the application indexes the archive's articles that
-- are not in the index in the background (store::ReindexJob), `baokan reindex` from the
-- command line; that also fills pinyin_word.

DROP TRIGGER article_search_before_delete;
DROP TRIGGER article_search_before_update;
DROP TABLE article_fts;
DROP TABLE article_uni;
DROP TABLE article_search;

-- Filled again with the index (a vocabulary left by an interrupted run would only be stale).
DROP TABLE IF EXISTS pinyin_word;
CREATE TABLE pinyin_word (
    pinyin TEXT NOT NULL,
    word   TEXT NOT NULL,
    PRIMARY KEY (pinyin, word)
) WITHOUT ROWID;

-- body first: postings in the first column need no column marker, and most postings are body's.
CREATE VIRTUAL TABLE article_fts USING fts5(
    body, title, byline, captions,
    content = '', tokenize = 'baokan');
INSERT INTO article_fts (article_fts, rank) VALUES ('hashsize', 16777216);

CREATE VIRTUAL TABLE article_uni USING fts5(
    text,
    content = '', detail = 'none', columnsize = 0, tokenize = 'baokan unigram');
INSERT INTO article_uni (article_uni, rank) VALUES ('hashsize', 16777216);

-- Maps sort keys to articles; an article is in the index exactly when it has a row here.
CREATE TABLE article_search (
    article_id INTEGER PRIMARY KEY,
    sort_key   INTEGER NOT NULL UNIQUE
);

-- As in 0002, less the pinyin column.
CREATE TRIGGER article_search_before_delete BEFORE DELETE ON article
WHEN EXISTS (SELECT 1 FROM article_search WHERE article_id = old.id)
BEGIN
    INSERT INTO article_fts (article_fts, rowid, body, title, byline, captions)
        SELECT 'delete', s.sort_key, v.body, v.title, v.byline, v.captions
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
    INSERT INTO article_fts (article_fts, rowid, body, title, byline, captions)
        SELECT 'delete', s.sort_key, v.body, v.title, v.byline, v.captions
        FROM article_search s JOIN article_search_text v ON v.id = s.article_id WHERE s.article_id = old.id;
    INSERT INTO article_uni (article_uni, rowid, text)
        SELECT 'delete', s.sort_key, v.everything
        FROM article_search s JOIN article_search_text v ON v.id = s.article_id WHERE s.article_id = old.id;
    DELETE FROM article_search WHERE article_id = old.id;
END;
