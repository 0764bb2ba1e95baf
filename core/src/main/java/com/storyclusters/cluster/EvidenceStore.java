package com.storyclusters.cluster;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a {@link CandidateIndex} keeps its entries' evidence (shingle set, lead ranks, sketch), by
 * ordinal: on the heap ({@link #onHeap}), or in a scratch file mapped into memory
 * ({@link #mapped}), so that the evidence of a large window lives in the page cache, as a Lucene
 * index's doc values do, and not in the Java heap. Each {@link #get} of mapped evidence gives a
 * fresh instance that reads the file when first used (see {@link Evidence}). Writes need the
 * candidate index's lock and no concurrent reader; reads are safe from many threads between
 * writes. Internal.
 */
abstract class EvidenceStore implements Closeable {
  /**
   * Makes room for the evidence of {@code ordinal}, the next one (every lower one has room), for
   * {@link #write}; under the lock, as every write.
   */
  abstract void reserve(int ordinal, Evidence e);

  /**
   * Stores the evidence of {@code ordinal} where {@link #reserve} made room for it. The writes of
   * distinct reserved ordinals may run at once on several threads, the caller waiting for all
   * before any is read.
   */
  abstract void write(int ordinal, Evidence e);

  /** The evidence stored under {@code ordinal}, its id {@code id}. */
  abstract Evidence get(int ordinal, String id);

  /** Forgets {@code ordinal}'s evidence (it is deleted). */
  abstract void drop(int ordinal);

  /**
   * Renumbers the live ordinals: {@code live[n]} (ascending) becomes {@code n}; the others are
   * forgotten and their space reclaimed.
   */
  abstract void keep(int[] live);

  @Override
  public void close() {}

  /** Evidence held as the arrays themselves. */
  static EvidenceStore onHeap() {
    return new Heap();
  }

  /**
   * Evidence in {@code file}, a scratch file this store creates (replacing one a killed process
   * left, and that one's rewrites, {@code file.N}) and deletes on close; on systems that allow it
   * the file is unlinked at once, so that nothing is left behind whatever ends the process, and no
   * listing of the folder shows it.
   */
  static EvidenceStore mapped(Path file) throws IOException {
    return new Mapped(file);
  }

  private static final class Heap extends EvidenceStore {
    private Evidence[] entries = new Evidence[1024];

    @Override
    void reserve(int ordinal, Evidence e) {
      if (ordinal == entries.length) {
        entries = Arrays.copyOf(entries, 2 * ordinal);
      }
      entries[ordinal] = e;
    }

    @Override
    void write(int ordinal, Evidence e) {
      // held as it is since reserve
    }

    @Override
    Evidence get(int ordinal, String id) {
      return entries[ordinal];
    }

    @Override
    void drop(int ordinal) {
      entries[ordinal] = null;
    }

    @Override
    void keep(int[] live) {
      Evidence[] kept = new Evidence[Math.max(1024, entries.length)];
      for (int n = 0; n < live.length; n++) {
        kept[n] = entries[live[n]];
      }
      entries = kept;
    }
  }

  /** Records ({@link EvidenceRecord}) in chunks of a mapped file; a record never spans chunks. */
  private static final class Mapped extends EvidenceStore {
    /** Ints per chunk (256 MiB): a record holds at most a few hundred thousand. */
    private static final int CHUNK_INTS = 1 << 26;

    /** The scratch file's name; a rewrite goes to {@code base.N}, the N-th. */
    private final Path base;
    private Path file;
    private int generation;
    private FileChannel channel;
    private boolean unlinked;
    private final List<IntBuffer> chunks = new ArrayList<>();
    /** Where each ordinal's record starts, in ints from the file's start; -1 when dropped. */
    private long[] at = new long[1024];
    /** The end of the last record, in ints. */
    private long end;

    Mapped(Path file) throws IOException {
      this.base = file;
      this.file = file;
      // rewrites a killed process left where open files cannot be unlinked
      String rewrite = file.getFileName() + ".";
      try (java.util.stream.Stream<Path> siblings = Files.list(file.getParent())) {
        for (Path p : (Iterable<Path>) siblings::iterator) {
          if (p.getFileName().toString().startsWith(rewrite)) {
            Files.deleteIfExists(p);
          }
        }
      }
      open();
    }

    private void open() throws IOException {
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
      try {
        Files.delete(file); // POSIX: the open channel keeps it until closed or the process ends
        unlinked = true;
      } catch (IOException e) {
        unlinked = false; // deleted on close instead
      }
    }

    private IntBuffer chunk(int c) {
      while (chunks.size() <= c) {
        try {
          chunks.add(channel.map(FileChannel.MapMode.READ_WRITE,
              (long) chunks.size() * CHUNK_INTS * Integer.BYTES, (long) CHUNK_INTS * Integer.BYTES)
              .order(ByteOrder.nativeOrder()).asIntBuffer());
        } catch (IOException e) {
          throw new UncheckedIOException("cannot map evidence file " + file, e);
        }
      }
      return chunks.get(c);
    }

    @Override
    void reserve(int ordinal, Evidence e) {
      reserve(ordinal, EvidenceRecord.size(e));
    }

    @Override
    void write(int ordinal, Evidence e) {
      long start = at[ordinal];
      EvidenceRecord.write(chunks.get((int) (start / CHUNK_INTS)), (int) (start % CHUNK_INTS), e);
    }

    /**
     * Makes room for a record of {@code size} ints as {@code ordinal}'s, after the last one (at
     * the next chunk's start when it would span two); returns where it starts.
     */
    private long reserve(int ordinal, int size) {
      if (size > CHUNK_INTS) {
        throw new IllegalArgumentException("evidence record of " + size + " ints is too large");
      }
      long start = end;
      if (start / CHUNK_INTS != (start + size - 1) / CHUNK_INTS) {
        start = (start / CHUNK_INTS + 1) * CHUNK_INTS;
      }
      chunk((int) (start / CHUNK_INTS));
      if (ordinal == at.length) {
        at = Arrays.copyOf(at, 2 * ordinal);
      }
      at[ordinal] = start;
      end = start + size;
      return start;
    }

    @Override
    Evidence get(int ordinal, String id) {
      long start = at[ordinal];
      return Evidence.stored(id, chunks.get((int) (start / CHUNK_INTS)),
          (int) (start % CHUNK_INTS));
    }

    @Override
    void drop(int ordinal) {
      at[ordinal] = -1;
    }

    /** Copies the live records into a new file, in their new order, a record at a time. */
    @Override
    void keep(int[] live) {
      List<IntBuffer> from = new ArrayList<>(chunks);
      long[] starts = at;
      FileChannel old = channel;
      boolean oldUnlinked = unlinked;
      Path oldFile = file;
      try {
        generation++;
        file = base.resolveSibling(base.getFileName() + "." + generation);
        chunks.clear();
        open();
        at = new long[Math.max(1024, live.length)];
        end = 0;
        int[] scratch = new int[0];
        for (int n = 0; n < live.length; n++) {
          long start = starts[live[n]];
          IntBuffer b = from.get((int) (start / CHUNK_INTS));
          int p = (int) (start % CHUNK_INTS);
          int size = EvidenceRecord.size(b, p);
          if (scratch.length < size) {
            scratch = new int[Math.max(size, 2 * scratch.length)];
          }
          b.get(p, scratch, 0, size);
          long to = reserve(n, size);
          chunks.get((int) (to / CHUNK_INTS)).put((int) (to % CHUNK_INTS), scratch, 0, size);
        }
        old.close();
        if (!oldUnlinked) {
          Files.deleteIfExists(oldFile);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot rewrite evidence file " + file, e);
      }
    }

    private void release() throws IOException {
      chunks.clear(); // unmapped when collected
      channel.close();
      if (!unlinked) {
        Files.deleteIfExists(file);
      }
    }

    @Override
    public void close() {
      try {
        release();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot release evidence file " + file, e);
      }
    }
  }
}
