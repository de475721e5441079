-- SPDX-License-Identifier: MIT
-- Annotations: a tag is found by its folded name (Unicode case fold, NFKC, single spaces), so
-- "Law", "law" and "ｌａｗ" are one tag however the user types it; the displayed name keeps the
-- spelling the user chose. Highlights waiting for review are listed often, so they get an index.

ALTER TABLE tag ADD COLUMN folded TEXT;
UPDATE tag SET folded = lower(trim(name));
CREATE UNIQUE INDEX tag_folded ON tag(folded);
CREATE INDEX note_review ON note(anchor) WHERE anchor = 'review';
-- One article note per article: the notes panel shows a single text per article.
CREATE UNIQUE INDEX note_article_note ON note(article_key) WHERE kind = 'article-note';
