package com.storyclusters.text;

/**
 * Receives tokens from a {@link Tokenizer}, one call per token, in text order. A primitive callback
 * so that no object is allocated per token.
 */
@FunctionalInterface
public interface TokenSink {
  /**
   * Called once per token.
   *
   * @param hash the token's pinned 64-bit hash (see {@link Tokenizer#hashToken(CharSequence)})
   * @param start index of the token's first char in the tokenized text (inclusive)
   * @param end index after the token's last char (exclusive)
   */
  void token(long hash, int start, int end);
}
