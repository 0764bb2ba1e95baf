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

  @Test
  void anEndlessInputIsReadInBoundedBatches() throws Exception {
    Endless in = new Endless();
    int batch = 1000;
    try (BatchReader reader = new BatchReader(sink -> Jsonl.readArticles(in, sink), batch,
        new JsonlTest.Collected())) {
      long id = 0;
      for (int i = 0; i < 5; i++) {
        List<Article> b = reader.next();
        assertEquals(batch, b.size());
        for (Article a : b) {
          assertEquals("a" + id++, a.id(), "input order");
        }
      }
      Thread.sleep(300); // let the reader run as far ahead as it may
      long lineBytes = 50;
      long ahead = in.read.get() - 5L * batch * lineBytes;
      // two batches queued, one filling, plus the line reader's 64 KiB buffer
      assertTrue(ahead < 3L * batch * lineBytes + (1 << 16) + lineBytes,
          "read ahead " + ahead + " bytes");
    }
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
