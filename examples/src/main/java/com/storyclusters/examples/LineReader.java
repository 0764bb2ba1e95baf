package com.storyclusters.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a UTF-8 byte stream one line at a time, holding at most one line (of at most {@code
 * maxBytes} bytes) and a fixed buffer in memory, whatever the size of the stream.
 *
 * <p>Lines end at {@code \n}; a {@code \r} before it is dropped, and so is a UTF-8 byte order
 * mark at the start of the stream. A line longer than {@code maxBytes} is not kept: its bytes are
 * counted and skipped, so that {@link #size()} can say how long it was. A line's bytes are decoded
 * strictly: {@link #text()} is null when they are not valid UTF-8, and {@link #text(char)} then
 * gives them with each malformed sequence replaced by a chosen character.
 *
 * <p>Not thread-safe; does not close the stream.
 */
final class LineReader {
  private static final int CHUNK = 1 << 16;

  private final InputStream in;
  private final int maxBytes;
  private final byte[] chunk = new byte[CHUNK];
  private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int pos;
  private int end;
  private boolean eof;
  private boolean started;
  private byte[] line = new byte[256];
  private int length;
  private long size;
  private long number;
  private String text;

  /**
   * @param in the stream, read from its current position
   * @param maxBytes the longest line kept, in bytes (without its line break)
   */
  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /**
   * Moves to the next line.
   *
   * @return false at the end of the stream
   * @throws IOException if the stream cannot be read
   */
  boolean next() throws IOException {
    length = 0;
    size = 0;
    text = null;
    boolean any = false;
    int last = -1;
    while (true) {
      if (pos == end && !fill()) {
        break;
      }
      any = true;
      int start = pos;
      while (pos < end && chunk[pos] != '\n') {
        pos++;
      }
      append(start, pos);
      if (pos > start) {
        last = chunk[pos - 1];
      }
      if (pos < end) {
        pos++; // the line break
        break;
      }
    }
    if (!any) {
      return false;
    }
    number++;
    if (last == '\r') {
      size--;
      length = (int) Math.min(length, size);
    }
    return true;
  }

  /** Reads the next chunk; the first one without a byte order mark. */
  private boolean fill() throws IOException {
    pos = 0;
    end = 0;
    while (!eof && (end == 0 || (!started && end < 3))) {
      int n = in.read(chunk, end, CHUNK - end);
      if (n < 0) {
        eof = true;
      } else {
        end += n;
      }
    }
    if (!started) {
      started = true;
      if (end >= 3 && (chunk[0] & 0xFF) == 0xEF && (chunk[1] & 0xFF) == 0xBB
          && (chunk[2] & 0xFF) == 0xBF) {
        pos = 3;
      }
    }
    return pos < end;
  }

  private void append(int from, int to) {
    int n = to - from;
    size += n;
    int keep = (int) Math.min(n, (long) maxBytes - length); // past maxBytes, only counted
    if (keep <= 0) {
      return;
    }
    if (length + keep > line.length) {
      line = Arrays.copyOf(line, Math.max(length + keep, Math.min(maxBytes, line.length * 2)));
    }
    System.arraycopy(chunk, from, line, length, keep);
    length += keep;
  }

  /** The 1-based number of the current line. */
  long number() {
    return number;
  }

  /** The current line's length in bytes, without its line break. */
  long size() {
    return size;
  }

  /** Whether the current line is longer than {@code maxBytes} (its bytes were not kept). */
  boolean tooLong() {
    return size > maxBytes;
  }

  /**
   * The current line decoded, or null if its bytes are not valid UTF-8 (or it is {@link
   * #tooLong}).
   */
  String text() {
    if (text == null && !tooLong()) {
      try {
        text = strict.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
      } catch (CharacterCodingException e) {
        return null;
      }
    }
    return text;
  }

  /**
   * The current line decoded with every malformed sequence replaced by {@code replacement}.
   *
   * @throws IllegalStateException if the line is {@link #tooLong}
   */
  String text(char replacement) {
    if (tooLong()) {
      throw new IllegalStateException("line " + number + " was too long to keep");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .replaceWith(String.valueOf(replacement))
          .decode(ByteBuffer.wrap(line, 0, length)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(e); // cannot happen: errors are replaced
    }
  }
}
