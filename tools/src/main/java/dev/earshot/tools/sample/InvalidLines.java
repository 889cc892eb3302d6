package dev.earshot.tools.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The six deliberately broken lines of the sample, one per way ingest refuses a line. */
final class InvalidLines {
  /** 1-based line numbers of the invalid lines, in the final file. */
  static final int[] LINE_NUMBERS = {314, 1027, 1765, 2402, 3118, 3703};

  private InvalidLines() {}

  /** The k-th invalid line; {@code near} is the time of the post before it. */
  static String line(int k, long near) throws JsonProcessingException {
    String at = PostJson.ISO.format(Instant.ofEpochSecond(near));
    ObjectNode json = PostJson.MAPPER.createObjectNode();
    switch (k) {
      case 0 -> {
        // Not JSON: a line cut off in the middle of an export.
        return "{\"id\":\"t-900001\",\"platform\":\"twitter\",\"text\":\"@acmecard why does my card"
            + " keep getting declined at";
      }
      case 1 -> {
        // No text.
        json.put("id", "r-900002");
        json.put("platform", "reddit");
        json.put("created_at", at);
        json.put("lang", "en");
        json.putObject("author").put("handle", "[deleted]");
      }
      case 2 -> {
        // A time that is not a time.
        json.put("id", "f-900003");
        json.put("platform", "forum");
        json.put("text", "Anyone else had their acme card declined at the pharmacy?");
        json.put("created_at", "yesterday");
      }
      case 3 -> {
        // No id.
        json.put("platform", "twitter");
        json.put("text", "@globex your app keeps logging me out 🙄");
        json.put("created_at", at);
        json.put("lang", "en");
      }
      case 4 -> {
        // An empty platform.
        json.put("id", "b-900005");
        json.put("platform", "");
        json.put("text", "Great article, the balance transfer section helped a lot");
        json.put("created_at", at);
      }
      default -> {
        // A follower count that is not a number.
        json.put("id", "t-900006");
        json.put("platform", "twitter");
        json.put("text", "Initech just waived the annual fee for me, nice 👍");
        json.put("created_at", at);
        json.put("lang", "en");
        json.putObject("author")
            .put("id", "u-0999")
            .put("handle", "spreadsheet_sam")
            .put("followers", "many");
      }
    }
    return PostJson.MAPPER.writeValueAsString(json);
  }
}
