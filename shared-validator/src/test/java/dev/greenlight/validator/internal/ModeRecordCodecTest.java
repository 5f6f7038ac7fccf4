package dev.greenlight.validator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.greenlight.validator.ModeRecord;
import dev.greenlight.validator.ValidationMode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModeRecordCodecTest {
  @Test
  void fullChangeMessageCarriesTheRecordWithAMultiLineReason() {
    ModeRecord record =
        ModeRecordCodec.fromMessage(
            "9 companies\nenforce\n50\n2026-01-19T10:00:00Z\nworkflow\ncanary 50 %\nsecond line",
            9);
    assertEquals(
        new ModeRecord(
            ValidationMode.ENFORCE,
            50,
            9,
            "workflow",
            "canary 50 %\nsecond line",
            Instant.parse("2026-01-19T10:00:00Z")),
        record);
  }

  @Test
  void shortOrMalformedMessageCarriesNoRecord() {
    assertNull(ModeRecordCodec.fromMessage("9 companies", 9));
    assertNull(
        ModeRecordCodec.fromMessage("9 companies\nstrict\n50\n2026-01-19T10:00:00Z\nw\nr", 9));
    assertNull(
        ModeRecordCodec.fromMessage("9 companies\nwarn\n500\n2026-01-19T10:00:00Z\nw\nr", 9));
    assertNull(ModeRecordCodec.fromMessage("9 companies\nwarn\n0\nyesterday\nw\nr", 9));
  }
}
