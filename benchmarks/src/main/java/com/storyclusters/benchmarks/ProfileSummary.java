package com.storyclusters.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises the CPU samples of a JFR recording ({@code jdk.ExecutionSample}): samples per thread
 * group (digits in names folded), and the methods with the most samples, inclusive (anywhere in
 * the stack, once per sample) and self (top frame). Full stacks, not {@code jfr print}'s five
 * frames.
 * <pre>
 * java -XX:StartFlightRecording=filename=c.jfr,settings=profile -jar examples/target/storyclusters.jar \
 *     cluster A.jsonl --index /tmp/idx --output /tmp/out.jsonl --quiet
 * java -cp benchmarks/target/benchmarks.jar com.storyclusters.benchmarks.ProfileSummary c.jfr [top] [prefix]
 * </pre>
 */
public final class ProfileSummary {
  private ProfileSummary() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 0) {
      System.err.println("usage: ProfileSummary RECORDING.jfr [top (default 25)] [method prefix]");
      System.exit(2);
    }
    int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
    String prefix = args.length > 2 ? args[2] : "";
    Map<String, Integer> threads = new HashMap<>();
    Map<String, Integer> inclusive = new HashMap<>();
    Map<String, Integer> self = new HashMap<>();
    int total = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = e.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      total++;
      String thread = e.getThread("sampledThread") == null ? "?"
          : e.getThread("sampledThread").getJavaName();
      threads.merge(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1, Integer::sum);
      Set<String> seen = new HashSet<>();
      List<RecordedFrame> frames = stack.getFrames();
      for (int i = 0; i < frames.size(); i++) {
        RecordedFrame f = frames.get(i);
        String type = f.getMethod().getType().getName();
        if (type.contains("$$Lambda")) {
          continue; // the lambda's own method (lambda$...) is the frame below
        }
        String m = type + "." + f.getMethod().getName();
        if (seen.isEmpty()) {
          self.merge(m, 1, Integer::sum);
        }
        if (seen.add(m)) {
          inclusive.merge(m, 1, Integer::sum);
        }
      }
    }
    System.out.printf(Locale.ROOT, "samples: %d%n%nthreads:%n", total);
    print(threads, total, Integer.MAX_VALUE, "");
    System.out.printf(Locale.ROOT, "%nmethods by inclusive samples:%n");
    print(inclusive, total, top, prefix);
    System.out.printf(Locale.ROOT, "%nmethods by self samples:%n");
    print(self, total, top, prefix);
  }

  private static void print(Map<String, Integer> counts, int total, int top, String prefix) {
    List<Map.Entry<String, Integer>> rows = new ArrayList<>(counts.entrySet());
    rows.removeIf(r -> !r.getKey().startsWith(prefix));
    rows.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    for (Map.Entry<String, Integer> r : rows.subList(0, Math.min(top, rows.size()))) {
      System.out.printf(Locale.ROOT, "  %6.1f%%  %s%n", 100.0 * r.getValue() / total, r.getKey());
    }
  }
}
