package com.storyclusters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The five seed pages, bundled in the repository under samples/seeds. */
public final class Seeds {
  private Seeds() {}

  static Path dir() {
    Path p = Path.of("samples/seeds");
    return Files.isDirectory(p) ? p : Path.of("../samples/seeds");
  }

  public static Map<String, Article> load() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Article> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(dir().resolve("articles.jsonl"))) {
      JsonNode n = json.readTree(line);
      out.put(n.get("id").asText(), Article.builder(n.get("id").asText())
          .source(n.get("source").asText()).title(n.get("title").asText())
          .text(n.get("text").asText())
          .published(LocalDate.parse(n.get("published").asText()).atStartOfDay(ZoneOffset.UTC)
              .toInstant())
          .build());
    }
    return out;
  }
}
