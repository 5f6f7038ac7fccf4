package dev.greenlight.starter.rehearse;

/** Formats simulated offsets the way the rehearsal prints them: {@code d3 14:05}. */
public final class SimTime {
  private SimTime() {}

  public static String offset(long millis) {
    long minutes = millis / 60_000;
    return String.format("d%-2d %02d:%02d", minutes / 1440, (minutes % 1440) / 60, minutes % 60);
  }
}
