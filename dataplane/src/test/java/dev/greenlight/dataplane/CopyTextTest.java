package dev.greenlight.dataplane;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class CopyTextTest {
  @Test
  void escapesWhatCopyTextFormatTreatsAsSpecial() {
    assertEquals("a\\\\b\\tc\\nd\\re", CopyText.field("a\\b\tc\nd\re"));
    assertEquals("\\N", CopyText.field(null));
    assertEquals("", CopyText.field(""));
  }

  @Test
  void plainValuesAreReturnedAsTheyAre() {
    String plain = "'; DROP TABLE x; --";
    assertSame(plain, CopyText.field(plain));
  }
}
