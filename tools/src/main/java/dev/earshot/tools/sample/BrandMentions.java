package dev.earshot.tools.sample;

import dev.earshot.tools.sample.TextTables.BrandNames;
import java.util.Map;

/** How a post names a brand: its name, its handle or a misspelling. */
final class BrandMentions {
  private final Draws draws;
  private final Map<Brand, BrandNames> names;

  BrandMentions(Draws draws, Map<Brand, BrandNames> names) {
    this.draws = draws;
    this.names = names;
  }

  /** For {@code {b}}: a name, a handle or a misspelling. */
  String mention(Brand brand) {
    BrandNames brandNames = names.get(brand);
    double r = draws.nextDouble();
    if (r < 0.62) {
      return draws.pick(brandNames.names());
    }
    return r < 0.88 ? draws.pick(brandNames.handles()) : draws.pick(brandNames.misspellings());
  }

  /** For {@code {bn}}: the first word of a name, or a misspelling. */
  String shortName(Brand brand) {
    BrandNames brandNames = names.get(brand);
    if (draws.nextDouble() < 0.12) {
      String misspelling = draws.pick(brandNames.misspellings());
      return misspelling.endsWith("card") ? brand.label : misspelling;
    }
    String name = draws.pick(brandNames.names());
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }
}
