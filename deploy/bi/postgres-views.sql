-- earshot -> PostgreSQL: one table per view and window size, upserted by the Kafka Connect JDBC
-- sink from aggregates.<view>.<size>.updates (postgres-jdbc-sink.json is the connector for the
-- first table). See README.md in this directory.
--
-- Why one table per view: a view's own dimensions are never null (a post without a label counts
-- under 'unassigned'), the other dimension fields of ViewWindow always are, and a primary key
-- column cannot be NULL. So each table has only its view's dimensions, the connector drops the
-- others with ReplaceField, and the key is (the view's dimensions, window_start): the same
-- identity as the Kafka record key '<label>|...|<window start>'.
--
-- The connector also drops top_authors and top_hashtags (arrays of records: the JDBC sink writes
-- primitive fields only). Read them from the query API, or from ClickHouse (clickhouse.sql).
--
-- Times are UTC instants. unique_authors* are estimates per cell and window: do not add them
-- across windows or cells. Query only closed windows for figures that will not change:
--   SELECT * FROM earshot_audience_topic_1h WHERE closed ORDER BY window_start;
-- For another size (1m, 1d), copy a table and replace _1h in its name and in the connector.

-- audience-topic: topic aggregates.audience-topic.1h.updates; pk.fields=audience,topic,window_start;
-- exclude=brand,department,stage,top_authors,top_hashtags
CREATE TABLE IF NOT EXISTS earshot_audience_topic_1h (
  view text NOT NULL,
  audience text NOT NULL,
  topic text NOT NULL,
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  closed boolean NOT NULL,
  posts bigint NOT NULL,
  positive bigint NOT NULL,
  neutral bigint NOT NULL,
  negative bigint NOT NULL,
  score_sum double precision NOT NULL,
  likes bigint NOT NULL,
  shares bigint NOT NULL,
  replies bigint NOT NULL,
  views bigint NOT NULL,
  reach bigint NOT NULL,
  unique_authors bigint NOT NULL,
  unique_authors_low bigint NOT NULL,
  unique_authors_high bigint NOT NULL,
  PRIMARY KEY (audience, topic, window_start)
);

-- brand-topic: topic aggregates.brand-topic.1h.updates; pk.fields=brand,topic,window_start;
-- exclude=audience,department,stage,top_authors,top_hashtags
CREATE TABLE IF NOT EXISTS earshot_brand_topic_1h (
  view text NOT NULL,
  brand text NOT NULL,
  topic text NOT NULL,
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  closed boolean NOT NULL,
  posts bigint NOT NULL,
  positive bigint NOT NULL,
  neutral bigint NOT NULL,
  negative bigint NOT NULL,
  score_sum double precision NOT NULL,
  likes bigint NOT NULL,
  shares bigint NOT NULL,
  replies bigint NOT NULL,
  views bigint NOT NULL,
  reach bigint NOT NULL,
  unique_authors bigint NOT NULL,
  unique_authors_low bigint NOT NULL,
  unique_authors_high bigint NOT NULL,
  PRIMARY KEY (brand, topic, window_start)
);

-- brand-audience: topic aggregates.brand-audience.1h.updates; pk.fields=brand,audience,window_start;
-- exclude=topic,department,stage,top_authors,top_hashtags
CREATE TABLE IF NOT EXISTS earshot_brand_audience_1h (
  view text NOT NULL,
  brand text NOT NULL,
  audience text NOT NULL,
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  closed boolean NOT NULL,
  posts bigint NOT NULL,
  positive bigint NOT NULL,
  neutral bigint NOT NULL,
  negative bigint NOT NULL,
  score_sum double precision NOT NULL,
  likes bigint NOT NULL,
  shares bigint NOT NULL,
  replies bigint NOT NULL,
  views bigint NOT NULL,
  reach bigint NOT NULL,
  unique_authors bigint NOT NULL,
  unique_authors_low bigint NOT NULL,
  unique_authors_high bigint NOT NULL,
  PRIMARY KEY (brand, audience, window_start)
);

-- brand: topic aggregates.brand.1h.updates; pk.fields=brand,window_start;
-- exclude=audience,topic,department,stage,top_authors,top_hashtags
CREATE TABLE IF NOT EXISTS earshot_brand_1h (
  view text NOT NULL,
  brand text NOT NULL,
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  closed boolean NOT NULL,
  posts bigint NOT NULL,
  positive bigint NOT NULL,
  neutral bigint NOT NULL,
  negative bigint NOT NULL,
  score_sum double precision NOT NULL,
  likes bigint NOT NULL,
  shares bigint NOT NULL,
  replies bigint NOT NULL,
  views bigint NOT NULL,
  reach bigint NOT NULL,
  unique_authors bigint NOT NULL,
  unique_authors_low bigint NOT NULL,
  unique_authors_high bigint NOT NULL,
  PRIMARY KEY (brand, window_start)
);

-- topic: topic aggregates.topic.1h.updates; pk.fields=topic,window_start;
-- exclude=audience,brand,department,stage,top_authors,top_hashtags
CREATE TABLE IF NOT EXISTS earshot_topic_1h (
  view text NOT NULL,
  topic text NOT NULL,
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  closed boolean NOT NULL,
  posts bigint NOT NULL,
  positive bigint NOT NULL,
  neutral bigint NOT NULL,
  negative bigint NOT NULL,
  score_sum double precision NOT NULL,
  likes bigint NOT NULL,
  shares bigint NOT NULL,
  replies bigint NOT NULL,
  views bigint NOT NULL,
  reach bigint NOT NULL,
  unique_authors bigint NOT NULL,
  unique_authors_low bigint NOT NULL,
  unique_authors_high bigint NOT NULL,
  PRIMARY KEY (topic, window_start)
);

-- department-brand: topic aggregates.department-brand.1h.updates; pk.fields=department,brand,window_start;
-- exclude=audience,topic,stage,top_authors,top_hashtags
CREATE TABLE IF NOT EXISTS earshot_department_brand_1h (
  view text NOT NULL,
  department text NOT NULL,
  brand text NOT NULL,
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  closed boolean NOT NULL,
  posts bigint NOT NULL,
  positive bigint NOT NULL,
  neutral bigint NOT NULL,
  negative bigint NOT NULL,
  score_sum double precision NOT NULL,
  likes bigint NOT NULL,
  shares bigint NOT NULL,
  replies bigint NOT NULL,
  views bigint NOT NULL,
  reach bigint NOT NULL,
  unique_authors bigint NOT NULL,
  unique_authors_low bigint NOT NULL,
  unique_authors_high bigint NOT NULL,
  PRIMARY KEY (department, brand, window_start)
);

-- stage-brand: topic aggregates.stage-brand.1h.updates; pk.fields=stage,brand,window_start;
-- exclude=audience,topic,department,top_authors,top_hashtags
CREATE TABLE IF NOT EXISTS earshot_stage_brand_1h (
  view text NOT NULL,
  stage text NOT NULL,
  brand text NOT NULL,
  window_start timestamptz NOT NULL,
  window_end timestamptz NOT NULL,
  closed boolean NOT NULL,
  posts bigint NOT NULL,
  positive bigint NOT NULL,
  neutral bigint NOT NULL,
  negative bigint NOT NULL,
  score_sum double precision NOT NULL,
  likes bigint NOT NULL,
  shares bigint NOT NULL,
  replies bigint NOT NULL,
  views bigint NOT NULL,
  reach bigint NOT NULL,
  unique_authors bigint NOT NULL,
  unique_authors_low bigint NOT NULL,
  unique_authors_high bigint NOT NULL,
  PRIMARY KEY (stage, brand, window_start)
);
