package com.storyclusters.examples;

import static com.storyclusters.examples.ServeTest.article;
import static com.storyclusters.examples.ServeTest.json;
import static com.storyclusters.examples.ServeTest.send;
import static com.storyclusters.examples.ServeTest.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.storyclusters.Assignment;
import com.storyclusters.StoryClusters;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code storyclusters serve} as a child process: a 200 means durable. SIGKILL right after the
 * acknowledgements came back loses none of them; SIGTERM drains, commits, closes and exits 0.
 */
class ServeProcessTest {
  @TempDir Path tmp;

  /** A started {@code serve} and the address it printed. */
  record Server(Process process, String base, Path log) {}

  Server serve(Path index) throws Exception {
    Path log = tmp.resolve("serve-" + System.nanoTime() + ".log");
    Process p = Run.child("serve", "--index", index.toString(), "--port", "0")
        .redirectError(log.toFile()).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8));
    String line = out.readLine(); // blocks until it listens (or ends)
    assertNotNull(line, () -> "serve printed nothing: " + read(log));
    Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)/").matcher(line);
    assertTrue(m.matches(), line);
    return new Server(p, m.group(1), log);
  }

  static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (java.io.IOException e) {
      return "(no log)";
    }
  }

  /** Every acknowledged article is in the index, in its acknowledged cluster. */
  static void assertDurable(Path index, Map<String, String> acked) {
    try (StoryClusters sc = StoryClusters.builder().directory(index).readOnly(true).build()) {
      for (Map.Entry<String, String> e : acked.entrySet()) {
        Assignment a = sc.assignment(e.getKey()).orElse(null);
        assertNotNull(a, "acknowledged but lost: " + e.getKey());
        assertEquals(e.getValue(), a.clusterId(), e.getKey());
      }
    }
  }

  @Test
  void killedRightAfterTheAcknowledgementsLosesNoneOfThem() throws Exception {
    List<String> seeds = ServeTest.seeds();
    Path index = tmp.resolve("idx");
    Server s = serve(index);
    Map<String, String> acked = new ConcurrentHashMap<>();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int thread = t;
      Thread c = new Thread(() -> {
        for (int i = 0; !stop.get(); i++) {
          String id = "k-" + thread + "-" + i;
          try {
            HttpResponse<String> r = send(s.base(), "POST", "/articles",
                article(id, "Site " + thread + "\n" + text(seeds.get(i % seeds.size()))), null);
            if (r.statusCode() == 200) {
              acked.put(id, json(r).get("cluster").asText());
            }
          } catch (Exception e) {
            return; // the server is gone
          }
        }
      });
      c.start();
      clients.add(c);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (acked.size() < 40 && System.nanoTime() < deadline && s.process().isAlive()) {
      Thread.sleep(1);
    }
    s.process().destroyForcibly(); // SIGKILL while requests are in flight
    stop.set(true);
    Map<String, String> answered = Map.copyOf(acked); // answered before the kill (or while)
    assertTrue(s.process().waitFor(60, TimeUnit.SECONDS));
    for (Thread c : clients) {
      c.join(60_000);
    }
    assertTrue(answered.size() >= 40, () -> answered.size() + " acked; " + read(s.log()));
    assertDurable(index, acked);
  }

  @Test
  void sigtermDrainsCommitsClosesAndExitsZero() throws Exception {
    List<String> seeds = ServeTest.seeds();
    Path index = tmp.resolve("idx");
    Server s = serve(index);
    Map<String, String> acked = new ConcurrentHashMap<>();
    HttpResponse<String> batch = send(s.base(), "POST", "/articles",
        String.join("\n", seeds), "application/x-ndjson");
    assertEquals(200, batch.statusCode(), batch.body());
    for (JsonNode a : json(batch)) {
      acked.put(a.get("id").asText(), a.get("cluster").asText());
    }
    assertEquals(acked.get("seed-000"), acked.get("seed-003"));
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> r = send(s.base(), "POST", "/articles",
          article("t-" + i, text(seeds.get(i))), null);
      acked.put("t-" + i, json(r).get("cluster").asText());
    }
    s.process().destroy(); // SIGTERM
    assertTrue(s.process().waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, s.process().exitValue(), () -> read(s.log()));
    assertTrue(read(s.log()).contains("closed"), () -> read(s.log()));
    assertTrue(!read(s.log()).contains("\tat "), () -> read(s.log()));
    assertDurable(index, acked);
    try (StoryClusters sc = StoryClusters.builder().directory(index).readOnly(true).build()) {
      assertEquals(acked.size(), sc.size());
    }
    // and it serves the same index again
    Server again = serve(index);
    try {
      assertEquals(acked.size(), json(ServeTest.send(again.base(), "GET", "/health", null,
          null)).get("articles").asInt());
    } finally {
      again.process().destroy();
      assertTrue(again.process().waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, again.process().exitValue(), () -> read(again.log()));
    }
  }
}
