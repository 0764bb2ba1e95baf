package com.storyclusters.examples;

import com.storyclusters.ArticleInfo;
import com.storyclusters.Assignment;
import com.storyclusters.MatchScores;
import com.storyclusters.StoryCluster;
import com.storyclusters.examples.ReportModel.ClusterView;
import com.storyclusters.examples.ReportModel.Column;
import com.storyclusters.examples.ReportModel.Pair;
import com.storyclusters.examples.ReportModel.SourceRow;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.nodes.Entities;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: inline CSS, an inline SVG
 * histogram and a few lines of inline script for the filter box; no external resource. Every
 * string from the index (ids, sources, texts, removed lines) is escaped ({@link Entities#escape}).
 */
final class ReportHtml {
  static final int BINS = 20;

  private static final String CSS = """
      body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1400px;padding:0 16px;\
      color:#222}
      h1{margin:16px 0 4px}h2{margin:20px 0 6px}.meta{color:#666;margin:0 0 8px}
      table{border-collapse:collapse;margin:6px 0}td,th{border:1px solid #ddd;padding:2px 8px;\
      text-align:left}td.n{text-align:right}
      .notext{background:#fff4d6;border:1px solid #e0c060;padding:6px 10px}
      .summary{display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start}
      .filter{position:sticky;top:0;background:#fff;padding:8px 0;border-bottom:1px solid #ddd}
      .filter input{width:420px;font-size:15px;padding:4px}
      .cluster{border-top:2px solid #888;margin-top:18px}.first{color:#444}
      .pair{display:grid;grid-template-columns:1fr 1fr;gap:12px;margin:10px 0}
      .col{border:1px solid #ccc;border-radius:4px;padding:6px 8px;min-width:0}
      .head{font-size:13px;color:#333;border-bottom:1px solid #eee;margin-bottom:4px}
      .text{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,serif}
      mark{background:#ffe36e}.cut{color:#999}
      .bp{white-space:pre-wrap;color:#999;background:#f6f6f6;font-size:12px;margin-top:6px;\
      padding:4px;overflow-wrap:anywhere}
      .bp::before{content:"removed before fingerprinting (boilerplate, chrome):";display:block;\
      font-style:italic}
      svg text{font-size:11px;fill:#444}
      """;

  private static final String SCRIPT = """
      var f=document.getElementById('filter');
      f.addEventListener('input',function(){var q=f.value.toLowerCase(),n=0;
      document.querySelectorAll('.filtered').forEach(function(e){
      var hide=q!==''&&e.textContent.toLowerCase().indexOf(q)<0;e.hidden=hide;if(!hide)n++;});
      document.getElementById('count').textContent=q===''?'':n+' shown';});
      """;

  private final Writer out;

  private ReportHtml(Writer out) {
    this.out = out;
  }

  /** Writes the page of {@code m} to {@code out}. */
  static void write(ReportModel m, Writer out) throws IOException {
    new ReportHtml(out).page(m);
  }

  private static String esc(String s) {
    return Entities.escape(s);
  }

  private void w(String s) throws IOException {
    out.write(s);
  }

  private void page(ReportModel m) throws IOException {
    w("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>storyclusters "
        + "report: " + esc(m.title()) + "</title>\n<style>\n" + CSS + "</style></head><body>\n");
    w("<h1>Story clusters</h1>\n<p class=\"meta\">" + esc(m.title()) + ". Texts are shown as the "
        + "index stores them: normalized (case-folded) and without the removed lines; passages "
        + "a copy shares with its cluster's representative are <mark>marked</mark>.</p>\n");
    if (!m.storesText()) {
      w("<p class=\"notext\" id=\"no-text\">Text was not stored: this index was built with "
          + "--no-store-text, so the report shows ids, sources and scores only.</p>\n");
    }
    summary(m);
    w("<div class=\"filter\"><input id=\"filter\" type=\"search\" placeholder=\"filter clusters"
        + " by text, id or source\" autocomplete=\"off\"> <span id=\"count\"></span></div>\n");
    for (int i = 0; i < m.shown().size(); i++) {
      cluster(m, m.shown().get(i), i);
    }
    rest(m);
    ReportModel.Caps c = m.caps();
    w(String.format(Locale.ROOT, "<footer class=\"meta\"><p>Caps: at most %,d clusters with "
        + "copies in full (largest first, then by id): the first %d with up to %d copies side by "
        + "side with the representative, the others with one, and up to %d more copies of each "
        + "as rows of scores; then at most %,d further clusters by id and size. Texts are cut at "
        + "%,d characters, removed lines at %,d; %d sources in the table. Each side marks the "
        + "longest passages (at most 10) it shares with the other, as explain finds them."
        + "</p></footer>\n", c.fullClusters(), c.topClusters(), c.topPairs(), c.copyRows(),
        c.listed(), c.textChars(), c.boilerplateChars(), c.sourceRows()));
    w("<script>\n" + SCRIPT + "</script>\n</body></html>\n");
  }

  private void summary(ReportModel m) throws IOException {
    w("<section id=\"summary\"><h2>Summary</h2><div class=\"summary\">\n<table id=\"numbers\">");
    row("articles", m.articles());
    row("clusters", m.clusters());
    row("clusters with copies", m.clustersWithCopies());
    row("articles in clusters with copies", m.articlesInCopies());
    row("copies (not first published)", m.articlesInCopies() - m.clustersWithCopies());
    row("single articles", m.clusters() - m.clustersWithCopies());
    w("</table>\n<div><table id=\"sources\"><tr><th>source</th><th>articles</th><th>in "
        + "clusters with copies</th><th>published first</th><th>copies</th></tr>\n");
    for (SourceRow s : m.sources()) {
      w("<tr><td>" + (s.source().isEmpty() ? "<i>(none)</i>" : esc(s.source())) + "</td>"
          + num(s.articles()) + num(s.inClusters()) + num(s.first()) + num(s.copies())
          + "</tr>\n");
    }
    w("</table>" + (m.moreSources() > 0 ? "<p>and " + m.moreSources() + " more sources</p>" : "")
        + "</div>\n<div><b>Largest clusters</b><ol id=\"largest\">");
    for (StoryCluster c : m.largest()) {
      int at = indexOf(m, c);
      String id = esc(c.id());
      w("<li>" + (at >= 0 ? "<a href=\"#c" + at + "\">" + id + "</a>" : id) + ": " + c.size()
          + " articles</li>");
    }
    w("</ol></div>\n<div><b>Pair scores</b> (each copy's recorded score against its best "
        + "match)<br>\n");
    histogram(m.scores());
    w("</div></div></section>\n");
  }

  private static int indexOf(ReportModel m, StoryCluster c) {
    for (int i = 0; i < m.shown().size(); i++) {
      if (m.shown().get(i).cluster().id().equals(c.id())) {
        return i;
      }
    }
    return -1;
  }

  private void row(String label, int n) throws IOException {
    w("<tr><th>" + label + "</th>" + num(n) + "</tr>");
  }

  private static String num(int n) {
    return String.format(Locale.ROOT, "<td class=\"n\">%,d</td>", n);
  }

  /** Counts of scores in {@link #BINS} bins over [0, 1] (1 falls in the last). */
  static int[] bins(double[] scores) {
    int[] bins = new int[BINS];
    for (double s : scores) {
      bins[Math.max(0, Math.min(BINS - 1, (int) (s * BINS)))]++;
    }
    return bins;
  }

  private void histogram(double[] scores) throws IOException {
    int[] bins = bins(scores);
    int max = 1;
    for (int b : bins) {
      max = Math.max(max, b);
    }
    int width = 420;
    int height = 150;
    int left = 36;
    int bar = (width - left - 6) / BINS;
    StringBuilder s = new StringBuilder();
    s.append("<svg id=\"histogram\" width=\"").append(width)
        .append("\" height=\"").append(height + 30).append("\" role=\"img\"><title>")
        .append("histogram of ").append(scores.length).append(" pair scores</title>\n");
    for (int i = 0; i < BINS; i++) {
      int h = (int) Math.round((double) bins[i] * height / max);
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
          + "fill=\"#4a78b5\"><title>%.2f-%.2f: %d</title></rect>\n", left + i * bar,
          10 + height - h, bar - 1, h, (double) i / BINS, (double) (i + 1) / BINS, bins[i]));
    }
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
        + "stroke=\"#444\"/>\n", left, 10 + height, left + BINS * bar, 10 + height));
    for (int t = 0; t <= 4; t++) {
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%.2f"
          + "</text>", left + t * BINS * bar / 4, height + 24, t / 4.0));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" text-anchor=\"end\">%d</text>"
        + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>\n</svg>", left - 4, max,
        left - 4, 10 + height));
    w(s.toString());
    w(String.format(Locale.ROOT, "<br>pairs scored: %,d", scores.length));
  }

  private void cluster(ReportModel m, ClusterView v, int at) throws IOException {
    StoryCluster c = v.cluster();
    ArticleInfo f = v.first();
    w("<section class=\"cluster filtered\" id=\"c" + at + "\"><h2>Cluster " + esc(c.id())
        + " <small>" + c.size() + " articles</small></h2>\n<p class=\"first\">Published first: "
        + "<b>" + esc(f.id()) + "</b> (" + source(f.source()) + when(f.published()) + "; "
        + v.firstReason() + "). Representative: <b>" + esc(c.representative()) + "</b>. "
        + "Members: " + esc(String.join(", ", c.members())) + "</p>\n");
    for (Pair p : v.pairs()) {
      w("<div class=\"pair\">\n");
      column(m, p.representative(), "representative", null);
      column(m, p.copy(), "copy", p.assignment());
      w("</div>\n");
    }
    if (!v.more().isEmpty()) {
      w("<table class=\"more\"><tr><th>further copy</th><th>source</th><th>best match</th>"
          + "<th>score</th><th>containment</th><th>of match</th><th>lead verbatim</th></tr>\n");
      for (ReportModel.Copy copy : v.more()) {
        Assignment a = copy.assignment();
        w("<tr><td>" + esc(a.articleId()) + "</td><td>" + source(copy.info().source()) + "</td><td>"
            + esc(a.bestMatch().orElse("-")) + "</td>");
        Optional<MatchScores> s = a.scores();
        w(s.isEmpty() ? "<td colspan=\"4\">-</td>" : String.format(Locale.ROOT, "<td class=\"n\">"
            + "%.3f</td><td class=\"n\">%.3f</td><td class=\"n\">%.3f</td><td class=\"n\">%.3f"
            + "</td>", s.get().score(), s.get().containmentOfNew(), s.get().containmentOfMatch(),
            s.get().leadVerbatim()));
        w("</tr>\n");
      }
      w("</table>\n");
    }
    if (v.notShown() > 0) {
      w("<p>and " + v.notShown() + " more copies (not shown)</p>\n");
    }
    w("</section>\n");
  }

  private static String source(String s) {
    return s.isEmpty() ? "no source" : esc(s);
  }

  private static String when(Optional<Instant> t) {
    return t.map(i -> ", " + i).orElse(", time unknown");
  }

  private void column(ReportModel m, Column col, String role, Assignment a) throws IOException {
    w("<div class=\"col " + role + "\"><div class=\"head\">" + role + " <b>" + esc(col.id())
        + "</b> · " + source(col.source()) + when(col.published()));
    if (a != null) {
      w("<br>" + scores(a));
    }
    w("</div>\n");
    if (m.storesText()) {
      w("<div class=\"text\">");
      int from = 0;
      String t = col.text();
      for (int[] r : col.marks()) {
        w(esc(t.substring(from, r[0])) + "<mark>" + esc(t.substring(r[0], r[1])) + "</mark>");
        from = r[1];
      }
      w(esc(t.substring(from)));
      if (col.cut()) {
        w("<span class=\"cut\">…(cut)</span>");
      }
      w("</div>\n");
      if (!col.boilerplate().isEmpty()) {
        w("<div class=\"bp\">" + esc(String.join("\n", col.boilerplate()))
            + (col.boilerplateCut() ? "\n…(cut)" : "") + "</div>\n");
      }
    }
    w("</div>\n");
  }

  private static String scores(Assignment a) {
    if (a.scores().isEmpty()) {
      return "no recorded scores";
    }
    MatchScores s = a.scores().get();
    return String.format(Locale.ROOT, "score <b>%.3f</b>, containment %.3f, of match %.3f, lead "
        + "verbatim %.3f (against best match %s)", s.score(), s.containmentOfNew(),
        s.containmentOfMatch(), s.leadVerbatim(), esc(a.bestMatch().orElse("-")));
  }

  private void rest(ReportModel m) throws IOException {
    if (m.listed().isEmpty() && m.notListed() == 0) {
      return;
    }
    w("<section id=\"rest\"><h2>More clusters with copies</h2><ul>\n");
    for (StoryCluster c : m.listed()) {
      w("<li class=\"filtered\">" + esc(c.id()) + ": " + c.size() + " articles</li>\n");
    }
    w("</ul>" + (m.notListed() > 0 ? "<p>and " + m.notListed() + " more (not listed)</p>" : "")
        + "</section>\n");
  }
}
