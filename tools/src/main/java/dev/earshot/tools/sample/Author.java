package dev.earshot.tools.sample;

/** Someone who posts; {@code activity} weighs how often they are picked. */
record Author(
    String id,
    String handle,
    int followers,
    String bio,
    Persona persona,
    Platform home,
    double activity) {}
