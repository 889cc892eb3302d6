package dev.earshot.tools.sample;

/** What every part of the generator shares: the draws, the texts, the days and the authors. */
record Story(
    Draws draws,
    SampleTexts texts,
    SampleDays days,
    SpikeWindow spike,
    Authors authors,
    Filler filler,
    Styler styler,
    Composer composer) {

  /** Sets up the generator's parts; creating the authors is the first use of the draws. */
  static Story create(long seed, SampleTexts texts, SampleDays days) {
    Draws draws = new Draws(seed);
    Authors authors = new Authors(draws, texts);
    Filler filler = new Filler(draws, texts);
    Styler styler = new Styler(draws, texts.styling());
    Composer composer = new Composer(draws, texts, filler, styler);
    SpikeWindow spike = SpikeWindow.of(texts.spike());
    return new Story(draws, texts, days, spike, authors, filler, styler, composer);
  }
}
