-- earshot -> ClickHouse: the audience-topic view at 1h, both ways (see README.md here).
--
-- Format: earshot writes Avro in the Confluent wire format (magic byte 0, 4-byte big-endian
-- schema id, Avro binary), which is what kafka_format = 'AvroConfluent' reads. ClickHouse fetches
-- <format_avro_schema_registry_url>/schemas/ids/<id>; with Apicurio the URL must carry the
-- Confluent-compatible path /apis/ccompat/v7, and ClickHouse keeps a URL's path only from 23.10 on
-- (ClickHouse PR 55991; older versions drop it and get 404 from Apicurio: serve the ccompat API
-- at the root through a proxy, or use a registry that serves it there, e.g. Confluent's).
-- Record keys are plain UTF-8 strings ('<label>|...|<window start>'), not Avro; not read here.
-- Fields not declared in a Kafka table are skipped. `view` is quoted: it is also a keyword.
-- librdkafka reads with isolation.level=read_committed by default, as earshot's transactions need.

CREATE DATABASE IF NOT EXISTS earshot;

-- 1. Upsert: the updates topic (the latest value of each window as it changes, then once more
--    with closed = 1) into a ReplacingMergeTree with the record key's identity as its sort key.
--    The version is the Kafka offset: one key always lands on one partition, so a higher offset
--    is a later value (if you ever add partitions to the topic, truncate and re-read it).
--    Query with FINAL (or argMax) to see one row per window before merges have run.

CREATE TABLE IF NOT EXISTS earshot.audience_topic_1h_updates_queue
(
    `view` String,
    audience Nullable(String),
    topic Nullable(String),
    window_start DateTime64(3, 'UTC'),
    window_end DateTime64(3, 'UTC'),
    closed UInt8,
    posts Int64,
    positive Int64,
    neutral Int64,
    negative Int64,
    score_sum Float64,
    likes Int64,
    shares Int64,
    replies Int64,
    views Int64,
    reach Int64,
    unique_authors Int64,
    unique_authors_low Int64,
    unique_authors_high Int64,
    top_authors Array(Tuple(item String, estimate Int64, max_error Int64)),
    top_hashtags Array(Tuple(item String, estimate Int64, max_error Int64))
)
ENGINE = Kafka
SETTINGS
    kafka_broker_list = '127.0.0.1:9092',
    kafka_topic_list = 'aggregates.audience-topic.1h.updates',
    kafka_group_name = 'clickhouse-earshot-audience-topic-1h-updates',
    kafka_format = 'AvroConfluent',
    format_avro_schema_registry_url = 'http://127.0.0.1:8081/apis/ccompat/v7';

CREATE TABLE IF NOT EXISTS earshot.audience_topic_1h
(
    `view` LowCardinality(String),
    audience LowCardinality(String),
    topic LowCardinality(String),
    window_start DateTime64(3, 'UTC'),
    window_end DateTime64(3, 'UTC'),
    closed UInt8,
    posts Int64,
    positive Int64,
    neutral Int64,
    negative Int64,
    score_sum Float64,
    likes Int64,
    shares Int64,
    replies Int64,
    views Int64,
    reach Int64,
    unique_authors Int64,
    unique_authors_low Int64,
    unique_authors_high Int64,
    top_authors Array(Tuple(item String, estimate Int64, max_error Int64)),
    top_hashtags Array(Tuple(item String, estimate Int64, max_error Int64)),
    kafka_offset UInt64
)
ENGINE = ReplacingMergeTree(kafka_offset)
PARTITION BY toYYYYMM(window_start)
ORDER BY (audience, topic, window_start);

CREATE MATERIALIZED VIEW IF NOT EXISTS earshot.audience_topic_1h_updates_mv
TO earshot.audience_topic_1h AS
SELECT
    `view`,
    ifNull(audience, '') AS audience,
    ifNull(topic, '') AS topic,
    window_start,
    window_end,
    closed,
    posts,
    positive,
    neutral,
    negative,
    score_sum,
    likes,
    shares,
    replies,
    views,
    reach,
    unique_authors,
    unique_authors_low,
    unique_authors_high,
    top_authors,
    top_hashtags,
    _offset AS kafka_offset
FROM earshot.audience_topic_1h_updates_queue;

-- For example, the most negative cells of the last closed day:
--   SELECT audience, topic, sum(negative) / sum(posts) AS negative_share, sum(posts) AS posts
--   FROM earshot.audience_topic_1h FINAL
--   WHERE closed AND window_start >= today() - 1 AND window_start < today()
--   GROUP BY audience, topic ORDER BY negative_share DESC LIMIT 10;

-- 2. Append: the final topic (one record per window, once its grace has passed: for 1h windows
--    7 days after the window by default) into a plain MergeTree. Use this instead of, not as
--    well as, the updates table if you only want settled figures. The Kafka engine delivers at
--    least once: after a ClickHouse crash a window may appear twice; ReplacingMergeTree with
--    the same ORDER BY (and FINAL) would fold such duplicates.

CREATE TABLE IF NOT EXISTS earshot.audience_topic_1h_final_queue
(
    `view` String,
    audience Nullable(String),
    topic Nullable(String),
    window_start DateTime64(3, 'UTC'),
    window_end DateTime64(3, 'UTC'),
    posts Int64,
    positive Int64,
    neutral Int64,
    negative Int64,
    score_sum Float64,
    likes Int64,
    shares Int64,
    replies Int64,
    views Int64,
    reach Int64,
    unique_authors Int64,
    unique_authors_low Int64,
    unique_authors_high Int64,
    top_authors Array(Tuple(item String, estimate Int64, max_error Int64)),
    top_hashtags Array(Tuple(item String, estimate Int64, max_error Int64))
)
ENGINE = Kafka
SETTINGS
    kafka_broker_list = '127.0.0.1:9092',
    kafka_topic_list = 'aggregates.audience-topic.1h.final',
    kafka_group_name = 'clickhouse-earshot-audience-topic-1h-final',
    kafka_format = 'AvroConfluent',
    format_avro_schema_registry_url = 'http://127.0.0.1:8081/apis/ccompat/v7';

CREATE TABLE IF NOT EXISTS earshot.audience_topic_1h_final
(
    `view` LowCardinality(String),
    audience LowCardinality(String),
    topic LowCardinality(String),
    window_start DateTime64(3, 'UTC'),
    window_end DateTime64(3, 'UTC'),
    posts Int64,
    positive Int64,
    neutral Int64,
    negative Int64,
    score_sum Float64,
    likes Int64,
    shares Int64,
    replies Int64,
    views Int64,
    reach Int64,
    unique_authors Int64,
    unique_authors_low Int64,
    unique_authors_high Int64,
    top_authors Array(Tuple(item String, estimate Int64, max_error Int64)),
    top_hashtags Array(Tuple(item String, estimate Int64, max_error Int64))
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(window_start)
ORDER BY (audience, topic, window_start);

CREATE MATERIALIZED VIEW IF NOT EXISTS earshot.audience_topic_1h_final_mv
TO earshot.audience_topic_1h_final AS
SELECT
    `view`,
    ifNull(audience, '') AS audience,
    ifNull(topic, '') AS topic,
    window_start,
    window_end,
    posts,
    positive,
    neutral,
    negative,
    score_sum,
    likes,
    shares,
    replies,
    views,
    reach,
    unique_authors,
    unique_authors_low,
    unique_authors_high,
    top_authors,
    top_hashtags
FROM earshot.audience_topic_1h_final_queue;
