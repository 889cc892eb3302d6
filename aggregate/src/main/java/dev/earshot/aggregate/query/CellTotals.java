package dev.earshot.aggregate.query;

/** One audience x topic cell's totals over a time range. */
public record CellTotals(String audience, String topic, Counts totals) {}
