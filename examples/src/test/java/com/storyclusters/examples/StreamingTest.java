package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.storyclusters.Article;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Input is streamed: lines are read one at a time and handed on in bounded batches, so a file of
 * any size is read in bounded memory (here, an endless stream, which loading whole could never
 * finish).
 */
class StreamingTest {
  /** An endless JSONL stream of small articles that counts the bytes read from it. */
  static final class Endless extends InputStream {
    final AtomicLong read = new AtomicLong();
    private byte[] line = new byte[0];
    private int pos;
    private long n;

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos == line.length) {
        line = ("{\"id\":\"a" + n++ + "\",\"text\":\"some words here\"}\n")
            .getBytes(StandardCharsets.UTF_8);
        pos = 0;
      }
      int k = Math.min(len, line.length - pos);
      System.arraycopy(line, pos, b, off, k);
      pos += k;
      read.addAndGet(k);
      return k;
    }
  }

  /** A reader not asked for checkpoints hands the same articles, with no hash taken. */
  @Test
  void aReaderWithoutCheckpointsHashesNothing() throws Exception {
    try (BatchReader reader = new BatchReader(sink -> Jsonl.readArticles(new Endless(), sink), 100,
        new JsonlTest.Collected(), false)) {
      BatchReader.Batch read = reader.next();
      assertEquals(100, read.articles().size());
      assertEquals("a99", read.articles().get(99).id());
      for (long h : read.checkpoints()) {
        assertEquals(0, h);
      }
    }
  }

  @Test
  void anEndlessInputIsReadInBoundedBatches() throws Exception {
    Endless in = new Endless();
    int batch = 1000;
    try (BatchReader reader = new BatchReader(sink -> Jsonl.readArticles(in, sink), batch,
        new JsonlTest.Collected())) {
      long id = 0;
      InputCheckpoint mine = new InputCheckpoint();
      InputCheckpoint counted = new InputCheckpoint();
      for (int i = 0; i < 5; i++) {
        BatchReader.Batch read = reader.next();
        List<Article> b = read.articles();
        assertEquals(batch, b.size());
        for (int k = 0; k < b.size(); k++) {
          Article a = b.get(k);
          assertEquals("a" + id++, a.id(), "input order");
          mine.add(a);
          assertEquals(mine.hash(), read.checkpoints()[k], "the reader's hash of the input so far");
          counted.added(read.checkpoints()[k]);
        }
      }
      assertEquals(mine.encode(), counted.encode());
      Thread.sleep(300); // let the reader run as far ahead as it may
      long lineBytes = 50;
      long ahead = in.read.get() - 5L * batch * lineBytes;
      // two batches queued, one filling, plus the line reader's 64 KiB buffer
      assertTrue(ahead < 3L * batch * lineBytes + (1 << 16) + lineBytes,
          "read ahead " + ahead + " bytes");
    }
  }

  /**
   * A line decodes as the strict UTF-8 decoder decodes it, or to null when that decoder refuses
   * it: seeded random lines of ASCII, Latin-1, other scripts, four-byte characters, a real
   * U+FFFD, and bytes that are not UTF-8 (lone continuation bytes, cut sequences, overlong forms,
   * encoded surrogates).
   */
  @Test
  void linesDecodeAsTheStrictDecoderDoes() throws Exception {
    java.util.SplittableRandom r = new java.util.SplittableRandom(20261204L);
    String[] pieces = {"a", "Z", " ", "7", "{", "\"", "\u00e9", "\u00a3", "\u4e2d", "\u0628",
        "\ud83d\ude00", "\ufffd", "\u2019"};
    byte[][] bad = {{(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC3}, {(byte) 0xE4, (byte) 0xB8},
        {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}};
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    java.util.List<byte[]> lines = new java.util.ArrayList<>();
    int invalid = 0;
    for (int i = 0; i < 3000; i++) {
      java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
      boolean valid = r.nextInt(3) > 0;
      for (int k = r.nextInt(40); k > 0; k--) {
        line.write(pieces[r.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8));
        if (!valid && r.nextInt(8) == 0) {
          line.write(bad[r.nextInt(bad.length)]);
        }
      }
      lines.add(line.toByteArray());
      all.write(line.toByteArray());
      all.write('\n');
    }
    LineReader reader = new LineReader(new ByteArrayInputStream(all.toByteArray()), 1 << 16);
    for (byte[] line : lines) {
      assertTrue(reader.next());
      String expected;
      try {
        expected = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
            .decode(java.nio.ByteBuffer.wrap(line)).toString();
      } catch (java.nio.charset.CharacterCodingException e) {
        expected = null;
        invalid++;
      }
      assertEquals(expected, reader.text(), "line " + reader.number());
    }
    assertFalse(reader.next());
    assertTrue(invalid > 300 && invalid < 1500, invalid + " invalid lines");
  }

  @Test
  void linesOneAtATime() throws Exception {
    LineReader r = new LineReader(new ByteArrayInputStream(
        "\uFEFFone\r\n\ntoo long\nlast".getBytes(StandardCharsets.UTF_8)), 5);
    assertTrue(r.next());
    assertEquals("one", r.text(), "the byte order mark and \\r are dropped");
    assertEquals(3, r.size());
    assertTrue(r.next());
    assertEquals("", r.text());
    assertTrue(r.next());
    assertTrue(r.tooLong());
    assertEquals(8, r.size());
    assertEquals(null, r.text());
    assertTrue(r.next());
    assertEquals("last", r.text());
    assertEquals(4, r.number());
    assertFalse(r.next());
  }
}
