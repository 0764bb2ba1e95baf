package com.storyclusters.cluster;

/**
 * The linear-probing rules this package's open-addressing tables share ({@link IntIntMultimap},
 * {@link IdTable}, {@link OrdinalTable}, {@link TextTable}), written once. Stateless; internal.
 */
final class Probing {
  private Probing() {}

  /**
   * The home slot of a 32-bit hash among {@code capacity} slots: its product with the golden
   * ratio (Fibonacci hashing), mapped onto the slots by a multiply-shift, so that a table can have
   * any number of slots and grow by half.
   */
  static int home(int hash, int capacity) {
    return (int) (((hash * 0x9E3779B9) & 0xFFFFFFFFL) * capacity >>> 32);
  }

  /** The slot after {@code slot}, wrapping past the table's end. */
  static int next(int slot, int capacity) {
    return slot + 1 == capacity ? 0 : slot + 1;
  }

  /**
   * Whether, after slot {@code freed} was emptied (a removal without tombstones), the entry at
   * {@code at} whose home is {@code home} stays where it is: when its home lies cyclically in
   * {@code (freed, at]}; otherwise it moves back into the freed slot.
   */
  static boolean stays(int freed, int home, int at) {
    return freed <= at ? freed < home && home <= at : freed < home || home <= at;
  }
}
