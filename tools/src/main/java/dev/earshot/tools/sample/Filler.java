package dev.earshot.tools.sample;

import java.util.List;

/** Picks templates and fills their placeholders. */
final class Filler {
  private final Draws draws;
  private final SampleTexts texts;
  private final BrandMentions mentions;

  Filler(Draws draws, SampleTexts texts) {
    this.draws = draws;
    this.texts = texts;
    this.mentions = new BrandMentions(draws, texts.brands());
  }

  /** Draws the placeholder values of one text; {@code other} is the second brand, if any. */
  PlaceholderValues values(Brand brand, Brand other) {
    return new PlaceholderValues(draws, texts.placeholders(), mentions, brand, other);
  }

  /** Picks a template, skipping those that need a brand when there is none. */
  String pickFor(List<String> templates, Brand brand) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String template = draws.pick(templates);
      if (brand != null || !TemplateText.needsBrand(template)) {
        return template;
      }
    }
    for (String template : templates) {
      if (!TemplateText.needsBrand(template)) {
        return template;
      }
    }
    throw new IllegalStateException("no brand-free template in " + templates.get(0));
  }

  /** Replaces every {@code {placeholder}} with its value, then tidies the text. */
  String fill(String template, PlaceholderValues values) {
    template = TemplateText.stripMarker(template);
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        out.append(template, i, template.length());
        break;
      }
      int close = template.indexOf('}', open);
      out.append(template, i, open);
      out.append(values.value(template.substring(open + 1, close)));
      i = close + 1;
    }
    return TemplateText.tidy(out.toString());
  }
}
