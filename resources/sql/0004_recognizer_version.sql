-- Which recognizer wrote each article's entity mentions, so that an archive can tell that its
-- entities are stale after the recognizer or its lexicon changed (EntityStore::staleArticles).
-- An article without a row was recognized before versions were recorded: stale too.
CREATE TABLE article_recognition (
    article_id INTEGER PRIMARY KEY REFERENCES article(id) ON DELETE CASCADE,
    version    TEXT NOT NULL
);

-- Re-recognition replaces an article's person_post rows; without this index each replacement
-- scanned the whole table.
CREATE INDEX person_post_article ON person_post(article_id);
