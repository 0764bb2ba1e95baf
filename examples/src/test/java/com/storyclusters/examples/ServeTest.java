package com.storyclusters.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storyclusters.StoryClusters;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s service in this JVM, on a loopback port chosen by the system, through a real
 * {@link HttpClient}: the endpoints, ids that travel percent-encoded, every error status, and
 * concurrent writes sharing commits. (ServeProcessTest kills a child process.)
 */
class ServeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();

  @TempDir Path tmp;
  Path index;
  Service service;
  String base;

  @BeforeEach
  void start() throws Exception {
    index = tmp.resolve("idx");
    service = Service.start(StoryClusters.builder().directory(index).build(),
        new InetSocketAddress("127.0.0.1", 0), 4, 1 << 20, 5);
    base = "http://127.0.0.1:" + service.address().getPort();
  }

  @AfterEach
  void stop() {
    service.close();
  }

  static List<String> seeds() throws Exception {
    return Files.readAllLines(Path.of("../samples/seeds/articles.jsonl")).stream()
        .filter(l -> !l.isBlank()).toList();
  }

  static String text(String seedLine) throws Exception {
    return JSON.readTree(seedLine).get("text").asText();
  }

  static HttpResponse<String> send(String base, String method, String path, String body,
      String contentType) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> send(String method, String path, String body, String contentType)
      throws Exception {
    return send(base, method, path, body, contentType);
  }

  HttpResponse<String> get(String path) throws Exception {
    return send("GET", path, null, null);
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
        r.headers().toString());
    return JSON.readTree(r.body());
  }

  /** An id as one path segment: percent-encoded UTF-8, a space as %20. */
  static String segment(String id) {
    return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String article(String id, String text) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", id);
    n.put("source", "test");
    n.put("text", text);
    return n.toString();
  }

  /** An error: the status and a JSON body {"error": "..."} with no stack trace. */
  static String error(HttpResponse<String> r, int status) throws Exception {
    assertEquals(status, r.statusCode(), r.body());
    JsonNode n = json(r);
    String message = n.get("error").asText();
    assertFalse(message.isBlank());
    assertFalse(r.body().contains("\tat "), r.body());
    return message;
  }

  @Test
  void postsOneAndABatchThenReadsClustersArticlesExplainHealthAndDeletes() throws Exception {
    List<String> seeds = seeds();
    HttpResponse<String> one = send("POST", "/articles", seeds.get(0), "application/json");
    assertEquals(200, one.statusCode(), one.body());
    JsonNode first = json(one);
    assertEquals("seed-000", first.get("id").asText());
    String cluster = first.get("cluster").asText();
    assertTrue(first.get("new").asBoolean());

    HttpResponse<String> batch = send("POST", "/articles",
        String.join("\n", seeds.subList(1, 5)) + "\n", "application/x-ndjson");
    assertEquals(200, batch.statusCode(), batch.body());
    JsonNode list = json(batch);
    assertEquals(4, list.size());
    for (int i = 0; i < 4; i++) {
      assertEquals("seed-00" + (i + 1), list.get(i).get("id").asText()); // in order
    }
    assertEquals(cluster, list.get(2).get("cluster").asText(), "seed-003 joins seed-000");
    assertEquals("seed-000", list.get(2).get("bestMatch").asText());

    JsonNode c = json(get("/clusters/" + segment(cluster)));
    assertEquals(cluster, c.get("id").asText());
    assertEquals(c.get("representative").asText(), c.get("members").get(0).asText());
    List<String> members = new ArrayList<>();
    c.get("members").forEach(m -> members.add(m.asText()));
    assertTrue(members.containsAll(List.of("seed-000", "seed-003")), members.toString());

    HttpResponse<String> a = get("/articles/seed-003");
    assertEquals(200, a.statusCode());
    assertEquals(cluster, json(a).get("cluster").asText());
    assertTrue(json(a).get("unchanged").asBoolean());

    HttpResponse<String> ex = get("/explain?a=seed-003&b=seed-000");
    assertEquals(200, ex.statusCode(), ex.body());
    JsonNode e = json(ex);
    assertFalse(e.get("reason").asText().isBlank());
    assertTrue(e.get("scores").get("score").asDouble() > 0);
    assertTrue(e.get("sharedPassages").size() > 0);
    assertEquals(cluster, e.get("clusterOfA").asText());

    JsonNode health = json(get("/health"));
    assertEquals("ok", health.get("status").asText());
    assertEquals(5, health.get("articles").asInt());

    HttpResponse<String> del = send("DELETE", "/articles/seed-004", null, null);
    assertEquals(200, del.statusCode(), del.body());
    assertTrue(json(del).get("removed").asBoolean());
    error(send("DELETE", "/articles/seed-004", null, null), 404);
    error(get("/articles/seed-004"), 404);
    assertEquals(4, json(get("/health")).get("articles").asInt());

    // a pretty-printed object is one article, a body of lines without the type a batch
    HttpResponse<String> pretty = send("POST", "/articles",
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(seeds.get(4))),
        "application/json");
    assertEquals("seed-004", json(pretty).get("id").asText(), pretty.body());
    assertEquals(2, json(send("POST", "/articles", article("l1", text(seeds.get(1))) + "\n"
        + article("l2", text(seeds.get(2))), null)).size());

    // an impossible time is a warning, the article kept; JSON lines can be answered as lines
    HttpRequest lines = HttpRequest.newBuilder(URI.create(base + "/articles"))
        .header("Content-Type", "application/x-ndjson").header("Accept", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(article("w1", "when?").replace("}",
            ",\"published\":\"2014-09-31\"}") + "\n")).build();
    HttpResponse<String> w = CLIENT.send(lines, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, w.statusCode(), w.body());
    assertTrue(w.headers().firstValue("Content-Type").orElse("").startsWith(
        "application/x-ndjson"));
    JsonNode w1 = JSON.readTree(w.body().strip());
    assertEquals("w1", w1.get("id").asText());
    assertTrue(w1.get("warning").asText().startsWith("line 1: \"published\""), w.body());

    service.close(); // commits and closes: everything answered is in the index
    try (StoryClusters sc = StoryClusters.builder().directory(index).readOnly(true).build()) {
      assertEquals(8, sc.size());
      assertEquals(cluster, sc.assignment("seed-003").orElseThrow().clusterId());
      assertTrue(sc.assignment("seed-004").isPresent());
    }
  }

  @Test
  void idsTravelPercentEncoded() throws Exception {
    List<String> seeds = seeds();
    String odd = "wire/1 a b%20c%zz +é東京?#&=.."; // slash, spaces, %, +, non-ASCII, ? # & =
    String copy = "copy/ü 2%";
    JsonNode a = json(send("POST", "/articles", article(odd, text(seeds.get(1))), null));
    assertEquals(odd, a.get("id").asText());
    assertEquals(odd, a.get("cluster").asText()); // it started the cluster: the cluster's id
    JsonNode b = json(send("POST", "/articles", article(copy, text(seeds.get(1))), null));
    assertEquals(odd, b.get("cluster").asText());

    HttpResponse<String> got = get("/articles/" + segment(odd));
    assertEquals(200, got.statusCode(), got.body());
    assertEquals(odd, json(got).get("id").asText());
    JsonNode c = json(get("/clusters/" + segment(odd)));
    assertEquals(odd, c.get("id").asText());
    assertEquals(2, c.get("members").size());
    HttpResponse<String> ex = get("/explain?a=" + URLEncoder.encode(copy, StandardCharsets.UTF_8)
        + "&b=" + URLEncoder.encode(odd, StandardCharsets.UTF_8));
    assertEquals(200, ex.statusCode(), ex.body());
    assertEquals(odd, json(ex).get("b").asText());
    HttpResponse<String> del = send("DELETE", "/articles/" + segment(copy), null, null);
    assertEquals(200, del.statusCode(), del.body());
    assertEquals(copy, json(del).get("id").asText());
    error(get("/articles/" + segment(copy)), 404);
    error(get("/articles/wire/1"), 404); // an unencoded slash is another path
    error(get("/articles/%C3%28"), 400); // not UTF-8
  }

  @Test
  void errorsAreJsonWithTheirStatus() throws Exception {
    assertTrue(error(send("POST", "/articles", "{\"id\": \"x\", ", "application/json"), 400)
        .contains("malformed JSON"));
    assertTrue(error(send("POST", "/articles", "{\"text\": \"no id\"}", null), 400)
        .contains("\"id\""));
    assertTrue(error(send("POST", "/articles", "{\"id\": 12}", null), 400)
        .contains("must be a string"));
    error(send("POST", "/articles", "[1, 2]", null), 400);
    assertTrue(error(send("POST", "/articles", article("a", "t") + " " + article("b", "t"), null),
        400).contains("more than one"));
    error(send("POST", "/articles", "", null), 400);
    assertTrue(error(send("POST", "/articles", article("ok", "fine") + "\nnot json\n",
        "application/x-ndjson"), 400).startsWith("line 2: "));
    assertEquals(0, json(get("/health")).get("articles").asInt(), "a bad batch adds nothing");
    error(get("/articles/nope"), 404);
    error(get("/clusters/nope"), 404);
    error(send("DELETE", "/articles/nope", null, null), 404);
    error(get("/explain?a=nope&b=other"), 404);
    error(get("/explain?a=nope"), 400);
    error(get("/nothing/here"), 404);
    HttpResponse<String> m = send("PUT", "/articles", "{}", null);
    error(m, 405);
    assertEquals("POST", m.headers().firstValue("Allow").orElse(""));
    error(get("/articles"), 405);
    error(send("POST", "/health", "{}", null), 405);
    error(send("PATCH", "/articles/x", "{}", null), 405);
    HttpResponse<String> report = get("/report"); // the report of the index as it stands
    assertEquals(200, report.statusCode());
    assertTrue(report.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(report.body().contains("Story clusters"), report.body().substring(0, 200));

    try (Service small = Service.start(StoryClusters.builder().build(),
        new InetSocketAddress("127.0.0.1", 0), 2, 1000, 5)) {
      String smallBase = "http://127.0.0.1:" + small.address().getPort();
      assertTrue(error(send(smallBase, "POST", "/articles", article("big", "x".repeat(5000)),
          null), 413).contains("1,000 bytes"));
      HttpResponse<String> fits = send(smallBase, "POST", "/articles", article("s", "small"),
          null);
      assertEquals(200, fits.statusCode(), fits.body());
    }
  }

  @Test
  void concurrentPostsAllLandAndCopiesShareOneCluster() throws Exception {
    String wire = text(seeds().get(2));
    int threads = 4;
    int each = 8;
    Map<String, String> clusters = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            String id = "c-" + thread + "-" + i;
            HttpResponse<String> r = send("POST", "/articles", article(id, wire), null);
            assertEquals(200, r.statusCode(), r.body());
            clusters.put(id, json(r).get("cluster").asText());
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * each, clusters.size());
    assertEquals(1, clusters.values().stream().distinct().count(), clusters.toString());
    assertEquals(threads * each, json(get("/health")).get("articles").asInt());
    assertEquals(1, json(get("/health")).get("clusters").asInt());
    long commits = service.commits();
    assertTrue(commits < threads * each, "writes arriving together share commits: " + commits
        + " commits for " + threads * each + " writes");
  }

  @Test
  void closingAnswers503ThenCommitsAndCloses() throws Exception {
    assertEquals(200, send("POST", "/articles", article("k", text(seeds().get(0))), null)
        .statusCode());
    service.stopAccepting();
    assertTrue(error(get("/health"), 503).contains("closing"));
    error(send("POST", "/articles", article("late", "too late"), null), 503);
    assertTrue(service.drainAndClose(Duration.ofSeconds(10)));
    try (StoryClusters sc = StoryClusters.builder().directory(index).readOnly(true).build()) {
      assertEquals(1, sc.size());
    }
  }

  @Test
  void wrongCommandLinesAreUsageErrors() {
    assertEquals(2, Run.in("serve", "--index", tmp.resolve("x").toString(), "--port", "70000")
        .code());
    assertEquals(2, Run.in("serve", "--index", tmp.resolve("x").toString(), "--threads", "0")
        .code());
    assertEquals(2, Run.in("serve", "--port", "0").code()); // --index is required
  }
}
