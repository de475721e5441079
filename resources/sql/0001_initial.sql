-- SPDX-License-Identifier: MIT
-- The archive's first schema. Imported content (issue, page, article, entity_mention) is
-- rewritten by re-import; user data (tag, article_tag, note, correction, user_lexicon) is never
-- touched by import and refers to articles by their stable key, not by row id, so it outlives a
-- re-import that replaces the article rows. Text offsets are Unicode code points.

CREATE TABLE issue (
    id            INTEGER PRIMARY KEY,
    source        TEXT NOT NULL UNIQUE,          -- canonical path of the file or folder
    name          TEXT NOT NULL,                 -- as imported (file or folder name)
    date          TEXT,                          -- ISO 8601 date, NULL when unknown
    date_inferred INTEGER NOT NULL DEFAULT 1,
    user_name     TEXT,                          -- the user's edits win over name/date
    user_date     TEXT,
    article_count INTEGER NOT NULL DEFAULT 0,    -- kept by import, so lists need no count(*)
    imported      TEXT NOT NULL                  -- ISO 8601 time of the last import
);
-- Newest first, undated issues last: the order of the issue list, served by this index.
CREATE INDEX issue_order ON issue(coalesce(user_date, date) IS NULL, coalesce(user_date, date) DESC, id DESC);

CREATE TABLE page (
    id        INTEGER PRIMARY KEY,
    issue_id  INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,
    ordinal   INTEGER NOT NULL,
    file      TEXT NOT NULL,                     -- file name within the issue
    sha256    TEXT NOT NULL,                     -- of the raw bytes: an unchanged page is skipped
    encoding  TEXT NOT NULL,
    raw_bytes INTEGER NOT NULL,
    UNIQUE (issue_id, ordinal)
);

CREATE TABLE article (
    id             INTEGER PRIMARY KEY,
    key            TEXT NOT NULL UNIQUE,         -- stable across re-import
    issue_id       INTEGER NOT NULL REFERENCES issue(id) ON DELETE CASCADE,
    page_id        INTEGER REFERENCES page(id) ON DELETE SET NULL,
    ordinal        INTEGER NOT NULL,             -- order within the issue
    title          TEXT,                         -- NULL when the page prints none
    display_title  TEXT NOT NULL,                -- title, or one made from the first sentence
    kicker         TEXT,
    subtitle       TEXT,
    dateline       TEXT,
    reporters      TEXT NOT NULL DEFAULT '',     -- names joined by U+001F
    correspondents TEXT NOT NULL DEFAULT '',
    interns        TEXT NOT NULL DEFAULT '',
    photographers  TEXT NOT NULL DEFAULT '',
    source         TEXT,
    body           TEXT NOT NULL,                -- paragraphs joined by "\n"
    captions       TEXT NOT NULL DEFAULT '',     -- joined by U+001F
    char_count     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX article_issue ON article(issue_id, ordinal);

-- Entities found by the recognizer, per article field. Rewritten on import and re-recognition.
CREATE TABLE entity_mention (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    field      TEXT NOT NULL,                    -- title kicker subtitle byline body caption source
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    type       TEXT NOT NULL,                    -- PER LOC ORG DATE DOC POS
    text       TEXT NOT NULL
);
CREATE INDEX entity_mention_article ON entity_mention(article_id);
CREATE INDEX entity_mention_text ON entity_mention(type, text);

-- Who holds which post where, as stated in an article.
CREATE TABLE person_post (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,
    person       TEXT NOT NULL,
    post         TEXT NOT NULL,
    organization TEXT
);
CREATE INDEX person_post_person ON person_post(person);

-- User data below: import never deletes or rewrites these rows.

CREATE TABLE tag (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,
    color   TEXT NOT NULL DEFAULT '#4e79a7',
    created TEXT NOT NULL
);

CREATE TABLE article_tag (
    article_key TEXT NOT NULL,
    tag_id      INTEGER NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
    created     TEXT NOT NULL,
    PRIMARY KEY (article_key, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tag_tag ON article_tag(tag_id);

-- An article note (kind 'article-note') or a highlighted passage (kind 'highlight'). A highlight
-- is anchored by its quote, the context around it and its offsets in the body, so it can be
-- placed again when the body changes; one that cannot is marked 'review', never moved.
CREATE TABLE note (
    id           INTEGER PRIMARY KEY,
    article_key  TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('article-note', 'highlight')),
    field        TEXT NOT NULL DEFAULT 'body',
    quote        TEXT,
    prefix       TEXT,
    suffix       TEXT,
    start        INTEGER,
    end          INTEGER,
    note         TEXT NOT NULL DEFAULT '',
    color        TEXT,
    anchor       TEXT NOT NULL DEFAULT 'ok' CHECK (anchor IN ('ok', 'review')),
    created      TEXT NOT NULL,
    modified     TEXT NOT NULL
);
CREATE INDEX note_article ON note(article_key);

-- A user's correction of the recognizer: scope 'mention' (this place), 'article' (this text in
-- this article) or 'archive' (this text everywhere). type NULL removes the entity.
CREATE TABLE correction (
    id          INTEGER PRIMARY KEY,
    scope       TEXT NOT NULL CHECK (scope IN ('mention', 'article', 'archive')),
    article_key TEXT,
    field       TEXT,
    start       INTEGER,
    end         INTEGER,
    text        TEXT NOT NULL,
    prefix      TEXT,
    suffix      TEXT,
    type        TEXT,
    created     TEXT NOT NULL
);
CREATE INDEX correction_article ON correction(article_key);
CREATE INDEX correction_text ON correction(text);

-- The user lexicon: "always a person", "never an entity" (type NULL).
CREATE TABLE user_lexicon (
    text    TEXT PRIMARY KEY,
    type    TEXT,
    created TEXT NOT NULL
) WITHOUT ROWID;
