package com.storyclusters.examples;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.storyclusters.Article;
import com.storyclusters.Assignment;
import com.storyclusters.MatchScores;
import com.storyclusters.PairExplanation;
import com.storyclusters.StoryCluster;
import com.storyclusters.StoryClusters;
import com.storyclusters.StoryClustersException;
import com.storyclusters.examples.Requests.HttpError;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP JSON service of {@code serve} over one open {@link StoryClusters} (README, Service):
 * {@code POST /articles}, {@code GET|DELETE /articles/{id}}, {@code GET /clusters/{id}},
 * {@code GET /explain?a=&b=}, {@code GET /health}, {@code GET /report}.
 *
 * <p><b>Durability.</b> A write (add, remove) is answered 200 only after a commit that covers it
 * returned ({@link GroupCommit}: the writes of a few milliseconds share one commit).
 *
 * <p><b>Closing.</b> {@link #stopAccepting()} answers every later request 503; {@link
 * #drainAndClose} then waits for the requests in flight, commits, closes the index and stops the
 * server. Errors are JSON {@code {"error": "..."}} with their status; a client's mistake is not
 * logged, a failure of the service is logged as one line on stderr (with its stack trace only when
 * {@code STORYCLUSTERS_DEBUG=1}).
 *
 * <p>Thread-safety: requests run on a fixed pool of threads; the library is thread-safe.
 */
final class Service implements AutoCloseable {
  /** How long {@link #close()} waits for requests in flight. */
  static final Duration DRAIN = Duration.ofSeconds(30);

  private final StoryClusters sc;
  private final HttpServer server;
  private final ExecutorService executor;
  private final GroupCommit commits;
  private final int maxRequestBytes;
  private final int batchThreads;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();

  private Service(StoryClusters sc, HttpServer server, int threads, int maxRequestBytes,
      long commitWindowMillis) {
    this.sc = sc;
    this.server = server;
    this.maxRequestBytes = maxRequestBytes;
    this.batchThreads = Math.max(1, Math.min(threads, Runtime.getRuntime()
        .availableProcessors()));
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "storyclusters-http-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.commits = new GroupCommit(sc::commit, commitWindowMillis, TimeUnit.MILLISECONDS,
        threads);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /**
   * Starts serving {@code sc} on {@code address} (port 0: a free one, see {@link #address()}).
   * The service owns {@code sc} from now on and closes it in {@link #drainAndClose}.
   *
   * @param threads request threads (and at most this many writes share a commit at once)
   * @param maxRequestBytes a larger request body is refused with 413
   * @param commitWindowMillis how long a commit waits for more writes to join it
   * @throws IOException if the address cannot be bound
   */
  static Service start(StoryClusters sc, InetSocketAddress address, int threads,
      int maxRequestBytes, long commitWindowMillis) throws IOException {
    HttpServer server = HttpServer.create(address, 128);
    Service s = new Service(sc, server, threads, maxRequestBytes, commitWindowMillis);
    server.start();
    return s;
  }

  /** The address listened on (with the port chosen when 0 was asked). */
  InetSocketAddress address() {
    return server.getAddress();
  }

  /** Commits made (group commits: fewer than the writes when they arrive together). */
  long commits() {
    return commits.commits();
  }

  /** From now on every request is answered 503 (the service is closing). */
  void stopAccepting() {
    closing.set(true);
  }

  /**
   * Stops accepting, waits up to {@code timeout} for the requests in flight, commits, closes the
   * index and stops the server. Idempotent.
   *
   * @return whether every request drained and the index closed cleanly
   */
  boolean drainAndClose(Duration timeout) {
    stopAccepting();
    if (!closed.compareAndSet(false, true)) {
      return true;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean ok = true;
    synchronized (inFlight) {
      try {
        for (long left = timeout.toNanos(); inFlight.get() > 0 && left > 0;
            left = deadline - System.nanoTime()) {
          TimeUnit.NANOSECONDS.timedWait(inFlight, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (inFlight.get() > 0) {
        log("closing with " + inFlight.get() + " request(s) still running", null);
        ok = false;
      }
    }
    commits.close();
    try {
      sc.close(); // commits
    } catch (RuntimeException e) {
      log("cannot close the index: " + Failures.describe(e), e);
      ok = false;
    }
    server.stop(0);
    executor.shutdownNow();
    return ok;
  }

  /** {@link #drainAndClose} waiting at most {@link #DRAIN}. */
  @Override
  public void close() {
    drainAndClose(DRAIN);
  }

  /** A response: its status, JSON body and, for 405, the methods allowed. */
  private record Response(int status, String body, String contentType, String allow) {
    static Response json(int status, com.fasterxml.jackson.databind.JsonNode node) {
      return new Response(status, Jsonl.write(node), "application/json; charset=utf-8", null);
    }

    static Response error(int status, String message, String allow) {
      ObjectNode n = Jsonl.newObject();
      n.put("error", message);
      return new Response(status, Jsonl.write(n), "application/json; charset=utf-8", allow);
    }
  }

  private void handle(HttpExchange ex) {
    inFlight.incrementAndGet();
    try {
      if (closing.get()) {
        done(); // a 503 is not waited for
        send(ex, Response.error(503, "the service is closing", null));
        return;
      }
      try {
        send(ex, respond(ex));
      } finally {
        done();
      }
    } catch (IOException e) {
      // the client went away: nothing to answer
    } finally {
      ex.close();
    }
  }

  private void done() {
    synchronized (inFlight) {
      if (inFlight.decrementAndGet() == 0) {
        inFlight.notifyAll();
      }
    }
  }

  /** The answer to a request: its handler's, or the error it failed with. */
  private Response respond(HttpExchange ex) {
    try {
      return route(ex);
    } catch (HttpError e) {
      return Response.error(e.status, e.getMessage(), e.allow);
    } catch (GroupCommit.CommitFailedException e) {
      log("commit failed: " + e.getMessage(), e.getCause());
      return Response.error(closing.get() ? 503 : 500, "not durable: commit failed: "
          + e.getMessage(), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Response.error(503, "the service is closing", null);
    } catch (StoryClustersException e) {
      if (closing.get()) {
        return Response.error(503, "the service is closing", null);
      }
      log(Failures.describe(e), e);
      return Response.error(500, Failures.describe(e), null);
    } catch (IOException | RuntimeException e) {
      log(Failures.describe(e), e);
      return Response.error(500, Failures.describe(e), null);
    }
  }

  private Response route(HttpExchange ex) throws HttpError, IOException, InterruptedException,
      GroupCommit.CommitFailedException {
    String method = ex.getRequestMethod();
    List<String> path = Requests.segments(ex.getRequestURI().getRawPath());
    String head = path.get(0);
    if (path.size() == 1 && head.equals("articles")) {
      allow(method, "POST");
      return post(ex);
    } else if (path.size() == 2 && head.equals("articles") && !path.get(1).isEmpty()) {
      if (method.equals("DELETE")) {
        return delete(path.get(1));
      }
      allow(method, "GET, DELETE");
      return article(path.get(1));
    } else if (path.size() == 2 && head.equals("clusters") && !path.get(1).isEmpty()) {
      allow(method, "GET");
      return cluster(path.get(1));
    } else if (path.size() == 1 && head.equals("explain")) {
      allow(method, "GET");
      return explain(Requests.query(ex.getRequestURI().getRawQuery()));
    } else if (path.size() == 1 && head.equals("health")) {
      allow(method, "GET");
      ObjectNode n = Jsonl.newObject();
      n.put("status", "ok");
      n.put("articles", sc.size());
      n.put("clusters", sc.clusterCount());
      return Response.json(200, n);
    } else if (path.size() == 1 && head.equals("report")) {
      allow(method, "GET");
      return report();
    }
    throw new HttpError(404, "no such endpoint: " + ex.getRequestURI().getRawPath()
        + " (ids travel percent-encoded: '/' as %2F)");
  }

  private static void allow(String method, String allowed) throws HttpError {
    for (String m : allowed.split(", ")) {
      if (m.equals(method)) {
        return;
      }
    }
    throw new HttpError(405, "method " + method + " is not allowed here; allowed: " + allowed,
        allowed);
  }

  /** POST /articles: one article (an object) or a batch (a list, in order); durable when 200. */
  private Response post(HttpExchange ex) throws HttpError, IOException, InterruptedException,
      GroupCommit.CommitFailedException {
    byte[] body = Requests.body(ex, maxRequestBytes);
    Requests.Posted posted = Requests.articles(body,
        ex.getRequestHeaders().getFirst("Content-Type"));
    List<Article> articles = posted.articles();
    List<Assignment> assigned = posted.batch() ? sc.addAll(articles, batchThreads)
        : List.of(sc.add(articles.get(0)));
    commits.awaitDurable();
    ArrayNode list = Jsonl.newObject().arrayNode();
    for (int i = 0; i < assigned.size(); i++) {
      ObjectNode n = ClusterCommand.toJson(assigned.get(i));
      if (posted.warnings().get(i) != null) {
        n.put("warning", posted.warnings().get(i));
      }
      list.add(n);
    }
    if (!posted.batch()) {
      return Response.json(200, list.get(0));
    }
    String accept = ex.getRequestHeaders().getFirst("Accept");
    if (accept != null && accept.contains("ndjson")) {
      StringBuilder lines = new StringBuilder();
      list.forEach(n -> lines.append(Jsonl.write(n)).append('\n'));
      return new Response(200, lines.toString(), "application/x-ndjson; charset=utf-8", null);
    }
    return Response.json(200, list);
  }

  /** GET /articles/{id}: the assignment as the index records it. */
  private Response article(String id) throws HttpError {
    Assignment a = sc.assignment(id).orElseThrow(() -> notFound("article", id));
    return Response.json(200, ClusterCommand.toJson(a));
  }

  /** DELETE /articles/{id}: removed (durable when 200), or 404. */
  private Response delete(String id) throws HttpError, InterruptedException,
      GroupCommit.CommitFailedException {
    if (!sc.remove(id)) {
      throw notFound("article", id);
    }
    commits.awaitDurable();
    ObjectNode n = Jsonl.newObject();
    n.put("id", id);
    n.put("removed", true);
    return Response.json(200, n);
  }

  /** GET /clusters/{id}: the cluster, its representative first among the members. */
  private Response cluster(String id) throws HttpError {
    StoryCluster c = sc.cluster(id).orElseThrow(() -> notFound("cluster", id));
    ObjectNode n = Jsonl.newObject();
    n.put("id", c.id());
    n.put("representative", c.representative());
    n.put("size", c.size());
    ArrayNode members = n.putArray("members");
    members.add(c.representative());
    c.members().stream().filter(m -> !m.equals(c.representative())).forEach(members::add);
    return Response.json(200, n);
  }

  /** GET /explain?a=ID&amp;b=ID: the scores, the reason and the passages shared. */
  private Response explain(Map<String, String> query) throws HttpError {
    String a = query.get("a");
    String b = query.get("b");
    if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
      throw new HttpError(400, "explain needs two article ids: /explain?a=ID&b=ID");
    }
    PairExplanation e;
    try {
      e = sc.explain(a, b);
    } catch (IllegalArgumentException x) {
      throw new HttpError(404, Failures.describe(x));
    }
    MatchScores s = e.scores();
    ObjectNode n = Jsonl.newObject();
    n.put("a", a);
    n.put("b", b);
    n.put("reason", e.reason());
    n.put("linked", s.linked());
    ObjectNode scores = n.putObject("scores");
    scores.put("score", s.score());
    scores.put("containment", s.containmentOfNew());
    scores.put("containmentOfMatch", s.containmentOfMatch());
    scores.put("jaccard", s.jaccard());
    scores.put("minHashJaccard", s.minHashJaccard());
    scores.put("leadOfNew", s.leadOfNew());
    scores.put("leadOfMatch", s.leadOfMatch());
    scores.put("leadShareOfNew", s.leadShareOfNew());
    scores.put("leadShareOfMatch", s.leadShareOfMatch());
    scores.put("leadVerbatim", s.leadVerbatim());
    sc.clusterOf(a).ifPresent(c -> n.put("clusterOfA", c.id()));
    sc.clusterOf(b).ifPresent(c -> n.put("clusterOfB", c.id()));
    n.put("storesText", sc.storesText());
    ArrayNode passages = n.putArray("sharedPassages");
    e.sharedPassages().forEach(passages::add);
    return Response.json(200, n);
  }

  /** GET /report: the HTML report of the index as it stands (capped as the command's). */
  private Response report() throws IOException {
    java.io.StringWriter html = new java.io.StringWriter();
    ReportHtml.write(ReportModel.of(sc, "storyclusters", ReportModel.Caps.DEFAULT), html);
    return new Response(200, html.toString(), "text/html; charset=utf-8", null);
  }

  private static HttpError notFound(String what, String id) {
    return new HttpError(404, "no " + what + " " + id);
  }

  private static void send(HttpExchange ex, Response r) throws IOException {
    byte[] body = r.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", r.contentType());
    if (r.allow() != null) {
      ex.getResponseHeaders().set("Allow", r.allow());
    }
    ex.sendResponseHeaders(r.status(), body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** A failure of the service (not of a request): one line on stderr. */
  private static void log(String message, Throwable e) {
    System.err.println("storyclusters: serve: " + message);
    if (e != null && "1".equals(System.getenv("STORYCLUSTERS_DEBUG"))) {
      e.printStackTrace();
    }
  }
}
