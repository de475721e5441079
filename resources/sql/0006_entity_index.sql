-- SPDX-License-Identifier: MIT
-- The Entities panel's archive index counts mentions and distinct articles per (type, text). With
-- article_id in the index that count reads the index alone; without it every one of the archive's
-- mentions was a row lookup in the table (seconds on a 100,000-article archive). The old
-- (type, text) index is a prefix of this one, so it goes. IF [NOT] EXISTS: a test replays migrations
-- from an earlier version on an archive that already has this one.
CREATE INDEX IF NOT EXISTS entity_mention_type_text_article ON entity_mention(type, text, article_id);
DROP INDEX IF EXISTS entity_mention_text;
